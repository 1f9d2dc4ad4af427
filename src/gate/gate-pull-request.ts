import { truncateDescription } from '../core/evaluation/gate-state.ts';
import type { EvidenceSources, PullRequestFacts } from '../core/evidence/snapshot.ts';
import type { GateState } from '../core/model/outcomes.ts';
import { describeApiError, isRateLimited } from '../github/api-problem.ts';
import { WriteFailed } from '../github/publish/publisher.ts';
import { BudgetExceeded } from '../github/publish/write-guard.ts';
import { evaluatePullRequest } from './evaluate-pull-request.ts';
import type { GateContext } from './gate-context.ts';
import { STATUS_CONTEXT } from './gate-event.ts';
import type { GateOutcome, GateRun, RunResult } from './gate-run.ts';
import { withinBudget } from './within-budget.ts';

/** Marks a PR's status `error` when evaluation itself failed: never leave an earlier success standing. */
async function reportFailure(run: GateRun, context: GateContext, pr: PullRequestFacts, message: string): Promise<void> {
  try {
    await run.publisher.status({ sha: pr.head.sha, context: STATUS_CONTEXT, state: 'error', description: truncateDescription(`Cannot evaluate: ${message}`), targetUrl: pr.htmlUrl, previous: undefined });
  } catch (error) {
    context.log.warning(`Could not set the error status on #${pr.number} either: ${describeApiError(error, 'the status').message}`);
  }
}

/** Why a PR's evaluation failed: its budget, a write GitHub refused (named), or a read. */
function explainFailure(error: unknown, pr: PullRequestFacts): { message: string; fix: string } {
  if (error instanceof BudgetExceeded) return { message: error.message, fix: 'Re-run the job; if it persists, raise the `pr-timeout` input.' };
  if (error instanceof WriteFailed) {
    const problem = describeApiError(error.reason, error.write);
    return { message: `Could not ${error.write}: ${problem.message}`, fix: problem.fix };
  }
  return describeApiError(error, `pull request #${pr.number}`);
}

/** Evidence that was not read for want of rate limit is no evidence about the PR: nothing is published from it. */
class NotReached extends Error {}

/**
 * A first look at the sources that can change, taken within the PR's time limit: the state
 * its status stands at when nothing changed since the gate last judged it, else what it read.
 */
export type FirstLook = () => Promise<{ unchanged: GateState } | { known: EvidenceSources }>;

async function decideAndPublish(run: GateRun, context: GateContext, pr: PullRequestFacts, look: FirstLook | undefined): Promise<GateOutcome | { unchanged: GateState }> {
  return withinBudget(run.prBudgetMs, async (guard) => {
    const first = look ? await look() : { known: {} };
    if ('unchanged' in first) return first;
    const decision = await evaluatePullRequest(context, pr, { remind: run.event.scheduled, known: first.known });
    // Once a rate limit stopped the run, any source may have gone unread for that reason alone.
    const stopped = context.budget.stopped;
    if (stopped) throw new NotReached(stopped);
    await run.saveSnapshot(decision.snapshot);
    const published = await run.publisher.pullRequest(decision.writes, guard);
    return { number: pr.number, evaluation: decision.evaluation, state: decision.state, snapshot: decision.snapshot, commentUrl: published.commentUrl, body: decision.body };
  });
}

/**
 * Judges one PR and publishes the verdict, recording the outcome in `result`. A failure sets
 * `error` on the head, except a spent rate limit: the PR is then left as it was (a limit says
 * nothing about the PR) and named as not reached.
 */
export async function gatePullRequest(run: GateRun, context: GateContext, pr: PullRequestFacts, result: RunResult, look?: FirstLook): Promise<void> {
  try {
    const outcome = await decideAndPublish(run, context, pr, look);
    if ('unchanged' in outcome) result.skipped.push({ number: pr.number, state: outcome.unchanged });
    else result.outcomes.push(outcome);
  } catch (error) {
    if (error instanceof NotReached || isRateLimited(error) || (error instanceof WriteFailed && isRateLimited(error.reason))) {
      const reason = error instanceof NotReached ? error.message : explainFailure(error, pr).message;
      context.log.warning(`#${pr.number} was left as it was: ${reason}.`);
      result.notReached.push({ number: pr.number, reason });
      return;
    }
    const problem = explainFailure(error, pr);
    result.failures.push({ number: pr.number, message: `${problem.message}. ${problem.fix}` });
    await reportFailure(run, context, pr, problem.message);
  }
}
