import { linearRegex } from '../config/linear-regex.ts';

/** "7.4", "1,234.5", "-3", "1e3": a number as tools write them (a thousands comma is dropped). */
const NUMBER = /[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?/;

/** The first number in `text` as written there ("1,234.5"); null when there is none. */
export function firstNumberText(text: string): string | null {
  return NUMBER.exec(text)?.[0] ?? null;
}

/** The value of a number as `firstNumberText` finds it: Infinity when it is too large for a double. */
export function numberValue(written: string): number {
  return Number(written.replace(/,/g, ''));
}

/** A number written exactly as `firstNumberText` reads one, with nothing else but blanks around it. */
export function isNumberText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && firstNumberText(trimmed) === trimmed;
}

function toNumber(text: string): number | null {
  const value = numberValue(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * The figure in a tool's text: the first group of `pattern` (RE2: text a PR controls), or
 * without a pattern the first number. Null when there is none.
 */
export function readNumber(text: string, pattern: string | undefined): number | null {
  const found = pattern ? linearRegex(pattern).capture(text) : text;
  if (found === null) return null;
  const written = firstNumberText(found);
  return written === null ? null : toNumber(written);
}

/** "7.4 ms", "1,200 requests/s", "0.2%": a figure with its unit, as the comment shows it. */
export function formatFigure(value: number, unit: string | undefined): string {
  const shown = Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  if (!unit) return shown;
  return unit === '%' ? `${shown}%` : `${shown} ${unit}`;
}
