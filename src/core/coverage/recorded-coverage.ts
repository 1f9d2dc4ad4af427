import type { CoverageFigure } from './coverage-figure.ts';
import { describeCoverage, parsePercent } from './describe-coverage.ts';
import { FORMAT_MEASURE, FORMAT_SHORT } from './format-names.ts';

/** The commit status in which the action records a commit's coverage for later evaluations. */
export const COVERAGE_CONTEXT = 'release-readiness/coverage';

/**
 * "84.2% of lines (lcov) · 842/1000". The counts are written out so that a later run reads
 * back the exact figure, not a rounded one that could cross the minimum.
 */
export function recordedDescription(figure: CoverageFigure): string {
  if (figure.rateOnly) {
    // No counts to carry: round down, so that the figure read back never flatters.
    const floored = Math.floor(figure.percent * 100) / 100;
    return `${floored}% of ${FORMAT_MEASURE[figure.format]} (${FORMAT_SHORT[figure.format]}, rate only)`;
  }
  return `${describeCoverage(figure)} · ${figure.linesCovered}/${figure.linesTotal}`;
}

/** The percentage in a recorded description; null when it holds none. */
export function readRecordedPercent(description: string): number | null {
  const counts = /·\s*(\d+)\/(\d+)\s*$/.exec(description);
  if (counts) {
    const covered = Number(counts[1]);
    const total = Number(counts[2]);
    return total > 0 && covered <= total ? (covered / total) * 100 : null;
  }
  return parsePercent(description);
}
