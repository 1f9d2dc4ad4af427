import { evaluate, prepare } from '../core/evaluation/evaluate.ts';
import type { Evaluation, GateState } from '../core/evaluation/result.ts';
import { planEvidence } from '../core/evidence/plan.ts';
import type { EvidenceSnapshot, GateIdentity, PlannedSource, PolicyFile, PullRequestFacts, Readable } from '../core/evidence/snapshot.ts';
import { renderComment } from '../core/render/render-comment.ts';
import { latestGateStatus, publishStatus } from '../github/commit-status.ts';
import { readFollowUps } from '../github/evidence/follow-up-readers.ts';
import { gatherEvidence } from '../github/evidence/gather-evidence.ts';
import type { ReaderContext } from '../github/evidence/reader-context.ts';
import { publishLivingComment } from '../github/living-comment.ts';
import type { GitHubClient } from '../github/octokit-client.ts';
import { describeApiError } from '../github/api-problem.ts';
import { readDefaultBranch, readPolicy } from '../github/policy-reader.ts';
import { acknowledgeComments } from '../github/reactions.ts';
import { commitVerdict } from './commit-verdict.ts';
import type { Logger } from './logger.ts';
import { WriteGuard } from './write-guard.ts';
import type { Settings } from './settings.ts';

export const STATUS_CONTEXT = 'release-readiness';

/** Follow-up rounds: eligibility and the record of pushes, then the files of earlier heads, then comparisons. */
const MAX_FOLLOW_UP_ROUNDS = 4;

export interface GateDependencies {
  client: GitHubClient;
  /** For the security alert endpoints and team membership. */
  securityClient: GitHubClient;
  settings: Settings;
  /** The account the gate writes as, from its token. */
  identity: GateIdentity;
  log: Logger;
  /** The clock, as an ISO timestamp. */
  now: () => string;
  /** Policies by branch, so that a schedule run reads each only once. */
  policies: Map<string, Promise<Readable<PolicyFile>>>;
  /** The repository's default branch, once asked for. */
  defaultBranch?: Promise<string>;
  saveSnapshot: (snapshot: EvidenceSnapshot) => Promise<void>;
}

export interface GateOutcome {
  number: number;
  evaluation: Evaluation;
  /** The state set on the head commit: the evaluation's, or worse when another open PR shares the head. */
  state: GateState;
  snapshot: EvidenceSnapshot;
  commentUrl: string;
  /** The rendered comment, for the job summary. */
  body: string;
}

/** The branch whose readiness.yml judges this PR. */
async function policyRef(deps: GateDependencies, pr: PullRequestFacts): Promise<string> {
  if (deps.settings.policyFrom === 'base') return pr.base.ref;
  deps.defaultBranch ??= deps.settings.defaultBranch ? Promise.resolve(deps.settings.defaultBranch) : readDefaultBranch(deps.client, deps.settings.repo);
  return deps.defaultBranch;
}

/** The policy that judges this PR, read once per branch in a run. */
export async function policyFor(deps: GateDependencies, pr: PullRequestFacts): Promise<Readable<PolicyFile>> {
  let ref: string;
  try {
    ref = await policyRef(deps, pr);
  } catch (error) {
    return { ok: false, problem: describeApiError(error, 'the repository’s default branch, where readiness.yml is read') };
  }
  let policy = deps.policies.get(ref);
  if (!policy) {
    policy = readPolicy(deps.client, deps.settings.repo, deps.settings.configPath, ref);
    deps.policies.set(ref, policy);
  }
  return policy;
}

