import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvidenceSnapshot, GateIdentity } from '../core/evidence/snapshot.ts';
import type { GateContext } from '../gate/gate-context.ts';
import { STATUS_CONTEXT, type GateEvent, type RawEvent } from '../gate/gate-event.ts';
import { openGateRun } from '../gate/open-gate-run.ts';
import type { Logger } from '../gate/logger.ts';
import { emptyResult } from '../gate/gate-run.ts';
import { findPullRequests, runGate, type RunResult } from '../gate/run-gate.ts';
import { describeApiError } from '../github/api-problem.ts';
import { resolveGateIdentity } from '../github/gate-identity.ts';
import { createGitHubClient } from '../github/octokit-client.ts';
import { RateBudget } from '../github/requests/rate-budget.ts';
import { RequestPacer } from '../github/requests/request-pacer.ts';
import { observeServerClock } from '../github/server-clock.ts';
import { recordCoverage } from './record-coverage.ts';
import { recordMetric } from './record-metric.ts';
import type { Settings } from './settings.ts';

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

/** The commits a report measured in the CI job describes: the PRs' heads, the checked commit, or the pushed one. */
async function recordedCommits(context: GateContext, event: GateEvent): Promise<string[]> {
  const { targets } = event;
  if (targets.kind === 'numbers') return (await findPullRequests(context, targets)).map((pr) => pr.head.sha);
  if (targets.kind === 'head-sha') return [targets.sha];
  return [event.commit];
}

/** The action: the inputs and the runner's event, composed with GitHub into one gate run. */
export async function run(settings: Settings, raw: RawEvent, log: Logger, now: () => string): Promise<RunResult> {
  // One budget per token: the gate's own token is the one a run over many PRs spends.
  const budget = new RateBudget();
  const pacer = new RequestPacer();
  const clientFor = (token: string, own?: { budget: RateBudget; pacer: RequestPacer }) => createGitHubClient({ token, baseUrl: settings.apiUrl, ...settings.network, log, ...own });
  const client = clientFor(settings.token, { budget, pacer });
  let identity: GateIdentity;
  try {
    identity = await resolveGateIdentity(client, settings.token, settings.appSlug);
  } catch (error) {
    const problem = describeApiError(error, 'the account of the `github-token`');
    return { ...emptyResult(), failures: [{ number: 0, message: `Could not read ${problem.what}: ${problem.message}. ${problem.fix}` }] };
  }
  log.info(`The gate writes as ${identity.login}${identity.shared ? ' (shared with other writers: its own statuses prove nothing)' : ''}.`);
  const { event, context, publisher } = openGateRun(
    {
      client,
      securityClient: settings.securityToken ? clientFor(settings.securityToken) : client,
      budget,
      pacer,
      repo: settings.repo,
      policyPath: settings.configPath,
      policyFrom: settings.policyFrom,
      identity,
      ownCheckNames: [...new Set([settings.job, STATUS_CONTEXT].filter(Boolean))],
      activityWaitsMs: settings.network.activityWaitsMs,
      // Loaded only by a policy with a `probe` check.
      runProbe: async (rule) => (await import('../probes/run-probe-rule.ts')).runProbeRule(rule),
      now: observeServerClock(client, now),
      log,
    },
    raw,
  );

  if (settings.coverageFile) {
    // In the CI job, right after the tests: record the figure and leave evaluation to the
    // gate's own workflow, which runs again when CI completes. Evaluating here would read
    // this very job as CI that is still running.
    const input = { file: settings.coverageFile, workspace: settings.workspace, runUrl: settings.runUrl };
    const record = await recordCoverage(publisher, input, await recordedCommits(context, event), log);
    return { ...emptyResult(), failures: record.ok ? [] : [{ number: 0, message: record.description }] };
  }
  if (settings.metric) {
    // The same for a measured figure (a latency, a memory use): recorded as
    // release-readiness/metric/<id>, for the `metric` check of that id.
    const input = { metric: settings.metric, workspace: settings.workspace, runUrl: settings.runUrl };
    const record = await recordMetric(publisher, input, await recordedCommits(context, event), log);
    return { ...emptyResult(), failures: record.ok ? [] : [{ number: 0, message: record.description }] };
  }
  return runGate({ context, publisher, event, prBudgetMs: settings.prBudgetMs, runUrl: settings.runUrl, saveSnapshot: snapshotSaver(settings, log) });
}
