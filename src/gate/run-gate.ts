import { truncateDescription, worstState } from '../core/evaluation/gate-state.ts';
import type { Evaluation } from '../core/model/evaluation.ts';
import type { GateState } from '../core/model/outcomes.ts';
import type { EvidenceSnapshot, PullRequestFacts } from '../core/evidence/snapshot.ts';
import { describeApiError } from '../github/api-problem.ts';
import { WriteFailed, type Publisher } from '../github/publish/publisher.ts';
import { BudgetExceeded } from '../github/publish/write-guard.ts';
import { getPullRequest, listOpenPullRequests } from '../github/pull-requests.ts';
import { decideMergeGroupStatus } from './decide-merge-group.ts';
import { evaluatePullRequest } from './evaluate-pull-request.ts';
import type { GateContext } from './gate-context.ts';
import { STATUS_CONTEXT, type GateEvent, type Targets } from './gate-event.ts';
import { withinBudget } from './within-budget.ts';

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

export interface GroupOutcome {
  sha: string;
  state: GateState | null;
  description: string;
}

export interface RunResult {
  outcomes: GateOutcome[];
  /** PRs that could not be evaluated, with the reason. */
  failures: { number: number; message: string }[];
  /** Merge groups whose commit the gate set a status on. */
  groups: GroupOutcome[];
}

export interface GateRun {
  context: GateContext;
  publisher: Publisher;
  event: GateEvent;
  /** How long one PR's evaluation may take before it is given up with an `error` status. */
  prBudgetMs: number;
  /** This workflow run's page, if any. */
  runUrl: string | null;
  /** Keeps the evidence a PR was judged on, for replay. */
  saveSnapshot: (snapshot: EvidenceSnapshot) => Promise<void>;
}

/** The PRs an event names, read afresh (a payload can be stale by the time the job runs). */
export async function findPullRequests(context: GateContext, targets: Targets): Promise<PullRequestFacts[]> {
  switch (targets.kind) {
    case 'ignore':
    case 'merge-group':
      return [];
    case 'numbers':
      return Promise.all(targets.numbers.map((number) => getPullRequest(context.client, context.repo, number)));
    case 'head-sha':
      return (await listOpenPullRequests(context.client, context.repo)).filter((pr) => pr.head.sha === targets.sha);
    case 'all-open':
      return listOpenPullRequests(context.client, context.repo);
  }
}

/** Marks a PR's status `error` when evaluation itself failed: never leave an earlier success standing. */
async function reportFailure(run: GateRun, pr: PullRequestFacts, message: string): Promise<void> {
  try {
    await run.publisher.status({ sha: pr.head.sha, context: STATUS_CONTEXT, state: 'error', description: truncateDescription(`Cannot evaluate: ${message}`), targetUrl: pr.htmlUrl, previous: undefined });
  } catch (error) {
    run.context.log.warning(`Could not set the error status on #${pr.number} either: ${describeApiError(error, 'the status').message}`);
  }
}

async function gatePullRequest(run: GateRun, pr: PullRequestFacts): Promise<GateOutcome> {
  return withinBudget(run.prBudgetMs, async (guard) => {
    const decision = await evaluatePullRequest(run.context, pr, { remind: run.event.scheduled });
    await run.saveSnapshot(decision.snapshot);
    const published = await run.publisher.pullRequest(decision.writes, guard);
    return { number: pr.number, evaluation: decision.evaluation, state: decision.state, snapshot: decision.snapshot, commentUrl: published.commentUrl, body: decision.body };
  });
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

/** From an event to the statuses it calls for: decide each PR read-only, then publish what it decided. */
export async function runGate(run: GateRun): Promise<RunResult> {
  const { context, event } = run;
  const { log } = context;
  const result: RunResult = { outcomes: [], failures: [], groups: [] };
  const targets = event.targets;
  if (targets.kind === 'ignore') {
    log.info(`Nothing to evaluate: ${targets.reason}.`);
    return result;
  }
  if (targets.kind === 'merge-group') {
    const decision = await decideMergeGroupStatus(context, targets, run.runUrl);
    if (decision.write) await run.publisher.status(decision.write);
    result.groups.push({ sha: decision.sha, state: decision.state, description: decision.description });
    return result;
  }

  let found: PullRequestFacts[];
  try {
    found = await findPullRequests(context, targets);
  } catch (error) {
    // Without the PR there is no head to set a status on: the required check stays unmet.
    const problem = describeApiError(error, 'the pull request');
    result.failures.push({ number: targets.kind === 'numbers' ? (targets.numbers[0] ?? 0) : 0, message: `Could not read ${problem.what}: ${problem.message}. ${problem.fix}` });
    return result;
  }
  for (const pr of found) {
    if (pr.state !== 'open') {
      log.info(`#${pr.number} is closed; nothing to gate.`);
      continue;
    }
    log.startGroup(`Pull request #${pr.number}: ${pr.title}`);
    try {
      result.outcomes.push(await gatePullRequest(run, pr));
    } catch (error) {
      const problem = explainFailure(error, pr);
      result.failures.push({ number: pr.number, message: `${problem.message}. ${problem.fix}` });
      await reportFailure(run, pr, problem.message);
    } finally {
      log.endGroup();
    }
  }
  return result;
}

export function worstOfRun(result: RunResult): GateState | '' {
  const states: GateState[] = [...result.outcomes.map((o) => o.state), ...result.groups.flatMap((g) => (g.state ? [g.state] : [])), ...result.failures.map((): GateState => 'error')];
  return states.length === 0 ? '' : worstState(states);
}
