import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { CoverageFigure, CoverageFormat, CoverageParse } from '../../../src/core/coverage/coverage-figure.ts';
import { parseCoverageReport } from '../../../src/core/coverage/parse-coverage-report.ts';

export function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
}

/** Parses a fixture under its own name, as the action would pass it. */
export function parseFixture(name: string): CoverageParse {
  return parseCoverageReport(fixture(name), name);
}

/** Asserts exact counts; the percentage must be exactly what the counts give. */
export function expectFigure(result: CoverageParse, format: CoverageFormat, covered: number, total: number): CoverageFigure {
  expect(result).toEqual({ ok: true, figure: { format, linesCovered: covered, linesTotal: total, percent: (100 * covered) / total } });
  return (result as { figure: CoverageFigure }).figure;
}

export function expectFailure(result: CoverageParse, message: string | RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  if (typeof message === 'string') expect(result.message).toBe(message);
  else expect(result.message).toMatch(message);
}
