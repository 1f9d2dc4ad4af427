import type { Token } from 'markdown-it';
import type { Candidate } from './find-candidate.ts';
import { createHtmlTracker } from './html-tracker.ts';
import { walkInline, type InlineHolder } from './inline-holder.ts';
import { expandLeadingTabs, parseMarkdown } from './markdown.ts';
import { footnoteRuns, paragraphFacts, placeInParagraph, type ParagraphFacts } from './paragraph.ts';
import type { CommandPlacement } from './placement.ts';
import type { SourceLine } from './source-lines.ts';

/** Where `column` of a source line (as markdown-it saw it) falls in line `index` of an inline token's content, or null. Containers strip a prefix of each line and the content is trimmed, but what is left ends the source line (NUL aside, made U+FFFD). */
function contentOffset(content: readonly string[], starts: readonly number[], index: number, source: string, column: number): number | null {
  const [line, text] = [content[index] ?? '', (content[index] ?? '').trimStart()];
  const from = source.replaceAll('\0', '\uFFFD').lastIndexOf(text);
  return text === '' || from < 0 || column < from || column >= from + text.length ? null : (starts[index] ?? 0) + line.length - text.length + column - from;
}

/** Decides where each candidate stands, in one walk over markdown-it's tokens: the blocks around its line (quote, list, code, HTML, paragraph), what holds it inside its paragraph, and which HTML elements are open at that point. */
export function placeCandidates(body: string, lines: readonly SourceLine[], candidates: readonly Candidate[]): Map<number, CommandPlacement> {
  // CommonMark, and so GitHub, ignores a byte order mark that starts the document.
  const bom = body.charCodeAt(0) === 0xfeff ? 1 : 0;
  const { tokens, spans, definitions, tooDeep } = parseMarkdown(body.slice(bom));
  const [tracker, footnotes, placed] = [createHtmlTracker(), footnoteRuns(lines), new Map<number, CommandPlacement>()];
  const open: Token[] = [];
  const inside = (...types: string[]): boolean => open.some((token) => types.includes(token.type));
  let next = 0;

  /** `leaf` holds the candidate's line; in a paragraph (`facts` given for a top-level one), `holder` holds the candidate. */
  function place(candidate: Candidate, leaf: 'code' | 'html' | 'inline' | 'other', holder: InlineHolder = 'other', facts: ParagraphFacts | null = null): void {
    const context = tracker.context();
    placed.set(
      candidate.line,
      leaf === 'html' || holder === 'html' ? 'html'
      : leaf === 'code' ? 'code'
      : inside('blockquote_open') ? 'quote'
      : inside('bullet_list_open', 'ordered_list_open') ? 'list'
      : context !== 'none' ? (context === 'details' ? 'details' : 'html')
      // Not a line of a top-level paragraph (a heading, a link definition), or past a block nested too deep to parse (HTML may be missed).
      : !facts || candidate.line >= tooDeep ? 'mid-line'
      : placeInParagraph(candidate, facts, holder, footnotes[candidate.line] ?? false, lines[candidate.line]?.end ?? body.length),
    );
  }

  /** Places the candidates on lines before `end` as held by `leaf`. */
  function placeUpTo(end: number, leaf: 'code' | 'html' | 'other'): void {
    for (let c = candidates[next]; c && c.line < end; c = candidates[++next]) place(c, leaf);
  }

  function placeInline(token: Token, [first, end]: [number, number]): void {
    const [content, starts, found]: [string[], number[], [Candidate, number][]] = [token.content.split('\n'), [0], []];
    for (const line of content) starts.push((starts.at(-1) ?? 0) + line.length + 1);
    for (let c = candidates[next]; c && c.line < end; c = candidates[++next]) {
      // The line as markdown-it saw it: without the BOM, its leading tabs expanded (a command starts after them).
      const raw = (lines[c.line]?.text ?? '').slice(c.line === 0 ? bom : 0);
      const source = expandLeadingTabs(raw);
      const offset = contentOffset(content, starts, c.line - first, source, c.offset - (lines[c.line]?.start ?? 0) - (c.line === 0 ? bom : 0) + source.length - raw.length);
      // One that cannot be located is held as if by other markup: it never counts.
      if (offset === null) place(c, 'inline');
      else found.push([c, offset]);
    }
    // A top-level paragraph proper starts after the link definitions it opens with.
    let from = first;
    while (definitions.has(from)) from++;
    const facts = found.length > 0 && open.length === 1 && open[0]?.type === 'paragraph_open' ? paragraphFacts(body, lines, from, end - 1) : null;
    walkInline(token.children ?? [], spans, found.map(([, offset]) => offset), {
      html: (piece) => tracker.feed(piece),
      holder: (index, holder) => found[index] && place(found[index][0], 'inline', holder, facts),
    });
  }

  for (const token of tokens) {
    if (token.map) placeUpTo(token.map[0], 'other');
    if (token.nesting === 1) open.push(token);
    else if (token.nesting === -1) {
      placeUpTo(open.at(-1)?.map?.[1] ?? 0, 'other');
      open.pop();
    } else if (token.type === 'inline' && token.map) placeInline(token, token.map);
    else if (token.map) {
      const leaf = token.type === 'html_block' ? 'html' : token.type === 'fence' || token.type === 'code_block' ? 'code' : 'other';
      placeUpTo(token.map[1], leaf);
      if (leaf === 'html') tracker.feed(token.content.replace(/\n$/, ''));
    }
  }
  placeUpTo(Infinity, 'other');
  return placed;
}
