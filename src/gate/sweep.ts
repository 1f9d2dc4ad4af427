import { changingSources } from '../core/fingerprint/evidence-fingerprint.ts';
import { judgementHolds } from '../core/fingerprint/fingerprint-holds.ts';
import type { CommentFact, EvidenceSources, PullRequestFacts } from '../core/evidence/snapshot.ts';
import type { GateState } from '../core/model/outcomes.ts';
import { isLivingComment } from '../core/markers/gate-comments.ts';
import { gatherEvidence } from '../github/evidence/gather-evidence.ts';
import { errorMessage } from '../core/errors/error-message.ts';
import { clockTime } from '../github/requests/rate-limit-spent.ts';
import { bufferedLogger } from './buffered-logger.ts';
import type { GateContext } from './gate-context.ts';
import { STATUS_CONTEXT } from './gate-event.ts';
import type { GateRun, RunResult } from './gate-run.ts';
import { evidenceDigest, publishedEvaluation } from './fingerprint.ts';
import { gatePullRequest } from './gate-pull-request.ts';
import { runPool } from './pool.ts';
import { planFor, readerContext, snapshotOf, type PlannedRead } from './read-evidence.ts';

/**
 * PRs judged side by side. Each one's reads already run in parallel, and the Octokit throttler
 * keeps at most 10 requests in flight in all, far below GitHub's 100.
 */
export const SWEEP_CONCURRENCY = 4;

/** Of the token's hourly budget, the share a run over many PRs leaves for every other run and workflow. */
const RESERVE_SHARE = 0.2;
const MIN_RESERVE = 20;
/** A PR writes its comment, its status, and now and then a reminder or a 👍. */
const WRITES_PER_PR = 3;
/** Longer than GitHub's minute: only the hour's 500 writes can make the wait longer. */
const MAX_ROOM_WAIT_MS = 65_000;
/** Requests one PR is expected to cost until the run has measured some, and at least. */
const FIRST_ESTIMATE = 15;
const MIN_ESTIMATE = 4;

interface Looked {
  pr: PullRequestFacts;
  planned: PlannedRead;
  /** When the gate's living comment last changed: the judgement is that old. Null: never judged. */
  judgedAt: string | null;
  /** The gate said `success` of this head, and that judgement has since lapsed (a waiver expired, a window closed). */
  lapsedSuccess: boolean;
}

/** Whether the living comment's judgement was `success` of this very head, until a moment now past. */
function lapsedSuccess(context: GateContext, pr: PullRequestFacts, planned: PlannedRead, sources: EvidenceSources): boolean {
  const published = publishedEvaluation(snapshotOf(context, pr, planned.policy, sources));
  const until = published?.fingerprint?.until;
  return published?.state === 'success' && published.sha === pr.head.sha && typeof until === 'string' && Date.parse(until) <= Date.parse(context.now());
}

/**
 * Spends the rate limit as a budget: a PR starts only when what it is expected to cost, and
 * what the PRs in flight are still expected to cost, is left over the reserve.
 */
class SweepBudget {
  readonly #context: GateContext;
  #start = 0;
  #done = 0;
  #inFlight = 0;

  constructor(context: GateContext) {
    this.#context = context;
  }

