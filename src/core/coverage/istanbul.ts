import { errorMessage } from '../errors/error-message.ts';
import type { CoverageParse } from './coverage-figure.ts';
import { FORMAT_TITLE } from './format-names.ts';
import { fail, figureOf, NO_LINES_MESSAGE, rateOnlyFigure } from './make-figure.ts';

const TITLE = FORMAT_TITLE.istanbul;

/**
 * Istanbul json-summary (nyc, c8, jest, vitest: coverage-summary.json). The figure is
 * total.lines.covered / total.lines.total. `pct` is only a fallback: istanbul floors it to
 * two decimals, and writes 100 (or "Unknown") when there are no lines at all.
 */
export function parseIstanbulSummary(text: string, name: string): CoverageParse {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return fail(`${name} looks like JSON but does not parse (${errorMessage(error)}); the file may be cut off`);
  }
  if (!isObject(document)) return fail(`${name} is JSON but not an Istanbul json-summary (expected an object with a "total" entry)`);

  const total = document['total'];
  if (!isObject(total)) {
    const values = Object.values(document);
    if (values.some((value) => isObject(value) && 'statementMap' in value)) {
      return fail(`${name} is Istanbul's full coverage JSON (coverage-final.json), not a json-summary: add the json-summary reporter and point the check at coverage-summary.json`);
    }
    return fail(`${name} is JSON but not an Istanbul json-summary (it has no "total" entry)`);
  }
  const lines = total['lines'];
  if (!isObject(lines)) return fail(`${name} looks like ${TITLE} but its "total" has no "lines" entry`);

  const covered = lines['covered'];
  const count = lines['total'];
  if (typeof covered === 'number' && typeof count === 'number') return figureOf('istanbul', covered, count, name);

  const pct = lines['pct'];
  if (typeof pct === 'number' && pct >= 0 && pct <= 100) return rateOnlyFigure('istanbul', pct);
  if (pct === 'Unknown') return fail(NO_LINES_MESSAGE);
  return fail(`${name} looks like ${TITLE} but total.lines has no numeric covered/total`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
