import { BIDI_CONTROL } from './confusables.ts';
import type { Candidate } from './find-candidate.ts';
import type { InlineHolder } from './inline-holder.ts';
import type { CommandPlacement } from './placement.ts';
import type { SourceLine } from './source-lines.ts';

// GitHub renders GFM, whose tables, footnotes and strikethrough CommonMark (so the parser) does not know.
// Where GitHub might render a paragraph line as one of them, it must not count. The checks err towards
// "something else": a false alarm costs a re-typed command, a miss would count one nobody saw as one.

// A table's delimiter row (`| --- | :-: |`, `--|--`): the line above it and every later line of
// the paragraph make the table. (Dashes alone are a setext underline, never inside a paragraph.)
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
// CommonMark reads `[^1]: …` as a link definition; GFM as a footnote, its lazy continuation running to a blank line.
const FOOTNOTE_START = /^ {0,3}\[\^[^\]]*\]:/;

/** For each line, whether it lies in a run of non-blank lines that began with a footnote definition. */
export function footnoteRuns(lines: readonly SourceLine[]): boolean[] {
  let inRun = false;
  return lines.map(({ text }) => (inRun = /^[ \t]*$/.test(text) ? false : inRun || FOOTNOTE_START.test(text)));
}

/**
 * What decides whether a command in the top-level paragraph on lines [first, last] is a line of its own, besides
 * what holds it, gathered once per paragraph: the first tilde that can open strikethrough (`~x~`, `~~x~~`, across
 * lines too) and the last that can close it, the first bidi control (body offsets), the first line of a table.
 */
export type ParagraphFacts = Record<'tildeOpen' | 'tildeClose' | 'firstBidi' | 'tableFrom', number>;

export function paragraphFacts(body: string, lines: readonly SourceLine[], first: number, last: number): ParagraphFacts {
  const start = lines[first]?.start ?? 0;
  const text = body.slice(start, lines[last]?.end ?? body.length);
  const at = (index: number): number => (index < 0 ? Infinity : start + index);
  let [tableFrom, tildeClose] = [Infinity, -1];
  for (let k = first + 1; k <= last && tableFrom === Infinity; k++) if (DELIMITER_ROW.test(lines[k]?.text ?? '')) tableFrom = k - 1;
  for (const close of text.matchAll(/(?<=\S)~/g)) tildeClose = start + close.index;
  return { tildeOpen: at(text.search(/~\S/)), tildeClose, firstBidi: at(text.search(BIDI_CONTROL)), tableFrom };
}

/** Where a command in a top-level paragraph stands, outside any HTML element, given what holds it there. */
export function placeInParagraph(candidate: Candidate, facts: ParagraphFacts, holder: InlineHolder, footnote: boolean, lineEnd: number): CommandPlacement {
  if (footnote || candidate.line >= facts.tableFrom) return 'mid-line';
  if (holder === 'html' || holder === 'code') return holder;
  if (holder === 'other' || !candidate.lineStart) return 'mid-line';
  if (facts.tildeOpen < candidate.offset && facts.tildeClose >= candidate.offset) return 'mid-line';
  // A bidi control earlier in the paragraph can reorder how the command line displays.
  return !candidate.genuine || facts.firstBidi < lineEnd ? 'look-alike' : 'line';
}
