import type { CoverageFormat, CoverageParse } from './coverage-figure.ts';
import { FORMAT_TITLE } from './format-names.ts';

/** Exactly this wording, whatever the format: a 0/0 must never read as 100%. */
export const NO_LINES_MESSAGE = 'the report covers no lines';

/** The one place a figure is made, so every format gets the same sanity checks. */
export function figureOf(format: CoverageFormat, covered: number, total: number, name: string): CoverageParse {
  if (!isCount(covered) || !isCount(total)) {
    return fail(`${name} (${FORMAT_TITLE[format]}) gives ${covered} covered of ${total}, which are not whole counts`);
  }
  if (total === 0) return fail(NO_LINES_MESSAGE);
  if (covered > total) {
    return fail(`${name} (${FORMAT_TITLE[format]}) says ${covered} covered of only ${total}; the report is inconsistent, regenerate it`);
  }
  return { ok: true, figure: { format, linesCovered: covered, linesTotal: total, percent: (100 * covered) / total } };
}

/** For reports that state a rate but no counts; `percent` is 0–100. */
export function rateOnlyFigure(format: CoverageFormat, percent: number): CoverageParse {
  return { ok: true, figure: { format, linesCovered: 0, linesTotal: 0, percent, rateOnly: true } };
}

export function fail(message: string): CoverageParse & { ok: false } {
  return { ok: false, message };
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
