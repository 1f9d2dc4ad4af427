import * as core from '@actions/core';
import { errorMessage } from '../core/errors/error-message.ts';
import { annotateConfigErrors } from './annotations.ts';
import { notReachedWarning, runErrors, writeOutputs } from './outputs.ts';
import { run } from './run.ts';
import type { RunnerContext } from './runner-context.ts';
import { readSettings } from './settings.ts';

/** The action's composition root, and the one place that marks the job failed. */
export async function mainAction(runner: RunnerContext): Promise<void> {
  try {
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
