import { readinessRecord, recordJson } from '../core/record/readiness-record.ts';
import { GATE_VERSION } from '../gate/gate-version.ts';
import type { CliIo } from './cli-io.ts';
import { readPullRequest, type PullRequestOptions } from './read-pull-request.ts';

/**
 * `record --repo owner/name --pr N`: the readiness record the gate would write for the PR now,
 * as JSON on stdout; exit 1, saying why, when the PR is not ready. Read with the caller's token
 * and unsigned: the attested record is the one the gate's workflow writes and signs.
 */
export async function recordCommand(options: PullRequestOptions, io: CliIo): Promise<number> {
  const read = await readPullRequest(options, io);
  if (!read.ok) return read.exitCode;
  const { pr, snapshot, evaluation } = read;
  const record = readinessRecord(snapshot, evaluation, { gateVersion: GATE_VERSION, runUrl: null });
  if (record) {
    io.out(recordJson(record).trimEnd());
    return 0;
  }
  if (!evaluation.applies) io.error(`#${pr.number} is not a release pull request: the gate does not apply, and there is no readiness record.`);
  else if (evaluation.state !== 'success') io.error(`#${pr.number} is not ready (${evaluation.state}): ${evaluation.description}. \`explain\` says what is missing.`);
  else io.error(`#${pr.number} is ready, but GitHub did not say which blob ${evaluation.policy.path} is, and a record must name its policy exactly.`);
  return 1;
}
