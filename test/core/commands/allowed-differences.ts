// Where the markdown-it walk may place a command differently from the frozen micromark
// implementation it replaced (test/core/commands/reference/), for the differential fuzz
// test. Each class is a known disagreement in which the old answer was either only
// labelled differently or wrong; each is matched narrowly, where it can be by an oracle:
// the old implementation on a comment rid of the construct at fault, or micromark itself.
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

const BLANK = /^[ \t]*$/;
// A line starting with an HTML tag, and one opening quotes or list items (their markers).
const LAZY_TAG_LINE = /^[ \t]*<[A-Za-z/!?]/;
const CONTAINER_PREFIX = /^(?: {0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])[ \t]+))+/;
// List items that cannot interrupt a paragraph: ordered ones not numbered 1, and empty ones.
const WEAK_ITEM = /^ {0,3}(?:(?!0*1[.)])\d{1,9}[.)](?:[ \t]|$)|(?:[-+*]|\d{1,9}[.)])[ \t]*$)/;
const placementIn = (body: string, index: number): CommandPlacement | undefined => reference(body).find((command) => command.line === index + 1)?.placement;

/** The index of the first line of the run of non-blank lines holding line `index`. */
function runStart(lines: readonly string[], index: number): number {
  let start = index;
  while (start > 0 && !BLANK.test(lines[start - 1] ?? '')) start--;
  return start;
}

/** The lines of the command's run of non-blank lines, up to and including its own. */
const runOf = ({ lines, index }: Difference): string[] => lines.slice(runStart(lines, index), index + 1);

/** What micromark, parsing the whole comment at once, holds the command's first character in, when that is a top-level paragraph: its child's type. */
function heldInMicromark({ body, lines, index }: Difference): string | undefined {
  const starts = [0, ...[...body.matchAll(/\r\n|\r|\n/g)].map((m) => m.index + m[0].length)];
  const offset = (starts[index] ?? 0) + (lines[index] ?? '').search(/\S/);
  const within = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }): boolean =>
    (node.position?.start.offset ?? Infinity) <= offset && offset < (node.position?.end.offset ?? -1);
  const paragraph = fromMarkdown(body).children.find((node) => node.type === 'paragraph' && within(node));
  return paragraph?.type === 'paragraph' ? paragraph.children.find(within)?.type : undefined;
}

/** Tabs turned into the spaces they stand for, with a tab stop every four columns. */
const expandTabs = (text: string): string => [...text].reduce((out, char) => out + (char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char), '');

function indentColumns(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns++;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** Whether a line opens, inside a quote or list item opened on the same line, an item that could not interrupt a paragraph (`+ 2) x`, `> > -`). */
function opensWeakItemInside(line: string): boolean {
  for (let rest = line, depth = 0; ; depth++) {
    if (depth > 0 && WEAK_ITEM.test(rest)) return true;
    const marker = /^ {0,3}(?:>|[-+*]|\d{1,9}[.)])[ \t]?/.exec(rest);
    if (!marker) return false;
    rest = rest.slice(marker[0].length);
  }
}

export interface DifferenceClass {
  name: string;
  rationale: string;
  matches(difference: Difference): boolean;
}

