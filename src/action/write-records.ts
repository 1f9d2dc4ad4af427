import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readinessRecord, recordJson, type RecordContext } from '../core/record/readiness-record.ts';
import type { Logger } from '../gate/logger.ts';
import type { RunResult } from '../gate/run-gate.ts';

/** A readiness record on the runner's disk, ready for actions/attest. */
export interface WrittenRecord {
  number: number;
  /** The in-toto Statement: the subject of the attestation (`subject-path`). */
  recordPath: string;
  /** Its predicate alone (`predicate-path`). */
  predicatePath: string;
  /** The Statement file's digest as actions/attest computes it: `sha256:<hex>`. */
  recordDigest: string;
}

/**
 * Writes a readiness record for each PR whose head the run set to `success`, into
 * `$RUNNER_TEMP/release-readiness/` beside the evidence snapshots. The status decides, not the
 * evaluation alone: a head that another open PR blocks was not let through.
 */
export async function writeRecords(result: RunResult, tempDir: string | null, context: RecordContext, log: Logger): Promise<WrittenRecord[]> {
  const written: WrittenRecord[] = [];
  for (const outcome of result.outcomes) {
    if (outcome.state !== 'success') continue;
    const record = readinessRecord(outcome.snapshot, outcome.evaluation, context);
    if (!record) {
      // A PR the gate does not apply to is no release; a release without a record is worth a word.
      if (outcome.evaluation.applies) log.warning(`#${outcome.number} is ready, but no readiness record was written: GitHub did not say which blob the policy was.`);
      continue;
    }
    if (!tempDir) {
      log.info(`#${outcome.number} is ready; no readiness record written: RUNNER_TEMP is not set.`);
      continue;
    }
    const dir = join(tempDir, 'release-readiness');
    const name = `pr-${outcome.number}-${outcome.snapshot.pullRequest.head.sha.slice(0, 7)}.json`;
    const statement = recordJson(record);
    const paths = { recordPath: join(dir, `record-${name}`), predicatePath: join(dir, `predicate-${name}`) };
    await mkdir(dir, { recursive: true });
    await Promise.all([writeFile(paths.recordPath, statement), writeFile(paths.predicatePath, recordJson(record.predicate))]);
    const recordDigest = `sha256:${createHash('sha256').update(statement).digest('hex')}`;
    log.info(`#${outcome.number}: readiness record written to ${paths.recordPath} (${recordDigest}).`);
    written.push({ number: outcome.number, ...paths, recordDigest });
  }
  return written;
}
