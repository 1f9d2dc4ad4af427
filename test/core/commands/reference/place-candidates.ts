import type { Nodes } from 'mdast';
import { chunksOf } from './chunks.ts';
import type { Candidate } from './find-candidate.ts';
import { footnoteRuns } from './gfm-lookalikes.ts';
import { createHtmlTracker, type HtmlContext } from './html-tracker.ts';
import { inlineBudget, inlineHtml, parseIfAffordable, type HtmlPiece, type Segment } from './inline.ts';
import { descendants, endOf, parseBlocks, pathTo, startOf } from './markdown.ts';
import { closes, openAtEnd, openerOf, type OpenBlock } from './open-blocks.ts';
import { gfmPlacement, needsInlineCheck, paragraphFacts, placeInParagraph, type ParagraphFacts } from './paragraph.ts';
import { BUDGET, charge, nothingSpent } from './parse-budget.ts';
import { guessPlacement, type CommandPlacement } from './placement.ts';
import { holderOf, settleInline, type PendingCheck } from './settle-inline.ts';
import { isBlank, type SourceLine } from './source-lines.ts';

/** What holds a command outranks where on its line it stands. */
function placeByBlocks(path: readonly Nodes[], html: HtmlContext): CommandPlacement | 'paragraph' {
  if (path.length === 0) return 'mid-line';
  if (path.some((node) => node.type === 'html')) return 'html';
  if (path.some((node) => node.type === 'code')) return 'code';
  if (path.some((node) => node.type === 'blockquote')) return 'quote';
  if (path.some((node) => node.type === 'list' || node.type === 'listItem')) return 'list';
  if (html === 'details') return 'details';
  if (html === 'other') return 'html';
  // Headings (a setext underline turns a paragraph into one) and link definitions are not lines.
  return path[0]?.type === 'paragraph' ? 'paragraph' : 'mid-line';
}

/**
 * Decides where each candidate stands. The comment is walked line by line:
 * long-lived blocks (fenced code, long HTML) are followed cheaply, chunks
 * that cannot matter are skipped, and the rest is handed to the markdown
 * parser in stretches that start where its state is known to be fresh.
 * Inline markup is checked last (settle-inline.ts), only for paragraphs that need it.
 */
