import { evaluate } from '../core/evaluation/evaluate.ts';
import { prepare } from '../core/evaluation/prepare.ts';
import type { Evaluation } from '../core/model/evaluation.ts';
import { planEvidence } from '../core/plan/plan-evidence.ts';
import type { EvidenceSnapshot, EvidenceSources, PlannedSource, PolicyFile, PullRequestFacts, Readable } from '../core/evidence/snapshot.ts';
import { readFollowUps } from '../github/evidence/follow-up-readers.ts';
import { gatherEvidence } from '../github/evidence/gather-evidence.ts';
import type { ReaderContext } from '../github/evidence/reader-context.ts';
import type { GateContext } from './gate-context.ts';
import { STATUS_CONTEXT } from './gate-event.ts';
import { policyFor } from './policy-for.ts';

export interface PlannedRead {
  policy: Readable<PolicyFile>;
  plan: PlannedSource[];
}

/** The policy in force for a PR and the sources its evaluation reads first. */
export async function planFor(context: GateContext, pr: PullRequestFacts): Promise<PlannedRead> {
  const policy = await policyFor(context, pr);
  const preparation = prepare(policy, pr, context.memo);
  context.log.info(`Policy ${context.policyPath} from ${policy.ok ? policy.value.ref : 'nowhere'}: ${preparation.kind}.`);
  // A PR the gate does not apply to needs only its previous status (to skip an unchanged one).
  const plan: PlannedSource[] =
    preparation.kind === 'gate' ? planEvidence(preparation.config, pr, policy.ok ? policy.value.ref : pr.base.ref) : preparation.kind === 'not-release' ? ['statuses'] : ['comments', 'statuses'];
  return { policy, plan };
}

export function readerContext(context: GateContext, pr: PullRequestFacts): ReaderContext {
  return { client: context.client, securityClient: context.securityClient, repo: context.repo, pr };
}

/** A snapshot of what was read about a PR, at GitHub's clock now. */
export function snapshotOf(context: GateContext, pr: PullRequestFacts, policy: Readable<PolicyFile>, sources: EvidenceSources): EvidenceSnapshot {
  return {
    snapshotVersion: 2,
    repository: { owner: context.repo.owner, name: context.repo.repo },
    evaluatedAt: context.now(),
    gate: { context: STATUS_CONTEXT, ownCheckNames: context.ownCheckNames, identity: context.identity },
    pullRequest: pr,
    policy,
    sources,
  };
}

/** Follow-up rounds: eligibility and the record of pushes, then the files of earlier heads, then comparisons. */
const MAX_FOLLOW_UP_ROUNDS = 4;

export interface ReadEvaluation {
  snapshot: EvidenceSnapshot;
  evaluation: Evaluation;
}

/**
 * Reads the evidence the evaluation asks for, round after round, until it asks for nothing
 * more. Read-only: it never writes to GitHub. The snapshot it returns replays the evaluation.
 */
export async function readAndEvaluate(context: GateContext, pr: PullRequestFacts, known: EvidenceSources = {}): Promise<ReadEvaluation> {
  const { log, memo } = context;
  const { policy, plan } = await planFor(context, pr);
  const unread = plan.filter((source) => known[source] === undefined);
  log.info(`Reading: ${unread.join(', ') || 'nothing more'}.`);
  const readers = readerContext(context, pr);
  const read = await gatherEvidence(readers, unread);
  const sources = Object.fromEntries(plan.map((source) => [source, known[source] ?? read[source]])) as EvidenceSources;
  const snapshot = snapshotOf(context, pr, policy, sources);
  let evaluation = evaluate(snapshot, memo);
  for (let round = 0; round < MAX_FOLLOW_UP_ROUNDS && evaluation.followUps.length > 0; round++) {
    log.info(`Reading: ${evaluation.followUps.map((item) => item.kind).join(', ')}.`);
    snapshot.lookups ??= {};
    const options = { policyPath: context.policyPath, activityWaitsMs: context.activityWaitsMs, ...(context.runProbe ? { runProbe: context.runProbe } : {}) };
    await readFollowUps(readers, options, evaluation.followUps, snapshot.lookups);
    evaluation = evaluate(snapshot, memo);
  }
  return { snapshot, evaluation };
}