/** Reads the evidence the evaluation asks for, round after round, until it asks for nothing more. */
export async function gatherAndEvaluate(deps: GateDependencies, pr: PullRequestFacts, policy: Readable<PolicyFile>): Promise<{ snapshot: EvidenceSnapshot; evaluation: Evaluation }> {
  const { settings, log } = deps;
  const preparation = prepare(policy, pr);
  log.info(`Policy ${settings.configPath} from ${policy.ok ? policy.value.ref : 'nowhere'}: ${preparation.kind}.`);
  // A PR the gate does not apply to needs only its previous status (to skip an unchanged one).
  const plan: PlannedSource[] = preparation.kind === 'gate' ? planEvidence(preparation.config, pr, policy.ok ? policy.value.ref : pr.base.ref) : preparation.kind === 'not-release' ? ['statuses'] : ['comments', 'statuses'];
  log.info(`Reading: ${plan.join(', ')}.`);
  const context: ReaderContext = { client: deps.client, securityClient: deps.securityClient, repo: settings.repo, pr };
  const snapshot: EvidenceSnapshot = {
    snapshotVersion: 2,
    repository: { owner: settings.repo.owner, name: settings.repo.repo },
    evaluatedAt: deps.now(),
    gate: { context: STATUS_CONTEXT, ownCheckNames: [...new Set([settings.job, STATUS_CONTEXT].filter(Boolean))], identity: deps.identity },
    pullRequest: pr,
    policy,
    sources: await gatherEvidence(context, plan),
  };
  let evaluation = evaluate(snapshot);
  for (let round = 0; round < MAX_FOLLOW_UP_ROUNDS && evaluation.followUps.length > 0; round++) {
    log.info(`Reading: ${evaluation.followUps.map((item) => item.kind).join(', ')}.`);
    snapshot.lookups ??= {};
    await readFollowUps(context, { policyPath: settings.configPath, activityWaitsMs: settings.network.activityWaitsMs }, evaluation.followUps, snapshot.lookups);
    evaluation = evaluate(snapshot);
  }
  return { snapshot, evaluation };
}

/** Reads the evidence one PR needs, evaluates it, and publishes the comment and the status. */
export async function gatePullRequest(deps: GateDependencies, pr: PullRequestFacts, guard = new WriteGuard()): Promise<GateOutcome> {
  const { client, settings, log } = deps;
  const { snapshot, evaluation } = await gatherAndEvaluate(deps, pr, await policyFor(deps, pr));
  await deps.saveSnapshot(snapshot);
  log.info(`#${pr.number} at ${pr.head.sha.slice(0, 7)}: ${evaluation.state} — ${evaluation.description}`);

  let targetUrl = pr.htmlUrl;
  let commentUrl = '';
  let body = '';
  if (evaluation.applies) {
    body = renderComment(evaluation);
    const comments = snapshot.sources.comments;
    const comment = await guard.write(() => publishLivingComment(client, { repo: settings.repo, number: pr.number, identity: deps.identity }, body, comments?.ok ? comments.value : null));
    log.info(`Living comment ${comment.action}: ${comment.url}`);
    targetUrl = comment.url;
    commentUrl = comment.url;
    if (evaluation.reactTo.length > 0) {
      try {
        await guard.write(() => acknowledgeComments(client, settings.repo, evaluation.reactTo));
      } catch (error) {
        // The reaction is a courtesy; the sign-off already counts.
        log.warning(`Could not react to the sign-off comment(s): ${(error as Error).message}`);
      }
    }
    if (evaluation.reminder && settings.eventName === 'schedule') {
      await guard.write(() => client.rest.issues.createComment({ ...settings.repo, issue_number: pr.number, body: evaluation.reminder!.body }));
      log.info(`Reminded ${evaluation.reminder.roles.join(', ')}.`);
    }
  }

  if (evaluation.forgery) {
    log.warning(`A ${STATUS_CONTEXT} status set by ${evaluation.forgery.by} (${evaluation.forgery.state}) did not come from the gate; overwriting it.`);
  }
  const statuses = snapshot.sources.statuses;
  const latest = statuses?.ok ? latestGateStatus(statuses.value, STATUS_CONTEXT) : undefined;
  const siblings = { client, repo: settings.repo, identity: deps.identity, evaluate: async (other: PullRequestFacts) => (await gatherAndEvaluate(deps, other, await policyFor(deps, other))).evaluation };
  const verdict = await commitVerdict(siblings, pr, evaluation, statuses?.ok === false ? 'unreadable' : latest);
  if (verdict) {
    // A forged status is always overwritten, even when it reads like ours.
    const previous = evaluation.forgery ? undefined : latest;
    const target = { repo: settings.repo, sha: pr.head.sha, context: STATUS_CONTEXT, identity: deps.identity };
    const posted = await guard.write(() => publishStatus(client, target, { state: verdict.state, description: verdict.description, targetUrl }, previous));
    log.info(`Status ${STATUS_CONTEXT} ${posted === 'posted' ? 'set' : 'already'} ${verdict.state} on ${pr.head.sha.slice(0, 7)}.`);
  } else {
    log.info(`The gate does not apply to #${pr.number}; no status (non_release_status: none).`);
  }
  return { number: pr.number, evaluation, state: verdict?.state ?? evaluation.state, snapshot, commentUrl, body };
}
