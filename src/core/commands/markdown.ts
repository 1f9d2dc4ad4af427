import MarkdownIt, { type Ruler, type StateInline, type Token } from 'markdown-it';

/** Where an inline token stood in its inline content: [start, end). */
export type Span = readonly [start: number, end: number];

/** What a parse gathers beside markdown-it's tokens, as the `env` it hands every rule: spans of inline tokens made by a rule (plain text has none); lines of link definitions (left in their paragraph's `map`, blanked in its content); their labels as CommonMark compares them, by markdown-it's key. */
class Side {
  [key: string | symbol]: unknown; // markdown-it keeps its own findings here too (`references`)
  readonly spans = new Map<Token, Span>();
  readonly definitions = new Set<number>();
  readonly labels = new Map<string, Set<string>>();
  /** Content columns of the containers around the lines being parsed, outermost first; -1 where a quote restarts them. */
  readonly columns: number[] = [];
}
const sideOf = (env: object): Side => (env instanceof Side ? env : new Side());

/** Block tokens in document order (`inline` ones hold their inline tokens as children), and the first line of a block nested too deep to be parsed (markdown-it drops its content), or Infinity. */
export type Parsed = Pick<Side, 'spans' | 'definitions'> & { tokens: Token[]; tooDeep: number };

const MAX_NESTING = 100;
// CommonMark, as GitHub reads it but for tables, footnotes and strikethrough (see paragraph.ts).
// html on, so that HTML becomes tokens; nothing is ever rendered.
const md = new MarkdownIt('commonmark', { html: true, maxNesting: MAX_NESTING });

/** Replaces the named rules by wrappers of themselves, keeping which blocks they may end (their `alt`). */
function wrapRules<A extends unknown[], R>(ruler: Ruler<A, R>, names: string[], wrap: (rule: (...args: A) => R) => (...args: A) => R): void {
  for (const { name, fn, alt } of ruler.__rules__) if (names.includes(name)) ruler.at(name, wrap(fn), { alt: [...alt] });
}

// Where markdown-it 15 reads a comment otherwise than CommonMark (and GitHub) in a way that could count
// a command nobody sees as a line, its rules are wrapped below. Each case was found by the differential
// fuzz test (test/core/commands/differential-fuzz.test.ts) and checked against commonmark.js.

/** markdown-it miscounts tabs after nested quote and list markers (reading indented code where CommonMark reads a paragraph, ending a quote before its lazy lines); with a tab stop every four columns, tabs among a line's leading markers and spaces become spaces. */
export const expandLeadingTabs = (text: string): string =>
  text.replace(/^[ \t>*+\-0-9.)]*\t[ \t>*+\-0-9.)]*/gm, (lead) => [...lead].reduce((out, char) => out + (char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char), ''));

// CommonMark folds only spaces, tabs and line endings when it matches a link label; markdown-it any `\s`.
const commonMarkLabel = (label: string): string => label.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').replace(/[ \t\r\n]+/g, ' ').toLowerCase().toUpperCase();

// A reference link (or image) stands only if CommonMark would match a definition to its text, or to the label after it.
wrapRules(md.inline.ruler, ['link', 'image'], (rule) => (state, silent) => {
  const [start, count, metas, pending] = [state.pos, state.tokens.length, state.tokens_meta.length, state.pending];
  if (!rule(state, silent)) return false;
  const own = silent ? undefined : state.tokens.slice(count).find((token) => token.type === 'link_open' || token.type === 'image');
  const labels = typeof own?.meta?.label === 'string' ? sideOf(state.env).labels.get(own.meta.label) : undefined;
  const image = state.src.charCodeAt(start) === 0x21 ? 1 : 0;
  const end = labels ? state.md.helpers.parseLinkLabel(state, start + image, !image) : -1;
  const after = labels && state.src.charCodeAt(end + 1) === 0x5b ? state.md.helpers.parseLinkLabel(state, end + 1) : -1;
  const texts = [state.src.slice(start + image + 1, end), ...(after > end ? [state.src.slice(end + 2, after)] : [])];
  if (!labels || texts.some((text) => labels.has(commonMarkLabel(text)))) return true;
  [state.tokens.length, state.tokens_meta.length, state.pending, state.pos] = [count, metas, pending, start]; // no link: its bracket is text
  return false;
});

// markdown-it reads no comment, `<?…?>`, `<!X…>` or CDATA in a paragraph once one is left unclosed (one flag,
// to stay linear); CommonMark reads the later ones, and a command in one must not count. One per terminator.
const terminatorAt = (src: string, pos: number): string | null =>
  src.startsWith('<!--', pos) ? '-->' : src.startsWith('<![CDATA[', pos) ? ']]>' : src.startsWith('<?', pos) ? '?>' : src.startsWith('<!', pos) ? '>' : null;
const unclosed = new WeakMap<StateInline, Set<string>>();
wrapRules(md.inline.ruler, ['html_inline'], (rule) => (state, silent) => {
  const [terminator, failed] = [terminatorAt(state.src, state.pos), unclosed.get(state) ?? new Set<string>()];
  unclosed.set(state, failed);
  if (terminator) state.skipHtmlSpecial = failed.has(terminator);
  const ok = rule(state, silent);
  if (terminator && state.skipHtmlSpecial) failed.add(terminator);
  return ok;
});

