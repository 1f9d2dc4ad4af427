import type { Root } from 'mdast';
import { endOf, startOf } from './markdown.ts';

/**
 * The only blocks that stay open across a blank line at the top level of a
 * comment: fenced code, and HTML blocks of CommonMark types 1–5 (`<pre>`,
 * `<script>`, `<style>`, `<textarea>`, comments, `<?…?>`, `<!X…>`,
 * CDATA). Everything else (paragraphs, quotes, lists, other HTML) is closed
 * by a blank line followed by an unindented line. Knowing this lets the
 * parser skip plain stretches of a long comment and parse only around commands.
 */
export type OpenBlock = { kind: 'fence'; marker: '`' | '~'; length: number } | { kind: 'html'; type: HtmlType };
type HtmlType = 1 | 2 | 3 | 4 | 5;

const FENCE = /^ {0,3}(?:(`{3,})[^`]*|(~{3,})[\s\S]*)$/;
const HTML_START: ReadonlyArray<readonly [RegExp, HtmlType]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>\r\n]|$)/i, 1],
  [/^ {0,3}<!--/, 2],
  [/^ {0,3}<\?/, 3],
  [/^ {0,3}<!\[CDATA\[/, 5],
  [/^ {0,3}<![A-Za-z]/, 4],
];
const HTML_END: Record<HtmlType, RegExp> = {
  1: /<\/(?:script|pre|style|textarea)>/i,
  2: /-->/,
  3: /\?>/,
  4: />/,
  5: /\]\]>/,
};

function fenceOf(line: string): OpenBlock | null {
  const match = FENCE.exec(line);
  const run = match?.[1] ?? match?.[2];
  if (run === undefined) return null;
  return { kind: 'fence', marker: run.charAt(0) === '`' ? '`' : '~', length: run.length };
}

function htmlTypeOf(line: string): HtmlType | null {
  for (const [start, type] of HTML_START) if (start.test(line)) return type;
  return null;
}

/** The long-lived block a line opens, when the line starts a block at the top level. */
export function openerOf(line: string): OpenBlock | null {
  const fence = fenceOf(line);
  if (fence) return fence;
  const type = htmlTypeOf(line);
  return type === null ? null : { kind: 'html', type };
}

/** Whether `line` ends `block` (for HTML, the line that opened it counts too, as in CommonMark). */
export function closes(block: OpenBlock, line: string): boolean {
  if (block.kind === 'html') return HTML_END[block.type].test(line);
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  let run = 0;
  while (line.charAt(i + run) === block.marker) run++;
  if (run < block.length) return false;
  for (let k = i + run; k < line.length; k++) {
    const code = line.charCodeAt(k);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** A source line: its index and its text. */
export interface LineAt {
  index: number;
  text: string;
}

/**
 * The block left open at the end of a parsed stretch, read from its last
 * top-level node. `lineAt(offset)` gives the source line holding an offset
 * of the parsed text.
 */
export function openAtEnd(root: Root, lineAt: (offset: number) => LineAt): OpenBlock | null {
  const last = root.children.at(-1);
  if (!last) return null;
  if (last.type === 'code') {
    const first = lineAt(startOf(last));
    const fence = fenceOf(first.text);
    if (!fence) return null; // indented code: closed by the next unindented line
    const final = lineAt(endOf(last) - 1);
    return final.index > first.index && closes(fence, final.text) ? null : fence;
  }
  if (last.type === 'html') {
    const type = htmlTypeOf(last.value);
    if (type === null) return null; // types 6 and 7 end at a blank line
    return HTML_END[type].test(last.value) ? null : { kind: 'html', type };
  }
  return null;
}
