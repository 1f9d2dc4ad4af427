import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { CoverageParse } from '../core/coverage/coverage-figure.ts';
import { parseCoverageReport } from '../core/coverage/parse-coverage-report.ts';
import { COVERAGE_CONTEXT, recordedDescription } from '../core/coverage/recorded-coverage.ts';
import { truncateDescription } from '../core/evaluation/gate-state.ts';
import type { GitHubClient } from '../github/octokit-client.ts';
import type { Logger } from './logger.ts';
import type { Settings } from './settings.ts';

export interface CoverageRecord {
  ok: boolean;
  description: string;
}

async function readReport(settings: Settings, file: string): Promise<CoverageParse> {
  const path = isAbsolute(file) ? file : resolve(settings.workspace, file);
  try {
    return parseCoverageReport(await readFile(path, 'utf8'), file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { ok: false, message: `${file}: ${why} (the path is relative to the workspace; run this step after the tests)` };
  }
}

/**
 * Records the line coverage of a report on the commits as the status
 * `release-readiness/coverage`, for later evaluations to read back with no file at hand.
 * An unreadable report is recorded as an error, so that the gate blocks rather than waits.
 */
export async function recordCoverage(client: GitHubClient, settings: Settings, commits: readonly string[], log: Logger): Promise<CoverageRecord> {
  const file = settings.coverageFile!;
  const parsed = await readReport(settings, file);
  const record: CoverageRecord = parsed.ok
    ? { ok: true, description: recordedDescription(parsed.figure) }
    : { ok: false, description: truncateDescription(`Unreadable report: ${parsed.message}`) };
  for (const sha of commits) {
    await client.rest.repos.createCommitStatus({
      ...settings.repo,
      sha,
      context: COVERAGE_CONTEXT,
      state: record.ok ? 'success' : 'error',
      description: truncateDescription(record.description),
      ...(settings.runUrl ? { target_url: settings.runUrl } : {}),
    });
    log.info(`Coverage of ${sha.slice(0, 7)} recorded: ${record.description}`);
  }
  return record;
}
