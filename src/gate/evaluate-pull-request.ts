import type { Evaluation } from '../core/model/evaluation.ts';
import type { GateState } from '../core/model/outcomes.ts';
import type { EvidenceSnapshot, EvidenceSources, PullRequestFacts } from '../core/evidence/snapshot.ts';
import { renderComment } from '../core/render/render-comment.ts';
import type { PullRequestWrites } from '../github/publish/write-plan.ts';
import { commitVerdict } from './commit-verdict.ts';
import { fingerprintFor } from './fingerprint.ts';
import type { GateContext } from './gate-context.ts';
import { STATUS_CONTEXT } from './gate-event.ts';
import { latestGateStatus } from './latest-gate-status.ts';
import { readAndEvaluate } from './read-evidence.ts';

export interface PullRequestDecision {
  evaluation: Evaluation;
  snapshot: EvidenceSnapshot;
  /** The state the head commit is to carry: the evaluation's, or worse when another open PR shares the head. */
  state: GateState;
  /** The rendered living comment; '' when the gate does not apply. */
  body: string;
  /** What publishing this decision changes on GitHub. */
  writes: PullRequestWrites;
}

export interface DecisionOptions {
  /** A scheduled run posts the reminders that are due. */
  remind: boolean;
  /** Sources already read moments ago (by a scheduled run's look at what changed): not read again. */
  known?: EvidenceSources;
}

/**
 * Everything the gate would do about one PR, decided from what GitHub holds, without writing
 * anything: the evaluation, the comment, and the status its head commit is to carry.
 */
export async function evaluatePullRequest(context: GateContext, pr: PullRequestFacts, options: DecisionOptions): Promise<PullRequestDecision> {
  const { snapshot, evaluation } = await readAndEvaluate(context, pr, options.known);
  context.log.info(`#${pr.number} at ${pr.head.sha.slice(0, 7)}: ${evaluation.state} — ${evaluation.description}`);
  if (evaluation.forgery) {
    context.log.warning(`A ${STATUS_CONTEXT} status set by ${evaluation.forgery.by} (${evaluation.forgery.state}) did not come from the gate; overwriting it.`);
  }
  const statuses = snapshot.sources.statuses;
  const latest = statuses?.ok ? latestGateStatus(statuses.value, STATUS_CONTEXT) : undefined;
  const verdict = await commitVerdict(context, pr, evaluation, statuses?.ok === false ? 'unreadable' : latest);
  if (!verdict) context.log.info(`The gate does not apply to #${pr.number}; no status (non_release_status: none).`);
  const body = evaluation.applies ? renderComment(evaluation, fingerprintFor(snapshot, evaluation)) : '';
  const comments = snapshot.sources.comments;
  const writes: PullRequestWrites = {
    number: pr.number,
    comment: evaluation.applies ? { body, known: comments?.ok ? comments.value : null } : null,
    reactTo: evaluation.applies ? evaluation.reactTo : [],
    reminder: evaluation.applies && options.remind && evaluation.reminder ? evaluation.reminder : null,
    status: verdict && {
      sha: pr.head.sha,
      context: STATUS_CONTEXT,
      state: verdict.state,
      description: verdict.description,
      targetUrl: pr.htmlUrl,
      // A forged status is always overwritten, even when it reads like ours.
      previous: evaluation.forgery ? undefined : latest,
    },
  };
  return { evaluation, snapshot, state: verdict?.state ?? evaluation.state, body, writes };
}
