import * as core from '@actions/core';
import { renderSummary } from './core/render/render-summary.ts';
import { buildReport } from './core/report/build-report.ts';
import { run, worstOfRun } from './action/run.ts';
import { readSettings } from './action/settings.ts';
import { runCli } from './cli/run-cli.ts';

/** The composition root, and the one place that marks the job failed. */
async function main(): Promise<void> {
  try {
    const settings = readSettings();
    const result = await run(settings, core, () => new Date().toISOString());
    const state = worstOfRun(result);
    const single = result.outcomes.length === 1 && result.failures.length === 0 ? result.outcomes[0] : undefined;
    const reports = result.outcomes.map((outcome) => buildReport(outcome.evaluation, outcome.snapshot));
    core.setOutput('state', state);
    core.setOutput('ready', String(state === 'success' && result.outcomes.length + result.groups.length > 0 && result.outcomes.every((o) => o.state === 'success')));
    core.setOutput('comment-url', single?.commentUrl ?? '');
    core.setOutput('report', JSON.stringify(single ? reports[0] : reports));
    for (const outcome of result.outcomes) {
      if (outcome.evaluation.applies) await core.summary.addRaw(renderSummary(outcome.evaluation)).write();
    }
    // A blocked release is the gate working; only a run that could not evaluate fails the job.
    const errors = [
      ...result.failures.map((failure) => (failure.number > 0 ? `#${failure.number}: ${failure.message}` : failure.message)),
      ...result.outcomes.filter((o) => o.evaluation.state === 'error' && o.evaluation.applies).map((o) => `#${o.number}: ${o.evaluation.description}`),
      ...result.groups.filter((g) => g.state === 'error').map((g) => `the merge group ${g.sha.slice(0, 7)}: ${g.description}`),
    ];
    if (errors.length > 0) core.setFailed(`The readiness gate could not evaluate ${errors.join('\n')}`);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

// The same bundle is the action (run by the runner with no arguments) and the CLI (run with a command).
if (process.argv.length > 2) {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    error: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    cwd: process.cwd(),
  });
} else {
  await main();
}
