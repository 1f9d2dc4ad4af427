import { describe, expect, it } from 'vitest';
import type { CoverageFigure } from '../../../src/core/coverage/coverage-figure.ts';
import { describeCoverage, formatPercent } from '../../../src/core/coverage/describe-coverage.ts';

const figure = (format: CoverageFigure['format'], linesCovered: number, linesTotal: number): CoverageFigure => ({
  format,
  linesCovered,
  linesTotal,
  percent: (100 * linesCovered) / linesTotal,
});

describe('describeCoverage', () => {
  it.each<[CoverageFigure, string]>([
    [figure('lcov', 842, 1000), '84.2% of lines (lcov)'],
    [figure('cobertura', 13, 17), '76.5% of lines (Cobertura)'],
    [figure('istanbul', 20, 30), '66.7% of lines (Istanbul)'],
    [figure('jacoco', 15, 23), '65.2% of lines (JaCoCo)'],
    [figure('clover', 14, 19), '73.7% of statements (Clover)'],
    [figure('go', 7, 11), '63.6% of statements (Go coverprofile)'],
    [{ format: 'cobertura', linesCovered: 0, linesTotal: 0, percent: 84.2, rateOnly: true }, '84.2% of lines (Cobertura, rate only)'],
  ])('%o reads "%s"', (given, text) => {
    expect(describeCoverage(given)).toBe(text);
  });

  it('does not show a failing figure as reaching the threshold', () => {
    expect(describeCoverage(figure('lcov', 7996, 10_000), 80)).toBe('79.9% of lines (lcov)');
    expect(describeCoverage(figure('lcov', 7996, 10_000))).toBe('80.0% of lines (lcov)');
  });
});

describe('formatPercent', () => {
  it.each([
    [84.2, '84.2%'],
    [84.25, '84.3%'],
    [84.24999, '84.2%'],
    [100 / 3, '33.3%'],
    [200 / 3, '66.7%'],
    [0.15, '0.2%'],
    [12.05, '12.1%'],
    [80, '80.0%'],
    [100, '100.0%'],
    [0, '0.0%'],
  ])('%d → %s (half away from zero)', (percent, text) => {
    expect(formatPercent(percent)).toBe(text);
  });

  it.each([
    [99.96, undefined, '99.9%'],
    [99.9999, undefined, '99.9%'],
    [0.04, undefined, '0.1%'],
    [79.96, 80, '79.9%'],
    [79.95, 80, '79.9%'],
    [79.9999, 80, '79.9%'],
    [80, 80, '80.0%'],
    [80.04, 80, '80.0%'],
    [80.04, 80.04, '80.1%'],
    [80.03, 80.05, '80.0%'],
    [84.2, 80, '84.2%'],
  ])('never rounds %d across a boundary (threshold %s) → %s', (percent, threshold, text) => {
    expect(formatPercent(percent, threshold)).toBe(text);
  });

  it('says n/a for a value that is not a number', () => {
    expect(formatPercent(Number.NaN)).toBe('n/a');
  });
});
