import * as core from '@actions/core';
import { runErrors, writeOutputs } from './action/outputs.ts';
import { run } from './action/run.ts';
import { runnerContext } from './action/runner-context.ts';
import { readSettings } from './action/settings.ts';
import { runCli } from './cli/run-cli.ts';
import { errorMessage } from './core/errors/error-message.ts';

/** The composition root, and the one place that marks the job failed. */
async function main(): Promise<void> {
  try {
    const runner = runnerContext();
    const result = await run(readSettings(runner), { name: runner.eventName, payload: runner.payload, sha: runner.sha }, core, () => new Date().toISOString());
    await writeOutputs(result, core);
    // A blocked release is the gate working; only a run that could not evaluate fails the job.
    const errors = runErrors(result);
    if (errors.length > 0) core.setFailed(`The readiness gate could not evaluate ${errors.join('\n')}`);
  } catch (error) {
    core.setFailed(errorMessage(error));
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
