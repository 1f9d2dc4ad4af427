import type { SourceLine } from './source-lines.ts';

/**
 * Limits on what is handed to the markdown parser. It is exact but slow on
 * some shapes (thousands of list items, nested list markers on one line,
 * runs of setext headings cost it seconds), and any commenter can post such
 * a comment. Past these limits the comment is too complex to verify cheaply:
 * its commands are reported but never counted. Human comments stay far below.
 */
export const BUDGET = {
  /** Lines parsed per comment. */
  lines: 2000,
  /** Characters parsed per comment. */
  chars: 24576,
  /** A stretch stops growing here; parsing goes on in the next one. */
  stretchGrowth: 400,
  /** Lines that start with block syntax (`#`, `>`, `-`, `<`, a digit…), per comment. */
  structuralLines: 800,
  /** Sum over lines of (container markers on the line)²: nesting on one line is quadratic. */
  nesting: 4000,
  /** Lines that could underline a setext heading: each costs the parser a walk back. */
  setextLines: 100,
  /** Separate parses per comment: each has a fixed cost. */
  stretches: 64,
  /**
   * One parse with inline markup (of a stretch, or of paragraphs packed
   * together): characters, and markup characters in them. Per comment,
   * checking what holds its commands may spend this much in all, and finding
   * its inline HTML `inlineHtmlShare` times as much.
   */
  inlineChars: 8192,
  inlineMarkup: 256,
  inlineHtmlShare: 2,
  inlineParses: 8,
  /** Link definitions a paragraph is re-parsed with. */
  inlineDefinitions: 256,
} as const;

export interface Spent {
  lines: number;
  chars: number;
  structural: number;
  nesting: number;
  setext: number;
  stretches: number;
}

export function nothingSpent(): Spent {
  return { lines: 0, chars: 0, structural: 0, nesting: 0, setext: 0, stretches: 0 };
}

const STRUCTURAL = /^[ \t]*[#>\-+*=_[<|`~0-9]/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** Container markers (`>`, `-`, `1.`) at the start of a line. */
function markers(text: string): number {
  let count = 0;
  let i = 0;
  for (;;) {
    while (text.charAt(i) === ' ' || text.charAt(i) === '\t') i++;
    const c = text.charAt(i);
    let next = i;
    if (c === '>') next = i + 1;
    else if (c === '-' || c === '+' || c === '*') next = i + 1;
    else {
      while (next - i < 9 && /[0-9]/.test(text.charAt(next))) next++;
      if (next === i || (text.charAt(next) !== '.' && text.charAt(next) !== ')')) return count;
      next++;
    }
    const after = text.charAt(next);
    if (c !== '>' && after !== '' && after !== ' ' && after !== '\t') return count;
    count++;
    i = next;
  }
}

/** Charges the lines [from, to) to `spent`; false when that would overrun the budget. */
export function charge(spent: Spent, lines: readonly SourceLine[], from: number, to: number): boolean {
  spent.stretches += 1;
  spent.lines += to - from;
  spent.chars += (lines[to - 1]?.end ?? 0) - (lines[from]?.start ?? 0);
  for (let k = from; k < to; k++) {
    const text = lines[k]?.text ?? '';
    if (!STRUCTURAL.test(text)) continue;
    spent.structural += 1;
    const m = markers(text);
    spent.nesting += m * m;
    if (SETEXT.test(text)) spent.setext += 1;
  }
  return (
    spent.stretches <= BUDGET.stretches &&
    spent.lines <= BUDGET.lines &&
    spent.chars <= BUDGET.chars &&
    spent.structural <= BUDGET.structuralLines &&
    spent.nesting <= BUDGET.nesting &&
    spent.setext <= BUDGET.setextLines
  );
}
