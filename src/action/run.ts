import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GateState } from '../core/evaluation/result.ts';
import { truncateDescription, worstState } from '../core/evaluation/gate-state.ts';
import type { EvidenceSnapshot, GateIdentity, PullRequestFacts } from '../core/evidence/snapshot.ts';
import { describeApiError } from '../github/api-problem.ts';
import { publishStatus } from '../github/commit-status.ts';
import { createGitHubClient, type GitHubClient } from '../github/octokit-client.ts';
import { resolveGateIdentity } from '../github/gate-identity.ts';
import { observeServerClock } from '../github/server-clock.ts';
import { getPullRequest, listOpenPullRequests } from '../github/pull-requests.ts';
import { eventTargets, type Targets } from './event-targets.ts';
import { gateMergeGroup, type GroupOutcome } from './gate-merge-group.ts';
import { recordCoverage } from './record-coverage.ts';
import { gatePullRequest, STATUS_CONTEXT, type GateDependencies, type GateOutcome } from './gate-pull-request.ts';
import type { Logger } from './logger.ts';
import type { Settings } from './settings.ts';
import { BudgetExceeded, WriteGuard } from './write-guard.ts';

export interface RunResult {
  outcomes: GateOutcome[];
  /** PRs that could not be evaluated, with the reason. */
  failures: { number: number; message: string }[];
  /** Merge groups whose commit the gate set a status on. */
  groups: GroupOutcome[];
}

async function findPullRequests(client: GitHubClient, settings: Settings, targets: Targets, log: Logger): Promise<PullRequestFacts[]> {
  switch (targets.kind) {
    case 'ignore':
      log.info(`Nothing to evaluate: ${targets.reason}.`);
      return [];
    case 'numbers':
      return Promise.all(targets.numbers.map((number) => getPullRequest(client, settings.repo, number)));
    case 'head-sha': {
      const open = await listOpenPullRequests(client, settings.repo);
      return open.filter((pr) => pr.head.sha === targets.sha);
    }
    case 'all-open':
      return listOpenPullRequests(client, settings.repo);
    case 'merge-group':
      return [];
  }
}

function snapshotSaver(settings: Settings, log: Logger) {
  return async (snapshot: EvidenceSnapshot): Promise<void> => {
    if (!settings.tempDir) return;
    const dir = join(settings.tempDir, 'release-readiness');
    const file = join(dir, `pr-${snapshot.pullRequest.number}-${snapshot.pullRequest.head.sha.slice(0, 7)}.json`);
    await mkdir(dir, { recursive: true });
    await writeFile(file, `${JSON.stringify(snapshot, null, 2)}\n`);
    log.debug(`Evidence snapshot written to ${file} (replay it with evaluate()).`);
  };
}

/** Marks a PR's status `error` when evaluation itself failed: never leave an earlier success standing. */
async function reportFailure(client: GitHubClient, settings: Settings, identity: GateIdentity, pr: PullRequestFacts, message: string, log: Logger): Promise<void> {
  try {
    const target = { repo: settings.repo, sha: pr.head.sha, context: STATUS_CONTEXT, identity };
    await publishStatus(client, target, { state: 'error', description: truncateDescription(`Cannot evaluate: ${message}`), targetUrl: pr.htmlUrl }, undefined);
  } catch (error) {
    log.warning(`Could not set the error status on #${pr.number} either: ${describeApiError(error, 'the status').message}`);
  }
}

/** The commits a coverage report describes: the PR's head, or the pushed commit. */
async function coverageCommits(client: GitHubClient, settings: Settings, targets: Targets): Promise<string[]> {
  if (targets.kind === 'numbers') {
    const prs = await Promise.all(targets.numbers.map((number) => getPullRequest(client, settings.repo, number)));
    return prs.map((pr) => pr.head.sha);
  }
  if (targets.kind === 'head-sha') return [targets.sha];
  const after = settings.payload['after'];
  return [typeof after === 'string' && /^[0-9a-f]{40}$/.test(after) ? after : settings.sha];
}

