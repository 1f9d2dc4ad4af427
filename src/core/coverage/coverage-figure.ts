/**
 * The line coverage of one commit, read from a report file that the user's CI produced.
 * The gate compares `percent` with `coverage.min`; the counts are kept so that the
 * living comment can say what the percentage is made of.
 */

export type CoverageFormat = 'lcov' | 'cobertura' | 'istanbul' | 'clover' | 'jacoco' | 'go';

export interface CoverageFigure {
  format: CoverageFormat;
  /**
   * Covered and total "lines" as the format counts them. Clover has no line metric and
   * Go reports statements, so for `clover` and `go` these are statements (see their parsers).
   * Both are 0 when `rateOnly` is set: the report stated a rate and no counts.
   */
  linesCovered: number;
  linesTotal: number;
  /** 0–100, unrounded */
  percent: number;
  /** Set when the report gave only a rate (Cobertura `line-rate` alone, Istanbul `pct` alone). */
  rateOnly?: true;
}

export type CoverageParse = { ok: true; figure: CoverageFigure } | { ok: false; message: string };
