import type { CoverageFigure } from './coverage-figure.ts';
import { FORMAT_MEASURE, FORMAT_SHORT } from './format-names.ts';

/**
 * "84.2% of lines (lcov)". With `threshold`, the shown percentage never lands on the
 * wrong side of it (see formatPercent).
 */
export function describeCoverage(figure: CoverageFigure, threshold?: number): string {
  const rateOnly = figure.rateOnly ? ', rate only' : '';
  return `${formatPercent(figure.percent, threshold)} of ${FORMAT_MEASURE[figure.format]} (${FORMAT_SHORT[figure.format]}${rateOnly})`;
}

/**
 * One decimal, rounded half away from zero, except where that rounding would cross a
 * boundary the true value has not reached: 79.96% against a minimum of 80 shows "79.9%", not
 * an "80.0%" that reads as passing; 99.96% is not "100.0%" and 0.04% is not "0.0%". In those
 * cases the value is rounded toward its true side instead.
 */
export function formatPercent(percent: number, threshold?: number): string {
  if (!Number.isFinite(percent)) return 'n/a';
  // Drop binary noise first (100 * 1 / 3 is 33.333333333333336) so halves round as written.
  const value = Number(percent.toPrecision(12));
  const tenths = Number((value * 10).toPrecision(12));
  let shown = (Math.sign(tenths) * Math.round(Math.abs(tenths))) / 10;
  const down = Math.floor(tenths) / 10;
  const up = Math.ceil(tenths) / 10;
  // "0.0%" would say nothing is covered; "100.0%" that everything is.
  if (value > 0 && shown <= 0) shown = up;
  // The threshold goes last: when the fixes disagree, the gate's side is the one to show.
  for (const boundary of threshold !== undefined && Number.isFinite(threshold) ? [100, threshold] : [100]) {
    if (value < boundary && shown >= boundary) shown = down;
    else if (value >= boundary && shown < boundary) shown = up;
  }
  return `${shown.toFixed(1)}%`;
}

/** The lookbehind keeps a percentage from being the tail of a longer number ("1234.5%" is not "234.5%"). */
const PERCENT = /(?<![\d.,])([+\-\u2212]?)(\d+(?:[.,]\d+)?)\s*%/u;

/**
 * The first percentage in a status description or check-run summary, e.g. 84.21 from
 * "Coverage: 84.21 % (-0.4%)". Null when there is none, or when the first one is not a
 * coverage level: above 100 or signed (a change such as "-3%" or "+0.4%"). Later
 * percentages are not tried, since they are typically such changes.
 */
export function parsePercent(text: string): number | null {
  const match = PERCENT.exec(text);
  if (!match) return null;
  const [, sign = '', digits = ''] = match;
  // "coverage-84%" uses the hyphen as a separator, not as a minus sign.
  const before = text[match.index - 1] ?? '';
  if (sign !== '' && !/[\p{L}\p{N}]/u.test(before)) return null;
  const value = Number(digits.replace(',', '.'));
  return Number.isFinite(value) && value <= 100 ? value : null;
}
