import * as core from '@actions/core';
import { errorMessage } from '../core/errors/error-message.ts';
import { GATE_VERSION } from '../gate/gate-version.ts';
import { annotateConfigErrors } from './annotations.ts';
import { notReachedWarning, runErrors, writeOutputs } from './outputs.ts';
import { run } from './run.ts';
import type { RunnerContext } from './runner-context.ts';
import { readSettings } from './settings.ts';
import { writeRecords } from './write-records.ts';

/** The action's composition root, and the one place that marks the job failed. */
export async function mainAction(runner: RunnerContext): Promise<void> {
  try {
    const settings = readSettings(runner);
    const result = await run(settings, { name: runner.eventName, payload: runner.payload, sha: runner.sha }, core, () => new Date().toISOString());
    const records = await writeRecords(result, settings.tempDir, { gateVersion: GATE_VERSION, runUrl: settings.runUrl }, core);
    await writeOutputs(result, core, records);
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
