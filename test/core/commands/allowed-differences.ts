// Where the markdown-it walk may place a command differently from the frozen micromark
// implementation it replaced (test/core/commands/reference/), for the differential fuzz test.
// Each class is a known way in which the old answer was wrong (checked against commonmark.js,
// the CommonMark reference implementation, while the classes were drawn up) or differed only in
// its stated reason. Each is matched narrowly, by an oracle where one exists: the old
// implementation on the comment rid of what misled it, or micromark itself on the whole comment.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { CommandPlacement } from '../../../src/core/commands/parse-commands.ts';
import { parseCommands as reference } from './reference/parse-commands.ts';

export interface Difference {
  body: string;
  lines: string[];
  /** 0-based index of the command's line. */
  index: number;
  old: CommandPlacement;
  now: CommandPlacement;
}

export interface DifferenceClass {
  name: string;
  rationale: string;
  matches(difference: Difference): boolean;
}

const BLANK = /^[ \t]*$/;
// The quote markers, list markers and spaces a line starts with.
const LEAD = /^(?:[ \t]*(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)))*[ \t]*/;
// A tag that starts no HTML block able to interrupt a paragraph (CommonMark's kinds 1 to 6).
const PLAIN_TAG = /^<(?!!|\?|\/?(?:script|pre|style|textarea|address|article|aside|blockquote|details|dialog|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|th|thead|tr|ul)(?![A-Za-z0-9-]))[A-Za-z/]/i;
// List items that cannot interrupt a paragraph: ordered ones not numbered 1, and empty ones.
const WEAK_ITEM = /^ {0,3}(?:(?!0*1[.)])\d{1,9}[.)](?:[ \t]|$)|(?:[-+*]|\d{1,9}[.)])[ \t]*$)/;

/** Tabs turned into the spaces they stand for, with a tab stop every four columns. */
const expandTabs = (text: string): string => [...text].reduce((out, char) => out + (char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char), '');
const indentColumns = (line: string): number => expandTabs(/^[ \t]*/.exec(line)?.[0] ?? '').length;
const placementIn = (body: string, index: number): CommandPlacement | undefined => reference(body).find((command) => command.line === index + 1)?.placement;

/** The lines of the command's run of non-blank lines, up to and including its own. */
function runOf({ lines, index }: Difference): string[] {
  let start = index;
  while (start > 0 && !BLANK.test(lines[start - 1] ?? '')) start--;
  return lines.slice(start, index + 1);
}

/**
 * The comment with what misleads micromark about containers (see the first class) rewritten to
 * what CommonMark reads the same, or null when there is none: a line starting with a plain tag
 * that goes on lazily after the text of a container gets that container's markers and indentation,
 * so that it plainly goes on with it; indented code right before a list item that could not
 * interrupt a paragraph is blanked.
 */
function withoutMicromarkQuirks({ lines: original, index }: Difference): string | null {
  const lines = [...original];
  const leadOf = (line: string): string => expandTabs(LEAD.exec(line)?.[0] ?? '').replace(/[-+*]|\d{1,9}[.)]/g, (marker) => ' '.repeat(marker.length));
  const marked = (line: string): boolean => /[>*+\-\d]/.test(LEAD.exec(line)?.[0] ?? '');
  const deeper = (a: string, b: string): boolean => a.length > b.length || a.split('>').length > b.split('>').length;
  let [container, carried, changed] = ['', '', false];
  for (let k = 0; k <= index; k++) {
    const line = lines[k] ?? '';
    const [own, content] = [leadOf(line), line.slice(LEAD.exec(line)?.[0].length ?? 0)];
    if (BLANK.test(line)) {
      [carried, container] = [container || carried, ''];
    } else if (k < index && deeper(container, own) && PLAIN_TAG.test(content)) {
      // A plain tag line going on lazily: given the container's markers and indentation.
      [lines[k], changed] = [container + content, true];
    } else if (marked(line) || (own && own.length >= container.length)) {
      // A line marked for containers, or indented as far as the text before it, sets the container; a lazy one does not.
      container = own;
    } else if (!container && /^[ \t]/.test(line)) {
      container = carried; // after a blank line, an indented line goes on in the container before it
    }
    let code = k - 1;
    while (code >= 0 && BLANK.test(lines[code] ?? '')) code--;
    if (!WEAK_ITEM.test(line) || code < 0 || indentColumns(lines[code] ?? '') < 4) continue;
    for (; code >= 0 && (BLANK.test(lines[code] ?? '') || indentColumns(lines[code] ?? '') >= 4); code--) lines[code] = '';
    changed = true;
  }
  return changed ? lines.join('\n') : null;
}

