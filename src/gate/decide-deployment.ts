import type { PullRequestFacts, StatusFact } from '../core/evidence/snapshot.ts';
import { isLivingComment } from '../core/markers/gate-comments.ts';
import { toPullRequestFacts } from '../github/pull-requests.ts';
import type { GateContext } from './gate-context.ts';
import { STATUS_CONTEXT } from './gate-event.ts';
import { readAndEvaluate } from './read-evidence.ts';

/** What the gate answers a deployment protection rule: approve or reject, and why, in a line or two. */
export interface DeploymentDecision {
  approve: boolean;
  comment: string;
  pullRequest: number | null;
}

export interface DeploymentRequest {
  /** The commit the workflow deploys. */
  sha: string;
  environment: string;
}

type ReleasePr = { facts: PullRequestFacts; mergedAt: string | null };

/** The release PR that produced `sha`: merged as that commit, or else open with it as its head. */
async function releasePullRequest(context: GateContext, sha: string): Promise<ReleasePr | null> {
  const { client, repo } = context;
  const items = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, { ...repo, commit_sha: sha, per_page: 100 });
  const merged = items.find((pr) => pr.merged_at && pr.merge_commit_sha === sha);
  if (merged) return { facts: toPullRequestFacts(merged), mergedAt: merged.merged_at };
  const open = items.find((pr) => pr.state === 'open' && pr.head.sha === sha);
  return open ? { facts: toPullRequestFacts(open), mergedAt: null } : null;
}

/** The gate's own verdict on the head as it stood at `at` (its identity is the App's, which nothing else writes as). */
function verdictAt(statuses: readonly StatusFact[], login: string, at: string | null): StatusFact | undefined {
  return statuses
    .filter((status) => status.context === STATUS_CONTEXT && status.creator?.login === login && (at === null || status.createdAt <= at))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id))[0];
}

/**
 * Whether the deployed commit was ready: the release PR that produced it carried the gate's
 * `success` when it merged, and judged again now on what GitHub holds (a new critical alert, a
 * waiver that expired since), it is still ready. Read-only; fails closed at every step.
 */
export async function decideDeployment(context: GateContext, request: DeploymentRequest): Promise<DeploymentDecision> {
  const short = request.sha.slice(0, 7);
  if (context.identity.shared) {
    return { approve: false, pullRequest: null, comment: `Release Readiness cannot vouch for ${short}: it runs as ${context.identity.login}, which other workflows write as too.` };
  }
  const found = await releasePullRequest(context, request.sha);
  if (!found) return { approve: false, pullRequest: null, comment: `No release pull request produced ${short} (GitHub associates no merged PR with it as its merge commit, and no open PR has it as its head): nothing vouches for it.` };
  const { facts, mergedAt } = found;
  const { snapshot, evaluation } = await readAndEvaluate(context, facts);
  const living = snapshot.sources.comments?.ok ? snapshot.sources.comments.value.find((comment) => isLivingComment(comment, context.identity)) : undefined;
  const link = living?.htmlUrl ?? facts.htmlUrl;
  // A PR the policy does not gate carries no verdict on its readiness, whatever status it has.
  if (!evaluation.applies) return { approve: false, pullRequest: facts.number, comment: `#${facts.number} is not a release PR under the policy (its base \`${facts.base.ref}\` is not a release branch): nothing vouches for ${short}.` };
  const statuses = snapshot.sources.statuses;
  if (!statuses?.ok) return { approve: false, pullRequest: facts.number, comment: `Could not read the gate's status on #${facts.number} (${statuses ? statuses.problem.message : 'not read'}); see ${link}.` };
  const atMerge = verdictAt(statuses.value, context.identity.login, mergedAt);
  const when = mergedAt ? 'when it merged' : 'now';
  if (atMerge?.state !== 'success') {
    const was = atMerge ? `${atMerge.state}: ${atMerge.description ?? ''}` : 'no status from the gate';
    return { approve: false, pullRequest: facts.number, comment: `#${facts.number} was not ready ${when} (${was}). See ${link}.` };
  }
  if (evaluation.state !== 'success') {
    return { approve: false, pullRequest: facts.number, comment: `#${facts.number} was ready ${when}, but is not now: ${evaluation.description}. See ${link}.` };
  }
  return { approve: true, pullRequest: facts.number, comment: `#${facts.number} was ready ${when} and still is: ${evaluation.description}. Record: ${link}.` };
}
