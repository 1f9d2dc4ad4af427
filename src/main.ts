import * as core from '@actions/core';
import { annotateConfigErrors } from './action/annotations.ts';
import { notReachedWarning, runErrors, writeOutputs } from './action/outputs.ts';
import { run } from './action/run.ts';
import { isActionRun, runnerContext } from './action/runner-context.ts';
import { readSettings } from './action/settings.ts';
import { errorMessage } from './core/errors/error-message.ts';

/** The composition root, and the one place that marks the job failed. */
async function main(): Promise<void> {
  try {
    const runner = runnerContext();
    const result = await run(readSettings(runner), { name: runner.eventName, payload: runner.payload, sha: runner.sha }, core, () => new Date().toISOString());
    await writeOutputs(result, core);
    annotateConfigErrors(result, core);
    const notReached = notReachedWarning(result);
    if (notReached) core.warning(notReached);
    // A blocked release is the gate working; only a run that could not evaluate fails the job.
    const errors = runErrors(result);
    if (errors.length > 0) core.setFailed(`The readiness gate could not evaluate ${errors.join('\n')}`);
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}

async function cli(argv: string[]): Promise<void> {
  try {
    // Loaded here, not at the top: the runner starts the bundle on every event, and never as the CLI.
    const { runCli } = await import('./cli/run-cli.ts');
    process.exitCode = await runCli(argv, {
      out: (text) => process.stdout.write(`${text}\n`),
      error: (text) => process.stderr.write(`${text}\n`),
      env: process.env,
      cwd: process.cwd(),
    });
  } catch (error) {
    // One line a person can act on, never a stack trace of the bundle.
    process.stderr.write(`release-readiness: ${errorMessage(error)}\n`);
    process.exitCode = 2;
  }
}

// The same bundle is the action (run by the runner with no arguments) and the CLI (run with
// a command). With no arguments outside a runner, a person typed it: show the usage.
if (process.argv.length > 2 || !isActionRun(process.env)) await cli(process.argv.slice(2));
else await main();