/** Whether a line opens, inside a quote or list item opened on the same line, an item that could not interrupt a paragraph (`+ 2) x`, `> > -`). */
function opensWeakItemInside(line: string): boolean {
  for (let rest = line, depth = 0; ; depth++) {
    if (depth > 0 && WEAK_ITEM.test(rest)) return true;
    const marker = /^[ \t]*(?:>|[-+*]|\d{1,9}[.)])[ \t]?/.exec(rest);
    if (!marker) return false;
    rest = rest.slice(marker[0].length);
  }
}

/** What micromark, parsing the whole comment at once, holds the command's first character in, when that is a top-level paragraph: its child's type. */
function heldInMicromark({ body, lines, index }: Difference): string | undefined {
  const starts = [0, ...[...body.matchAll(/\r\n|\r|\n/g)].map((m) => m.index + m[0].length)];
  const offset = (starts[index] ?? 0) + (lines[index] ?? '').search(/\S/);
  const within = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }): boolean =>
    (node.position?.start.offset ?? Infinity) <= offset && offset < (node.position?.end.offset ?? -1);
  const paragraph = fromMarkdown(body).children.find((node) => node.type === 'paragraph' && within(node));
  return paragraph?.type === 'paragraph' ? paragraph.children.find(within)?.type : undefined;
}

export const ALLOWED: readonly DifferenceClass[] = [
  {
    name: 'micromark leaving a container early',
    rationale:
      'a line starting with a tag that cannot interrupt a paragraph (`<del>`, `<br>`) goes on lazily in its quote or list item, and after indented code a list item numbered other than 1, or empty, starts a list (CommonMark, commonmark.js, markdown-it, GitHub); micromark ended the container, or read a paragraph, there: the old answer on the comment with those lines plainly continued, or the code gone, is the new one',
    matches: (d) => {
      const body = withoutMicromarkQuirks(d);
      return body !== null && placementIn(body, d.index) === d.now;
    },
  },
  {
    name: 'list item opened on a container line',
    rationale:
      'a list item that cannot interrupt a paragraph still starts a list first in a quote or list item (`> > -`, `+ 2) x`; commonmark.js, markdown-it, GitHub); micromark read a paragraph in that container, which held the command (or, further on, left it uncounted for another reason)',
    matches: (d) =>
      ((d.old === 'quote' || d.old === 'list') && runOf(d).some(opensWeakItemInside)) ||
      (d.old !== 'line' && d.now !== 'line' && d.lines.slice(0, d.index + 1).some(opensWeakItemInside)),
  },
  {
    name: 'paragraph re-parsed on its own',
    rationale:
      'micromark, parsing the whole comment at once, reads what holds the command in its top-level paragraph as markdown-it does; the old implementation re-parsed paragraphs alone, or packed together, to read their inline markup, where a first line (after a link definition, say) could start an HTML block, a heading or a list, and decoded definition labels',
    matches: (d) => {
      const held = heldInMicromark(d);
      const expected: CommandPlacement[] = held === 'text' ? ['line', 'look-alike'] : held === 'inlineCode' ? ['code'] : held === 'html' ? ['html'] : held ? ['mid-line'] : [];
      return expected.includes(d.now) && !expected.includes(d.old);
    },
  },
  {
    name: 'stated reason after a lazy tag line',
    rationale:
      'where micromark left a container at a lazy line starting with a plain tag (see the first class) and the rewrite cannot tell which container the line goes on in, only the stated reason differs: the old answer and the new both reject',
    matches: (d) => {
      if (d.old === 'line' || d.now === 'line') return false;
      return d.lines.slice(1, d.index).some((line, k) => {
        const content = line.slice(LEAD.exec(line)?.[0].length ?? 0);
        return PLAIN_TAG.test(content) && !BLANK.test(d.lines[k] ?? '') && d.lines.slice(0, k + 1).some((before) => /^[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])/.test(before));
      });
    },
  },
];