export async function run(settings: Settings, log: Logger, now: () => string): Promise<RunResult> {
  const clientFor = (token: string, spaceWrites: boolean) => createGitHubClient({ token, baseUrl: settings.apiUrl, ...settings.network, spaceWrites, log });
  const result: RunResult = { outcomes: [], failures: [], groups: [] };
  let identity: GateIdentity;
  try {
    identity = await resolveGateIdentity(clientFor(settings.token, false), settings.token, settings.appSlug);
  } catch (error) {
    const problem = describeApiError(error, 'the account of the `github-token`');
    result.failures.push({ number: 0, message: `Could not read ${problem.what}: ${problem.message}. ${problem.fix}` });
    return result;
  }
  log.info(`The gate writes as ${identity.login}${identity.shared ? ' (shared with other writers: its own statuses prove nothing)' : ''}.`);
  const targets = eventTargets(settings.eventName, settings.payload, STATUS_CONTEXT, identity);
  const client = clientFor(settings.token, targets.kind !== 'numbers');

  if (settings.coverageFile) {
    // In the CI job, right after the tests: record the figure and leave evaluation to the
    // gate's own workflow, which runs again when CI completes. Evaluating here would read
    // this very job as CI that is still running.
    const record = await recordCoverage(client, settings, await coverageCommits(client, settings, targets), log);
    if (!record.ok) result.failures.push({ number: 0, message: record.description });
    return result;
  }

  const securityClient = settings.securityToken ? clientFor(settings.securityToken, false) : client;
  const clock = observeServerClock(client, now);
  const deps: GateDependencies = { client, securityClient, settings, identity, log, now: clock, policies: new Map(), saveSnapshot: snapshotSaver(settings, log) };

  if (targets.kind === 'merge-group') {
    result.groups.push(await gateMergeGroup(deps, targets));
    return result;
  }

  let found: PullRequestFacts[];
  try {
    found = await findPullRequests(client, settings, targets, log);
  } catch (error) {
    // Without the PR there is no head to set a status on: the required check stays unmet.
    const problem = describeApiError(error, 'the pull request');
    result.failures.push({ number: targets.kind === 'numbers' ? (targets.numbers[0] ?? 0) : 0, message: `Could not read ${problem.what}: ${problem.message}. ${problem.fix}` });
    return result;
  }
  const prs = found.filter((pr) => {
    if (pr.state === 'open') return true;
    log.info(`#${pr.number} is closed; nothing to gate.`);
    return false;
  });
  for (const pr of prs) {
    log.startGroup(`Pull request #${pr.number}: ${pr.title}`);
    try {
      result.outcomes.push(await withinBudget(deps, pr));
    } catch (error) {
      const problem = error instanceof BudgetExceeded ? { message: error.message, fix: 'Re-run the job; if it persists, raise the `pr-timeout` input.' } : describeApiError(error, `pull request #${pr.number}`);
      const message = `${problem.message}. ${problem.fix}`;
      result.failures.push({ number: pr.number, message });
      await reportFailure(client, settings, identity, pr, problem.message, log);
    } finally {
      log.endGroup();
    }
  }
  return result;
}

/**
 * One PR's evaluation within its time budget, so that one slow or hostile PR cannot keep a
 * run over many from reaching the others. Past the budget it may write nothing more, and the
 * writes already sent are awaited, so that the `error` status set next is the last word.
 */
async function withinBudget(deps: GateDependencies, pr: PullRequestFacts): Promise<GateOutcome> {
  const guard = new WriteGuard();
  let timer: NodeJS.Timeout | undefined;
  const seconds = Math.round(deps.settings.prBudgetMs / 1000);
  const budget = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const reason = `the evaluation took longer than ${seconds} s, the budget of one pull request`;
      void guard.close(reason).then(() => reject(new BudgetExceeded(reason)));
    }, deps.settings.prBudgetMs);
  });
  const evaluation = gatePullRequest(deps, pr, guard);
  // The evaluation may still fail after the budget has been given up on: nothing waits for it.
  evaluation.catch(() => {});
  try {
    return await Promise.race([evaluation, budget]);
  } finally {
    clearTimeout(timer);
  }
}

export function worstOfRun(result: RunResult): GateState | '' {
  const states: GateState[] = [...result.outcomes.map((o) => o.state), ...result.groups.flatMap((g) => (g.state ? [g.state] : [])), ...result.failures.map((): GateState => 'error')];
  return states.length === 0 ? '' : worstState(states);
}
