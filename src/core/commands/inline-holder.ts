import type { Token } from 'markdown-it';
import type { Span } from './markdown.ts';

/** What holds a command inside its paragraph: plain text, inline HTML, a code span, or other markup (emphasis, a link…). */
export type InlineHolder = 'text' | 'html' | 'code' | 'other';

/**
 * Walks an inline token's children once, in document order, handing over each piece of inline HTML
 * and telling what holds each of the offsets `at` (ascending, in its content) once the HTML before it
 * is handed over. HTML holds an offset even inside other markup; a code span only outside any.
 */
export function walkInline(children: readonly Token[], spans: ReadonlyMap<Token, Span>, at: readonly number[], visit: { html(piece: string): void; holder(index: number, holder: InlineHolder): void }): void {
  let [depth, linkEnd, i] = [0, -1, 0];
  const plain = (offset: number): boolean => depth === 0 && offset >= linkEnd;
  const settle = (until: number, holder: (offset: number) => InlineHolder): void => {
    for (let offset = at[i]; offset !== undefined && offset < until; offset = at[++i]) visit.holder(i, holder(offset));
  };
  for (const token of children) {
    const span = spans.get(token);
    if (!span) continue;
    const [start, end] = span;
    settle(start, (offset) => (plain(offset) ? 'text' : 'other'));
    if (token.type === 'html_inline') settle(end, () => 'html');
    else if (token.type === 'code_inline') settle(end, (offset) => (plain(offset) ? 'code' : 'other'));
    else if (token.type === 'image') settle(end, () => 'other');
    if (token.type === 'html_inline') visit.html(token.content);
    // A link (or autolink) holds its whole source, destination and title included.
    if (token.type === 'link_open') linkEnd = Math.max(linkEnd, end);
    else if (token.type !== 'link_close') depth += token.nesting;
  }
  settle(Infinity, (offset) => (plain(offset) ? 'text' : 'other'));
}