export const ALLOWED: readonly DifferenceClass[] = [
  {
    name: 'lazy HTML line in a container',
    rationale:
      'a line starting with an HTML tag cannot interrupt a paragraph, so in CommonMark (commonmark.js, markdown-it, GitHub) it goes on lazily in the quote or list item, and HTML it opens is inline (in a code span, say); micromark ended the container there, with an HTML block: the old answer with that line marked as in the container is the new one',
    matches: (d) => {
      // The container a lazy line goes on in: that of the nearest marked line, or, when that line is itself lazy
      // for inner containers, the innermost of its run. Either reading is tried.
      const marked = (pick: (prefixes: string[]) => string): string | null => {
        const lines = [...d.lines];
        let [prefixes, carried, changed]: [string[], string[], boolean] = [[], [], false];
        for (let k = 0; k < d.index; k++) {
          const line = lines[k] ?? '';
          const own = CONTAINER_PREFIX.exec(line)?.[0] ?? '';
          const content = line.slice(own.length);
          // After a blank line, an indented line goes on in the containers before it.
          if (BLANK.test(line)) [carried, prefixes] = [prefixes.length > 0 ? prefixes : carried, []];
          else if (!own && prefixes.length === 0 && /^[ \t]/.test(line)) prefixes = carried;
          // A line starting with a tag, unmarked or marked for outer containers only, goes on lazily.
          const prefix = expandTabs(own).replace(/[-+*]|\d{1,9}[.)]/g, (marker) => ' '.repeat(marker.length));
          const quotes = (text: string): number => text.split('>').length - 1;
          if (!BLANK.test(line) && prefixes.length > 0 && LAZY_TAG_LINE.test(content) && (!own || quotes(pick(prefixes)) > quotes(prefix))) {
            [lines[k], changed] = [pick(prefixes) + content.trimStart(), true];
          } else if (own) prefixes.push(prefix);
        }
        return changed ? lines.join('\n') : null;
      };
      const nearest = marked((prefixes) => prefixes.at(-1) ?? '');
      const innermost = marked((prefixes) => prefixes.reduce((a, b) => (b.length > a.length ? b : a)));
      return [nearest, innermost].some((body) => body !== null && placementIn(body, d.index) === d.now);
    },
  },
  {
    name: 'list item micromark would not start',
    rationale:
      'a list item that cannot interrupt a paragraph (numbered other than 1, or empty) still starts a list where none is open: after indented code, or first in a quote or list item (commonmark.js, markdown-it, GitHub); micromark read a paragraph there, lazily continued',
    matches: (d) => {
      // Inside another container opened on the same line: the old implementation read a paragraph in that container
      // (the command in it, or, with other readings of its own, at least not counted).
      if ((d.old === 'quote' || d.old === 'list' || (d.old !== 'line' && d.now !== 'line')) && runOf(d).some(opensWeakItemInside)) return true;
      // After indented code: the old answer, once that code is gone, is the new one.
      for (let item = d.index; item >= 0; item--) {
        let code = item - 1;
        while (code >= 0 && BLANK.test(d.lines[code] ?? '')) code--;
        if (!WEAK_ITEM.test(d.lines[item] ?? '') || code < 0 || indentColumns(d.lines[code] ?? '') < 4) continue;
        const lines = [...d.lines];
        for (let k = code; k >= 0 && (BLANK.test(lines[k] ?? '') || indentColumns(lines[k] ?? '') >= 4); k--) lines[k] = '';
        return placementIn(lines.join('\n'), d.index) === d.now;
      }
      return false;
    },
  },
  {
    name: 'paragraph re-parsed on its own',
    rationale:
      'micromark, parsing the whole comment at once, reads what holds the command in its top-level paragraph as markdown-it does; the old implementation re-parsed paragraphs alone, or packed together, to read their inline markup, where a first line (after a link definition, say) could start an HTML block, a heading or a list',
    matches: (d) => {
      const held = heldInMicromark(d);
      const expected: CommandPlacement[] = held === 'text' ? ['line', 'look-alike'] : held === 'inlineCode' ? ['code'] : held === 'html' ? ['html'] : held ? ['mid-line'] : [];
      return expected.includes(d.now) && !expected.includes(d.old);
    },
  },
  {
    name: 'which container holds an indented line',
    rationale:
      'inside nested quotes and list items, which container a line indented four columns or more belongs to (so whether it is code, or goes on lazily) is read by markdown-it from the innermost list only; the command is held by a quote, a list or code either way',
    matches: (d) => {
      const held = (placement: CommandPlacement): boolean => placement === 'quote' || placement === 'list' || placement === 'code';
      return held(d.old) && held(d.now) && runOf(d).some((line) => CONTAINER_PREFIX.test(line)) && runOf(d).some((line) => indentColumns(line) >= 4);
    },
  },
];
