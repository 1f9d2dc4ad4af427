/**
 * Strict number reading. Report attributes are text; `Number("")` is 0 and
 * `parseInt("12abc")` is 12, either of which would turn a broken report into a figure.
 */

const COUNT = /^\s*\d+\s*$/;
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A non-negative whole count, or null. */
export function parseCount(text: string | undefined): number | null {
  if (text === undefined) return null;
  const plain = plainDigits(text);
  if (plain !== null) return plain;
  if (!COUNT.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** Any finite decimal (hit counts may be signed or in exponent form), or null. */
export function parseDecimal(text: string | undefined): number | null {
  if (text === undefined) return null;
  const plain = plainDigits(text);
  if (plain !== null) return plain;
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * The common case, short digit strings, without a regular expression: a 20 MB lcov
 * file has millions of them.
 */
function plainDigits(text: string): number | null {
  if (text.length === 0 || text.length > 15) return null;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  return value;
}