export function placeCandidates(body: string, lines: readonly SourceLine[], candidates: readonly Candidate[]): Map<number, CommandPlacement> {
  const placed = new Map<number, CommandPlacement>();
  const byLine = new Map(candidates.map((candidate) => [candidate.line, candidate]));
  const chunks = chunksOf(lines, (line) => byLine.has(line));
  const footnotes = footnoteRuns(lines);
  const tracker = createHtmlTracker();
  const spent = nothingSpent();
  // Separate budgets, so that inline HTML elsewhere cannot starve the check of a command.
  const htmlBudget = inlineBudget('html');
  const checkBudget = inlineBudget('check');
  const definitions = new Set<string>();
  const pending: PendingCheck[] = [];
  const factsByStart = new Map<number, ParagraphFacts>();
  const n = lines.length;
  const textOf = (line: number): string => lines[line]?.text ?? '';
  const endOfLine = (line: number): number => lines[line]?.end ?? body.length;
  let unparsedFrom = n;

  function lineIndexAt(offset: number): number {
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lines[mid]?.start ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Follows a block opened before `from` (or on it, when `opener`); returns the line after it. */
  function consumeOpen(block: OpenBlock, from: number, opener: boolean): number {
    let last = block.kind === 'fence' && opener ? from + 1 : from;
    while (last < n && !closes(block, textOf(last))) last++;
    last = Math.min(last, n - 1);
    const html: string[] = [];
    for (let k = from; k <= last; k++) {
      if (byLine.has(k)) placed.set(k, block.kind === 'fence' ? 'code' : 'html');
      if (block.kind === 'html') html.push(textOf(k));
    }
    if (html.length > 0) tracker.feed((opener ? '' : '\n') + html.join('\n'));
    return last + 1;
  }

  function factsOf(paragraph: Nodes, base: number): ParagraphFacts {
    const start = base + startOf(paragraph);
    const known = factsByStart.get(start);
    if (known) return known;
    const end = base + endOf(paragraph);
    const facts = paragraphFacts(body, lines, { start, end, first: lineIndexAt(start), last: lineIndexAt(end - 1) });
    factsByStart.set(start, facts);
    return facts;
  }

  /** `full`: the path comes from a parse with inline markup, which settles the command unless a link definition elsewhere could. */
  function placeOne(candidate: Candidate, path: readonly Nodes[], base: number, full: boolean): void {
    const verdict = placeByBlocks(path, tracker.context());
    const paragraph = path[0];
    if (verdict !== 'paragraph' || !paragraph) {
      placed.set(candidate.line, verdict === 'paragraph' ? 'mid-line' : verdict);
      return;
    }
    const facts = factsOf(paragraph, base);
    const gfm = gfmPlacement(candidate, facts, footnotes);
    if (gfm) placed.set(candidate.line, gfm);
    else if (!needsInlineCheck(candidate, facts)) placed.set(candidate.line, placeInParagraph(candidate, facts, 'text', endOfLine(candidate.line)));
    else if (full && !facts.mayLink) placed.set(candidate.line, placeInParagraph(candidate, facts, holderOf(path), endOfLine(candidate.line)));
    else pending.push({ candidate, facts, lineEnd: endOfLine(candidate.line) });
  }

  /**
   * Parses lines [from, to); returns the block left open at its end, or
   * 'failed'. A stretch that fits the inline budget is parsed in full, which
   * yields its inline HTML exactly. Otherwise its block structure only, and
   * the inline HTML of top-level paragraphs that parse the same on their own;
   * other paragraphs' text counts as unsure HTML.
   */
  function parseStretch(from: number, to: number): OpenBlock | null | 'failed' {
    if (!charge(spent, lines, from, to)) return 'failed';
    let base = lines[from]?.start ?? 0;
    if (base === 0 && body.charCodeAt(0) === 0xfeff) base = 1; // the parser drops a leading BOM from its offsets
    const text = body.slice(base, endOfLine(to - 1));
    const full = parseIfAffordable(text, htmlBudget);
    const root = full ?? parseBlocks(text);
    if (!root) return 'failed';

    const pieces: HtmlPiece[] = [];
    const alone: Segment[] = [];
    const topLevel = new Set<Nodes>(root.children);
    let previous: Nodes | null = null;
    for (const node of descendants(root)) {
      const at = base + startOf(node);
      if (node.type === 'html') pieces.push({ at, html: node.value });
      else if (node.type === 'definition') definitions.add(node.label ?? node.identifier);
      else if (!full && (node.type === 'paragraph' || node.type === 'heading')) {
        const source = body.slice(at, base + endOf(node));
        // After a link definition, a paragraph's first line was a continuation line: alone, it could parse differently.
        const afterDefinition = previous?.type === 'definition' && lineIndexAt(base + endOf(previous)) + 1 >= lineIndexAt(at);
        const indented = at - (lines[lineIndexAt(at)]?.start ?? 0) > 3;
        if (topLevel.has(node) && !afterDefinition && !indented) alone.push({ at, source });
        else pieces.push({ at, html: source, unsure: true });
      }
      if (topLevel.has(node)) previous = node;
    }
    for (const piece of inlineHtml(alone, htmlBudget)) pieces.push(piece);
    pieces.sort((a, b) => a.at - b.at);

    const open = openAtEnd(root, (offset) => {
      const index = lineIndexAt(base + offset);
      return { index, text: textOf(index) };
    });
    // An HTML block still open at the end goes on after the stretch (see consumeOpen).
    const last = pieces.at(-1);
    if (open?.kind === 'html' && last) last.runsOn = true;

    let fed = 0;
    for (let line = from; line < to; line++) {
      const candidate = byLine.get(line);
      if (!candidate) continue;
      for (let piece = pieces[fed]; piece && piece.at < candidate.offset; piece = pieces[++fed]) tracker.feed(piece.html, piece);
      placeOne(candidate, pathTo(root, candidate.offset - base), base, full !== null);
    }
    for (let piece = pieces[fed]; piece; piece = pieces[++fed]) tracker.feed(piece.html, piece);
    return open;
  }

  let line = 0;
  let open: OpenBlock | null = null;
  while (line < n) {
    if (open) {
      line = consumeOpen(open, line, false);
      open = null;
      continue;
    }
    if (isBlank(textOf(line))) {
      line++;
      continue;
    }
    const opener = openerOf(textOf(line));
    if (opener) {
      line = consumeOpen(opener, line, true);
      continue;
    }
    let end = chunks.next(line);
    if (!chunks.matters(line, end)) {
      line = end;
      continue;
    }
    // Grow the stretch over chunks that matter (and small ones between them), but
    // stop before a fence or long HTML block: those are cheaper followed than parsed.
    while (end < n && end - line < BUDGET.stretchGrowth && !openerOf(textOf(end))) {
      const after = chunks.next(end);
      if (chunks.matters(end, after)) end = after;
      else if (after < n && chunks.small(end, after) && !openerOf(textOf(after)) && chunks.matters(after, chunks.next(after))) end = chunks.next(after);
      else break;
    }
    const result = parseStretch(line, end);
    if (result === 'failed') {
      unparsedFrom = line;
      break;
    }
    open = result;
    line = end;
  }

  const labels = [...definitions];
  const known = unparsedFrom === n && labels.length <= BUDGET.inlineDefinitions;
  for (const [check, placement] of settleInline(body, pending, known ? labels : null, checkBudget)) placed.set(check.candidate.line, placement);
  for (const candidate of candidates) {
    // Past the budget (or anywhere not decided above), a best guess that never counts.
    if (candidate.line >= unparsedFrom || !placed.has(candidate.line)) placed.set(candidate.line, guessPlacement(textOf(candidate.line)));
  }
  return placed;
}
