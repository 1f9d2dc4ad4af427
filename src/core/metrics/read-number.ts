import { linearRegex } from '../config/linear-regex.ts';

/** "7.4", "1,234.5", "-3", "1e3": a number as tools write them (a thousands comma is dropped). */
const NUMBER = /[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?/;

function toNumber(text: string): number | null {
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

/**
 * The figure in a tool's text: the first group of `pattern` (RE2: text a PR controls), or
 * without a pattern the first number. Null when there is none.
 */
export function readNumber(text: string, pattern: string | undefined): number | null {
  const found = pattern ? linearRegex(pattern).capture(text) : text;
  if (found === null) return null;
  const match = NUMBER.exec(found);
  return match ? toNumber(match[0]) : null;
}

/** "7.4 ms", "1,200 requests/s", "0.2%": a figure with its unit, as the comment shows it. */
export function formatFigure(value: number, unit: string | undefined): string {
  const shown = Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  if (!unit) return shown;
  return unit === '%' ? `${shown}%` : `${shown} ${unit}`;
}
