import type { Nodes, Root } from 'mdast';
import { descendants, parseFull, pathTo, startOf } from './markdown.ts';
import type { FeedOptions } from './html-tracker.ts';
import { BUDGET } from './parse-budget.ts';

/**
 * Inline markup is parsed only for the paragraphs where it can matter,
 * because that is where the parser's slow paths are, and many paragraphs are
 * parsed together (blank-line separated, so each stays its own paragraph)
 * because each parse has a fixed cost. Past the budget, callers assume the worst.
 */
export interface InlineBudget {
  chars: number;
  markup: number;
  parses: number;
}

/** A comment's allowance for one purpose: finding inline HTML, or checking what holds commands. */
export function inlineBudget(purpose: 'html' | 'check'): InlineBudget {
  const share = purpose === 'html' ? BUDGET.inlineHtmlShare : 1;
  return { chars: BUDGET.inlineChars * share, markup: BUDGET.inlineMarkup * share, parses: BUDGET.inlineParses };
}

/** Source text of a paragraph (or heading) and the body offset where it starts. */
export interface Segment {
  at: number;
  source: string;
}

/** A parse holding several segments; `starts[i]` is where `segments[i]` begins in it. */
export interface Pack {
  root: Root;
  segments: Segment[];
  starts: number[];
}

const MARKUP = /[*_[\]<`!]/g;
const SEPARATOR = '\n\n';

function markupIn(text: string): number {
  return text.match(MARKUP)?.length ?? 0;
}

/** A full parse of `markdown` if it fits the budget (which it then draws on), else null. */
export function parseIfAffordable(markdown: string, budget: InlineBudget): Root | null {
  const markup = markupIn(markdown);
  const fits = markdown.length <= BUDGET.inlineChars && markup <= BUDGET.inlineMarkup;
  if (!fits || budget.parses <= 0 || markdown.length > budget.chars || markup > budget.markup) return null;
  budget.parses -= 1;
  budget.chars -= markdown.length;
  budget.markup -= markup;
  return parseFull(markdown);
}

/**
 * Parses the segments, packed into as few parses as fit the limits, each
 * followed by `trailer` (link definitions). Segments that do not fit are
 * returned as unaffordable.
 */
export function parsePacked(segments: readonly Segment[], trailer: string, budget: InlineBudget): { packs: Pack[]; unaffordable: Segment[] } {
  const packs: Pack[] = [];
  const unaffordable: Segment[] = [];
  const tail = trailer === '' ? '' : SEPARATOR + trailer;
  const tailMarkup = markupIn(tail);
  let group: Segment[] = [];
  let length = tail.length;
  let markup = tailMarkup;

  const flush = (): void => {
    if (group.length === 0) return;
    const starts: number[] = [];
    let text = '';
    for (const segment of group) {
      if (text !== '') text += SEPARATOR;
      starts.push(text.length);
      text += segment.source;
    }
    const affordable = budget.parses > 0 && length <= budget.chars && markup <= budget.markup;
    const root = affordable ? parseFull(text + tail) : null;
    if (affordable) {
      budget.parses -= 1;
      budget.chars -= length;
      budget.markup -= markup;
    }
    if (root) packs.push({ root, segments: group, starts });
    else unaffordable.push(...group);
    group = [];
    length = tail.length;
    markup = tailMarkup;
  };

  for (const segment of segments) {
    const size = segment.source.length + SEPARATOR.length;
    const marks = markupIn(segment.source);
    if (size + tail.length > BUDGET.inlineChars || marks + tailMarkup > BUDGET.inlineMarkup) {
      unaffordable.push(segment);
      continue;
    }
    if (length + size > BUDGET.inlineChars || markup + marks > BUDGET.inlineMarkup) flush();
    group.push(segment);
    length += size;
    markup += marks;
  }
  flush();
  return { packs, unaffordable };
}

/** The segment of `pack` that an offset of its parse falls in, as an index. */
export function segmentAt(pack: Pack, offset: number): number {
  let low = 0;
  let high = pack.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((pack.starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A piece of raw HTML and the body offset where it starts, and how to feed it (see FeedOptions). */
export interface HtmlPiece extends FeedOptions {
  at: number;
  html: string;
}

const MAY_HOLD_TAG = /<[A-Za-z!?/]/;

/**
 * The raw HTML inside paragraphs and headings, each parsed on its own (so
 * only for those that parse the same alone). An unaffordable segment is
 * passed on whole, as unsure HTML.
 */
export function inlineHtml(segments: readonly Segment[], budget: InlineBudget): HtmlPiece[] {
  const { packs, unaffordable } = parsePacked(
    segments.filter((segment) => MAY_HOLD_TAG.test(segment.source)),
    '',
    budget,
  );
  const pieces: HtmlPiece[] = unaffordable.map((segment) => ({ at: segment.at, html: segment.source, unsure: true }));
  for (const pack of packs) {
    for (const node of descendants(pack.root)) {
      if (node.type !== 'html') continue;
      const index = segmentAt(pack, startOf(node));
      const segment = pack.segments[index];
      if (segment) pieces.push({ at: segment.at + startOf(node) - (pack.starts[index] ?? 0), html: node.value });
    }
  }
  return pieces;
}

/** The path to `offset` (a body offset inside `segment`) in the pack's parse, from the segment's own top node. */
export function pathInPack(pack: Pack, index: number, offset: number): Nodes[] {
  const segment = pack.segments[index];
  const start = pack.starts[index] ?? 0;
  if (!segment) return [];
  const path = pathTo(pack.root, start + offset - segment.at);
  return path[0] && startOf(path[0]) === start ? path : [];
}