// A line indented less than a container it may lazily continue (a quote's line without `>`, one short of a
// list item's content) is measured against that container, so `    ---` or `    # x` would end the paragraph
// and container. Four columns or more into the innermost container it is in (leading tabs are spaces by now)
// it starts no block in CommonMark: it goes on lazily. markdown-it keeps only the innermost two columns.
const tokenize = md.block.tokenize.bind(md.block);
md.block.tokenize = (state, startLine, endLine) => {
  const { columns } = sideOf(state.env);
  columns.push(state.parentType === 'blockquote' ? -1 : state.blkIndent);
  tokenize(state, startLine, endLine);
  columns.pop();
};
wrapRules(md.block.ruler, ['fence', 'blockquote', 'hr', 'list', 'html_block', 'heading'], (rule) => (state, start, end, silent) => {
  const [count, { columns }] = [state.sCount[start] ?? 0, sideOf(state.env)];
  const within = columns.findLast((column) => column <= count) ?? 0;
  const lazy = count < 0 ? (state.tShift[start] ?? 0) >= 4 : count < state.blkIndent && count - Math.max(0, within) >= 4;
  return !(silent && lazy) && rule(state, start, end, silent);
});

// On a quote's later lines a `>` indented four columns or more is text going on lazily, not a marker: such
// lines are shown to markdown-it's rule as lazy ones (sCount -1) while it runs.
wrapRules(md.block.ruler, ['blockquote'], (rule) => (state, start, end, silent) => {
  const marked = (line: number): boolean => state.src.charCodeAt((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0)) === 0x3e;
  const hidden: [number, number][] = [];
  for (let line = start + 1; !silent && marked(start) && line < end && !state.isEmpty(line); line++)
    if ((state.sCount[line] ?? 0) - state.blkIndent >= 4 && marked(line)) hidden.push([line, state.sCount[line] ?? 0]);
  for (const [line] of hidden) state.sCount[line] = -1;
  const ok = rule(state, start, end, silent);
  for (const [line, count] of hidden) state.sCount[line] = count;
  return ok;
});

// CommonMark reads link definitions off the start of a paragraph, whose later lines go on as its continuation
// (lazily in a quote, say); markdown-it gives them a block and reads the next line afresh. So definitions are
// registered and their lines noted, but left to the paragraph.
wrapRules(md.block.ruler, ['reference'], (rule) => (state, startLine, endLine, silent) => {
  const [side, count] = [sideOf(state.env), state.tokens.length];
  for (let line = startLine; !silent && line < endLine && rule(state, line, endLine, false); line = state.line) {
    for (let k = line; k < state.line; k++) side.definitions.add(k);
    const key = String(state.tokens.at(-1)?.meta?.label);
    const text = /^\[((?:[^\\[\]]|\\[\s\S])*)\]:/.exec(state.getLines(line, state.line, state.blkIndent, false).trimStart())?.[1];
    if (text === undefined) side.labels.delete(key); // unreadable: markdown-it is trusted
    else side.labels.set(key, (side.labels.get(key) ?? new Set()).add(commonMarkLabel(text)));
  }
  [state.tokens.length, state.line] = [count, startLine];
  return false;
});
// A heading's text starts after the definitions opening its paragraph (on a line going on with it, even
// indented): `===` or `---` right under them underlines nothing, and one lower does not take them in.
wrapRules(md.block.ruler, ['lheading'], (rule) => (state, startLine, endLine, silent) => {
  let first = startLine;
  while (sideOf(state.env).definitions.has(first)) first++;
  if (first === startLine) return rule(state, startLine, endLine, silent);
  if (first >= endLine || state.isEmpty(first)) return false;
  const [parentType, count] = [state.parentType, state.sCount[first] ?? 0];
  state.parentType = 'paragraph'; // does a block start after them, or does the paragraph go on?
  const interrupted = md.block.ruler.getRules('paragraph').some((starts) => starts(state, first, endLine, true));
  state.sCount[first] = Math.min(count, state.blkIndent);
  const ok = !interrupted && rule(state, first, endLine, silent);
  [state.parentType, state.sCount[first]] = [parentType, count];
  return ok;
});
// Blanked in their paragraph's text, definitions cannot pair their backticks or brackets with it.
md.core.ruler.before('inline', 'blank_definitions', (state) => {
  const { definitions } = sideOf(state.env);
  for (const token of state.tokens) {
    const first = token.map?.[0] ?? -1;
    if (token.type === 'inline' && definitions.has(first)) token.content = token.content.split('\n').map((line, k) => (definitions.has(first + k) ? '' : line)).join('\n');
  }
});

// markdown-it keeps no source positions for inline tokens, and a command's place in its paragraph depends on
// them (a code span or link title may span lines): each rule making markup records the range it consumed on
// the tokens it pushed (a link's inner tokens get their own, narrower, range first). Text needs none.
wrapRules(md.inline.ruler, ['backticks', 'emphasis', 'link', 'image', 'autolink', 'html_inline'], (rule) => (state, silent) => {
  const [start, count] = [state.pos, state.tokens.length];
  const ok = rule(state, silent);
  const { spans } = sideOf(state.env);
  for (let k = count; ok && !silent && k < state.tokens.length; k++) if (!spans.has(state.tokens[k] as Token)) spans.set(state.tokens[k] as Token, [start, state.pos]);
  return ok;
});

/** Parses a comment. markdown-it keeps CommonMark's line numbering (CRLF, CR and LF all end a line), so `map`s are line indexes of the body. */
export function parseMarkdown(text: string): Parsed {
  const side = new Side();
  const tokens = md.parse(expandLeadingTabs(text), side);
  const tooDeep = tokens.find((token) => token.nesting === 1 && token.level >= MAX_NESTING - 1)?.map?.[0] ?? Infinity;
  return { tokens, spans: side.spans, definitions: side.definitions, tooDeep };
}
