import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { CoverageParse } from '../core/coverage/coverage-figure.ts';
import { COVERAGE_CONTEXT, recordedDescription } from '../core/coverage/recorded-coverage.ts';
import { errorMessage } from '../core/errors/error-message.ts';
import { truncateDescription } from '../core/evaluation/gate-state.ts';
import type { Logger } from '../gate/logger.ts';
import type { Publisher } from '../github/publish/publisher.ts';

export interface CoverageRecord {
  ok: boolean;
  description: string;
}

async function readReport(workspace: string, file: string): Promise<CoverageParse> {
  // Only the CI step that records a figure parses a report: the parsers (an XML parser among
  // them) load then, not on every event the gate evaluates.
  const { parseCoverageReport } = await import('../core/coverage/parse-coverage-report.ts');
  const path = isAbsolute(file) ? file : resolve(workspace, file);
  try {
    return parseCoverageReport(await readFile(path, 'utf8'), file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : errorMessage(error);
    return { ok: false, message: `${file}: ${why} (the path is relative to the workspace; run this step after the tests)` };
  }
}

export interface CoverageInput {
  /** The report, relative to the workspace (`coverage-file` input). */
  file: string;
  workspace: string;
  /** This workflow run's page, where the figure came from. */
  runUrl: string | null;
}

/**
 * Records the line coverage of a report on the commits as the status
 * `release-readiness/coverage`, for later evaluations to read back with no file at hand.
 * An unreadable report is recorded as an error, so that the gate blocks rather than waits.
 */
export async function recordCoverage(publisher: Publisher, input: CoverageInput, commits: readonly string[], log: Logger): Promise<CoverageRecord> {
  const parsed = await readReport(input.workspace, input.file);
  const record: CoverageRecord = parsed.ok
    ? { ok: true, description: recordedDescription(parsed.figure) }
    : { ok: false, description: truncateDescription(`Unreadable report: ${parsed.message}`) };
  for (const sha of commits) {
    await publisher.status({
      sha,
      context: COVERAGE_CONTEXT,
      state: record.ok ? 'success' : 'error',
      description: truncateDescription(record.description),
      targetUrl: input.runUrl ?? '',
      previous: undefined,
    });
    log.info(`Coverage of ${sha.slice(0, 7)} recorded: ${record.description}`);
  }
  return record;
}
