import type { GateState } from '../core/evaluation/result.ts';
import { evaluate, prepare } from '../core/evaluation/evaluate.ts';
import { planEvidence } from '../core/evidence/plan.ts';
import type { EvidenceSnapshot, PlannedSource, PolicyFile, PullRequestFacts, Readable } from '../core/evidence/snapshot.ts';
import { renderComment } from '../core/render/render-comment.ts';
import { latestGateStatus, publishStatus } from '../github/commit-status.ts';
import { gatherEvidence } from '../github/evidence/gather-evidence.ts';
import { publishLivingComment } from '../github/living-comment.ts';
import type { GitHubClient } from '../github/octokit-client.ts';
import { readPolicy } from '../github/policy-reader.ts';
import { acknowledgeComments } from '../github/reactions.ts';
import type { Logger } from './logger.ts';
import type { Settings } from './settings.ts';

export const STATUS_CONTEXT = 'release-readiness';

export interface GateDependencies {
  client: GitHubClient;
  /** For the security alert endpoints. */
  securityClient: GitHubClient;
  settings: Settings;
  log: Logger;
  /** The clock, as an ISO timestamp. */
  now: () => string;
  /** Policies by base branch, so that a schedule run reads each only once. */
  policies: Map<string, Promise<Readable<PolicyFile>>>;
  saveSnapshot: (snapshot: EvidenceSnapshot) => Promise<void>;
}

export interface GateOutcome {
  number: number;
  state: GateState;
  description: string;
  applies: boolean;
  commentUrl: string;
  /** The rendered comment, for the job summary. */
  body: string;
}

function policyFor(deps: GateDependencies, baseRef: string): Promise<Readable<PolicyFile>> {
  let policy = deps.policies.get(baseRef);
  if (!policy) {
    policy = readPolicy(deps.client, deps.settings.repo, deps.settings.configPath, baseRef);
    deps.policies.set(baseRef, policy);
  }
  return policy;
}

/** Reads the evidence one PR needs, evaluates it, and publishes the comment and the status. */
export async function gatePullRequest(deps: GateDependencies, pr: PullRequestFacts): Promise<GateOutcome> {
  const { client, settings, log } = deps;
  const policy = await policyFor(deps, pr.base.ref);
  const preparation = prepare({ policy, pullRequest: pr });
  log.info(`Policy ${settings.configPath} from ${pr.base.ref}: ${preparation.kind}.`);

  // A PR the gate does not apply to needs only its previous status (to skip an unchanged one).
  const plan: PlannedSource[] =
    preparation.kind === 'gate' ? planEvidence(preparation.config, pr) : preparation.kind === 'not-release' ? ['statuses'] : ['comments', 'statuses'];
  log.info(`Reading: ${plan.join(', ')}.`);
  const sources = await gatherEvidence({ client, securityClient: deps.securityClient, repo: settings.repo, pr }, plan);
  const snapshot: EvidenceSnapshot = {
    snapshotVersion: 1,
    repository: { owner: settings.repo.owner, name: settings.repo.repo },
    evaluatedAt: deps.now(),
    gate: { context: STATUS_CONTEXT, ownCheckNames: [...new Set([settings.job, STATUS_CONTEXT].filter(Boolean))] },
    pullRequest: pr,
    policy,
    sources,
  };
  await deps.saveSnapshot(snapshot);

  const evaluation = evaluate(snapshot);
  log.info(`#${pr.number} at ${pr.head.sha.slice(0, 7)}: ${evaluation.state} — ${evaluation.description}`);

  let targetUrl = pr.htmlUrl;
  let commentUrl = '';
  let body = '';
  if (evaluation.applies) {
    body = renderComment(evaluation);
    const known = sources.comments?.ok ? sources.comments.value : null;
    const comment = await publishLivingComment(client, settings.repo, pr.number, body, known);
    log.info(`Living comment ${comment.action}: ${comment.url}`);
    targetUrl = comment.url;
    commentUrl = comment.url;
    if (evaluation.reactTo.length > 0) {
      try {
        await acknowledgeComments(client, settings.repo, evaluation.reactTo);
      } catch (error) {
        // The reaction is a courtesy; the sign-off already counts.
        log.warning(`Could not react to the sign-off comment(s): ${(error as Error).message}`);
      }
    }
  }

  const previous = sources.statuses?.ok ? latestGateStatus(sources.statuses.value, STATUS_CONTEXT) : undefined;
  const posted = await publishStatus(client, settings.repo, pr.head.sha, STATUS_CONTEXT, { state: evaluation.state, description: evaluation.description, targetUrl }, previous);
  log.info(`Status ${STATUS_CONTEXT} ${posted === 'posted' ? 'set' : 'already'} ${evaluation.state} on ${pr.head.sha.slice(0, 7)}.`);

  return { number: pr.number, state: evaluation.state, description: evaluation.description, applies: evaluation.applies, commentUrl, body };
}
