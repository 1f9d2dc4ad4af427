import { worstState } from '../core/evaluation/gate-state.ts';
import type { GateState } from '../core/model/outcomes.ts';
import type { PullRequestFacts } from '../core/evidence/snapshot.ts';
import { describeApiError } from '../github/api-problem.ts';
import { getPullRequest, listOpenPullRequests } from '../github/pull-requests.ts';
import { decideMergeGroupStatus } from './decide-merge-group.ts';
import type { GateContext } from './gate-context.ts';
import type { Targets } from './gate-event.ts';
import { emptyResult, type GateRun, type RunResult } from './gate-run.ts';
import { gatePullRequest } from './gate-pull-request.ts';
import { sweep } from './sweep.ts';

export type { GateOutcome, GateRun, GroupOutcome, RunResult } from './gate-run.ts';

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

/** From an event to the statuses it calls for: decide each PR read-only, then publish what it decided. */
export async function runGate(run: GateRun): Promise<RunResult> {
  const { context, event } = run;
  const { log } = context;
  const result = emptyResult();
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
  const open = found.filter((pr) => {
    if (pr.state !== 'open') log.info(`#${pr.number} is closed; nothing to gate.`);
    return pr.state === 'open';
  });
  if (targets.kind === 'all-open') {
    await sweep(run, open, result);
    log.info(sweepLine(result, open.length, context));
    return result;
  }
  for (const pr of open) {
    log.startGroup(`Pull request #${pr.number}: ${pr.title}`);
    try {
      await gatePullRequest(run, context, pr, result);
    } finally {
      log.endGroup();
    }
  }
  return result;
}

function sweepLine(result: RunResult, open: number, context: GateContext): string {
  const { counted, notModified } = context.budget;
  const parts = [`${open} open PRs: ${result.outcomes.length + result.failures.length} judged, ${result.skipped.length} unchanged`];
  if (result.notReached.length > 0) parts.push(`${result.notReached.length} not reached (${result.notReached.map((item) => `#${item.number}`).join(', ')})`);
  return `${parts.join(', ')}; ${counted} requests counted against the rate limit, ${notModified} answered 304 (free).`;
}

export function worstOfRun(result: RunResult): GateState | '' {
  const states: GateState[] = [...result.outcomes.map((o) => o.state), ...result.skipped.map((s) => s.state), ...result.groups.flatMap((g) => (g.state ? [g.state] : [])), ...result.failures.map((): GateState => 'error')];
  return states.length === 0 ? '' : worstState(states);
}
