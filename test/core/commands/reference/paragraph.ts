import { BIDI_CONTROL } from './confusables.ts';
import type { Candidate } from './find-candidate.ts';
import { tableStart } from './gfm-lookalikes.ts';
import type { CommandPlacement } from './placement.ts';
import type { SourceLine } from './source-lines.ts';

/**
 * What decides whether a command in a top-level paragraph is a line of its
 * own, gathered once per paragraph (a long paragraph may hold many commands).
 */
export interface ParagraphFacts {
  start: number;
  end: number;
  /** Offset of the first character that can open an inline span (code, emphasis, link, HTML). */
  firstMarkup: number;
  /** Offsets of the first tilde that can open strikethrough and the last that can close it. */
  tildeOpen: number;
  tildeClose: number;
  firstBidi: number;
  /** First line of a GFM table in the paragraph. */
  tableFrom: number;
  /** It has a bracket, so it may hold a reference link, which depends on the comment's link definitions. */
  mayLink: boolean;
}

const MARKUP = /[`*_[<]/;
const TILDE_OPEN = /~\S/;

export function paragraphFacts(body: string, lines: readonly SourceLine[], span: { start: number; end: number; first: number; last: number }): ParagraphFacts {
  const text = body.slice(span.start, span.end);
  const at = (match: RegExpExecArray | null): number => (match ? span.start + match.index : Infinity);
  let tildeClose = -1;
  for (let k = text.length - 1; k > 0; k--) {
    if (text.charAt(k) === '~' && !/\s/.test(text.charAt(k - 1))) {
      tildeClose = span.start + k;
      break;
    }
  }
  const table = tableStart(lines, span.first, span.last);
  return {
    start: span.start,
    end: span.end,
    firstMarkup: at(MARKUP.exec(text)),
    tildeOpen: at(TILDE_OPEN.exec(text)),
    tildeClose,
    firstBidi: at(BIDI_CONTROL.exec(text)),
    tableFrom: table < 0 ? Infinity : table,
    mayLink: text.includes('['),
  };
}

/** GFM-only renderings that turn a paragraph line into something else. */
export function gfmPlacement(candidate: Candidate, facts: ParagraphFacts, footnotes: readonly boolean[]): CommandPlacement | null {
  if (footnotes[candidate.line]) return 'mid-line';
  if (candidate.line >= facts.tableFrom) return 'mid-line';
  return null;
}

/** Inline markup before the command may hold it (a code span, emphasis or link opened on an earlier line). */
export function needsInlineCheck(candidate: Candidate, facts: ParagraphFacts): boolean {
  return facts.firstMarkup < candidate.offset;
}

/** What holds the command inside its paragraph, once inline markup is known. */
export type InlineHolder = 'text' | 'html' | 'code' | 'other';

/** The placement of a command in a top-level paragraph, given what holds it inline. */
export function placeInParagraph(candidate: Candidate, facts: ParagraphFacts, holder: InlineHolder, lineEnd: number): CommandPlacement {
  if (holder === 'html') return 'html';
  if (holder === 'code') return 'code';
  if (holder === 'other' || !candidate.lineStart) return 'mid-line';
  if (facts.tildeOpen < candidate.offset && facts.tildeClose >= candidate.offset) return 'mid-line';
  // A bidi control earlier in the paragraph can reorder how the command line displays.
  if (!candidate.genuine || facts.firstBidi < lineEnd) return 'look-alike';
  return 'line';
}

