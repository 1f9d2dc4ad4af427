import type * as Core from '@actions/core';
import { renderSummary } from '../core/render/render-summary.ts';
import { buildReport } from '../core/report/build-report.ts';
import { READINESS_PREDICATE_TYPE } from '../core/record/readiness-statement.ts';
import { worstOfRun, type RunResult } from '../gate/run-gate.ts';
import type { WrittenRecord } from './write-records.ts';

type ActionsCore = Pick<typeof Core, 'setOutput' | 'summary'>;

/** The step's outputs and job summary: what a later step or a person reads from the run. */
export async function writeOutputs(result: RunResult, core: ActionsCore, records: readonly WrittenRecord[] = []): Promise<void> {
  const state = worstOfRun(result);
  const single = result.outcomes.length === 1 && result.failures.length === 0 ? result.outcomes[0] : undefined;
  const reports = result.outcomes.map((outcome) => buildReport(outcome.evaluation, outcome.snapshot));
  core.setOutput('state', state);
  const judged = result.outcomes.length + result.skipped.length + result.groups.length;
  core.setOutput('ready', String(state === 'success' && judged > 0 && result.notReached.length === 0 && result.outcomes.every((o) => o.state === 'success')));
  core.setOutput('comment-url', single?.commentUrl ?? '');
  core.setOutput('report', JSON.stringify(single ? reports[0] : reports));
  recordOutputs(records, core);
  const left = leftAloneSummary(result);
  if (left) await core.summary.addRaw(left).write();
  for (const outcome of result.outcomes) {
    if (outcome.evaluation.applies) await core.summary.addRaw(renderSummary(outcome.evaluation)).write();
  }
}

/**
 * What actions/attest needs to sign the readiness record: the Statement as the subject, its
 * predicate and type. One attestation has one predicate, so the outputs name a record only
 * when the run wrote exactly one (the files of the others are there all the same); empty
 * otherwise, which a workflow tests with `if: steps.gate.outputs.record-path != ''`.
 */
function recordOutputs(records: readonly WrittenRecord[], core: ActionsCore): void {
  const only = records.length === 1 ? records[0] : undefined;
  core.setOutput('record-path', only?.recordPath ?? '');
  core.setOutput('record-digest', only?.recordDigest ?? '');
  core.setOutput('predicate-path', only?.predicatePath ?? '');
  core.setOutput('predicate-type', only ? READINESS_PREDICATE_TYPE : '');
}

/** The PRs a run left as they were, so that a person sees at once which ones it did not reach. */
function leftAloneSummary(result: RunResult): string {
  const lines: string[] = [];
  if (result.notReached.length > 0) {
    lines.push(`### Not reached: ${result.notReached.length} pull request${result.notReached.length === 1 ? '' : 's'}`, '');
    lines.push(`${result.notReached.map((item) => `#${item.number}`).join(', ')}: their status stands as it was. ${result.notReached[0]!.reason}. The next scheduled run starts with them.`, '');
  }
  if (result.skipped.length > 0) {
    lines.push(`Unchanged since the gate last judged them (status left as it was): ${result.skipped.map((item) => `#${item.number}`).join(', ')}.`, '');
  }
  return lines.join('\n');
}

/** A warning per run that left PRs unjudged for want of rate limit: not an error of any PR. */
export function notReachedWarning(result: RunResult): string | null {
  if (result.notReached.length === 0) return null;
  return `Not reached, left as they were: ${result.notReached.map((item) => `#${item.number}`).join(', ')} (${result.notReached[0]!.reason}).`;
}

/** Why the run could not evaluate, one line per PR or group; empty when a verdict was reached for each. */
export function runErrors(result: RunResult): string[] {
  return [
    ...result.failures.map((failure) => (failure.number > 0 ? `#${failure.number}: ${failure.message}` : failure.message)),
    ...result.outcomes.filter((o) => o.evaluation.state === 'error' && o.evaluation.applies).map((o) => `#${o.number}: ${o.evaluation.description}`),
    ...result.groups.filter((g) => g.state === 'error').map((g) => `the merge group ${g.sha.slice(0, 7)}: ${g.description}`),
  ];
}