  #reserve(): number {
    const limit = this.#context.budget.reading?.limit;
    return limit === undefined ? MIN_RESERVE : Math.max(MIN_RESERVE, Math.ceil(limit * RESERVE_SHARE));
  }

  /** What a PR has cost so far in this phase, on average (in-flight requests included: the safe side), with a margin. */
  #estimate(): number {
    if (this.#done < 2) return FIRST_ESTIMATE;
    return Math.max(MIN_ESTIMATE, Math.ceil((1.25 * (this.#context.budget.counted - this.#start)) / this.#done));
  }

  /** Starts a phase: costs are measured from here. */
  phase(): void {
    this.#start = this.#context.budget.counted;
    this.#done = 0;
  }

  affords(cost = this.#estimate()): boolean {
    return this.#context.budget.available() - this.#reserve() >= cost * (this.#inFlight + 1);
  }

  async spend<T>(work: () => Promise<T>): Promise<T> {
    this.#inFlight++;
    try {
      return await work();
    } finally {
      this.#inFlight--;
      this.#done++;
    }
  }

  why(): string {
    const reading = this.#context.budget.reading;
    if (!reading) return 'the rate limit is spent';
    return `the rate limit would not stretch to it: ${reading.remaining} of ${reading.limit} requests left this hour, ${this.#reserve()} kept for other runs; it resets at ${clockTime(reading.reset)} UTC`;
  }
}

const GATE_STATES: readonly GateState[] = ['error', 'failure', 'pending', 'success'];

/** Whether the gate's last judgement of the PR still holds, from the sources just read. */
function judgementStands(context: GateContext, pr: PullRequestFacts, planned: PlannedRead, known: EvidenceSources): { holds: true; state: GateState } | { holds: false; reason: string } {
  const partial = snapshotOf(context, pr, planned.policy, known);
  const published = publishedEvaluation(partial);
  const holding = judgementHolds({
    published,
    headSha: pr.head.sha,
    digest: evidenceDigest(partial),
    now: partial.evaluatedAt,
    statuses: known.statuses?.ok ? known.statuses.value : [],
    context: STATUS_CONTEXT,
    identity: context.identity,
  });
  if (!holding.holds) return holding;
  const state = GATE_STATES.find((known) => known === published?.state);
  return state ? { holds: true, state } : { holds: false, reason: 'no earlier judgement on record' };
}

function livingComment(sources: EvidenceSources, context: GateContext): CommentFact | undefined {
  return sources.comments?.ok ? sources.comments.value.find((comment) => isLivingComment(comment, context.identity)) : undefined;
}

/**
 * A run over every open PR (schedule, workflow_dispatch). First a look at each PR's comments,
 * to learn when the gate last judged it; then, oldest judgement first, the sources that can
 * change without a new head, and a full evaluation only when they did. The rate limit is a
 * budget: the run stops before it would run out, names the PRs it did not reach (their status
 * stands), and the next run, finding their judgements the oldest, starts with them.
 */
export async function sweep(run: GateRun, prs: readonly PullRequestFacts[], result: RunResult): Promise<void> {
  const { context } = run;
  const budget = new SweepBudget(context);
  const looked: Looked[] = [];
  const stop = (pr: PullRequestFacts): void => {
    result.notReached.push({ number: pr.number, reason: budget.why() });
  };

  budget.phase();
  await runPool(prs, SWEEP_CONCURRENCY, async (pr) => {
    if (!budget.affords(2)) return stop(pr);
    await budget.spend(async () => {
      const planned = await planFor({ ...context, log: bufferedLogger() }, pr);
      const sources = planned.plan.includes('comments') ? await gatherEvidence(readerContext(context, pr), ['comments']) : {};
      looked.push({ pr, planned, judgedAt: livingComment(sources, context)?.updatedAt ?? null, lapsedSuccess: lapsedSuccess(context, pr, planned, sources) });
    });
  });
  looked.sort((a, b) => (a.judgedAt ?? '').localeCompare(b.judgedAt ?? '') || a.pr.number - b.pr.number);

  /**
   * A PR not reached keeps its status, except a `success` known to have lapsed: that one must not
   * stand until a later run, so it becomes `pending` now, at the cost of one write.
   */
  const leave = async (item: Looked): Promise<void> => {
    stop(item.pr);
    if (!item.lapsedSuccess) return;
    const reset = context.budget.reading ? ` (resets ${clockTime(context.budget.reading.reset)} UTC)` : '';
    try {
      await run.publisher.status({ sha: item.pr.head.sha, context: STATUS_CONTEXT, state: 'pending', description: `Due for re-evaluation (a waiver expired or a window closed); waits for the rate limit${reset}`, targetUrl: item.pr.htmlUrl, previous: undefined });
      context.log.warning(`#${item.pr.number}: its success lapsed and the rate limit would not stretch to judging it again: set to pending.`);
    } catch (error) {
      context.log.warning(`#${item.pr.number}: its success lapsed, and GitHub refused setting it to pending (${errorMessage(error)}); the next run judges it first.`);
    }
  };

  budget.phase();
  await runPool(looked, SWEEP_CONCURRENCY, async (item) => {
    const { pr, planned } = item;
    if (!budget.affords()) return leave(item);
    // Start a PR only when the writes of every PR in flight can go at once (GitHub's 80 a minute).
    if (!(await context.pacer.room(WRITES_PER_PR * SWEEP_CONCURRENCY, MAX_ROOM_WAIT_MS))) {
      result.notReached.push({ number: pr.number, reason: 'GitHub allows at most 500 content-creating requests an hour, and this run has used them' });
      return;
    }
    const log = bufferedLogger();
    const prContext = { ...context, log };
    await budget.spend(() =>
      gatePullRequest(run, prContext, pr, result, async () => {
        // Read afresh: the look above may be minutes old. A read it already made is conditional, and costs nothing when unchanged.
        const known = await gatherEvidence(readerContext(context, pr), changingSources(planned.plan));
        const holding = judgementStands(context, pr, planned, known);
        if (holding.holds) {
          log.info(`#${pr.number} is unchanged since the gate last judged it; its status stands.`);
          return { unchanged: holding.state };
        }
        log.info(`#${pr.number}: judged again (${holding.reason}).`);
        return { known };
      }),
    );
    log.flushInto(context.log, `Pull request #${pr.number}: ${pr.title}`);
  });
}
