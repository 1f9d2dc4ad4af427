/**
 * Follows raw HTML across a comment, as a browser would, to know whether markdown at some point renders
 * inside an element opened and not closed: in `<details>` it is collapsed; in `<del>`, `<sub>`, `<bdo>` or
 * an unclosed comment struck, shrunk, reversed or hidden. Markdown between two pieces of HTML renders inside
 * them on GitHub, so only the HTML is fed in, in document order. Between pieces the renderer writes tags of
 * its own (`<p>`, `</blockquote>`): those end a `<!…>`, `<?…>` or a tag left open, while a comment or raw
 * text element (`<textarea>`) runs on until a later piece ends it. A quoted attribute left open could be
 * ended by a quote in one of those tags, so after one nothing is certain. Unsure means "inside".
 */
export type HtmlContext = 'none' | 'details' | 'other';

export type HtmlTracker = { feed(html: string): void; context(): HtmlContext };

// Elements that never have content, so never stay open; those whose content is text up to their end tag.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

/** Where the HTML fed so far has left the tokenizer; `quote` when inside a quoted attribute value. */
type Mode = { kind: 'data' | 'comment' | 'bogus' } | { kind: 'tag'; quote: string | null } | { kind: 'raw'; name: string };

const NAME = /[^\s/>]*/y;
const SPACE = /\s/;
const COMMENT_END = /--!?>/g;

/** Skips a tag's attributes from `i` as HTML's tokenizer does: the index after its `>`, or, the HTML ending first, inside which quote. */
function skipAttributes(html: string, i: number): { end: number } | { quote: string | null } {
  const at = (k: number): string => html.charAt(k);
  while (i < html.length) {
    if (at(i) === '>') return { end: i + 1 };
    if (at(i) === '/' || SPACE.test(at(i))) {
      i++;
      continue;
    }
    i++; // an attribute name's first character may be anything, even `=` or a quote
    while (i < html.length && !/[>/=\s]/.test(at(i))) i++;
    while (i < html.length && SPACE.test(at(i))) i++;
    if (at(i) !== '=') continue;
    for (i++; i < html.length && SPACE.test(at(i)); ) i++;
    const quote = at(i);
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close < 0) return { quote };
      i = close + 1;
    } else while (i < html.length && at(i) !== '>' && !SPACE.test(at(i))) i++;
  }
  return { quote: null };
}

export function createHtmlTracker(): HtmlTracker {
  /** Open elements by name, so that an end tag closes only its own. */
  const open = new Map<string, number>();
  let [others, lost, mode] = [0, false, { kind: 'data' } as Mode];

  /** Goes on inside a tag from `i`: where data resumes, or -1 when the HTML ends inside it (or inside the raw element it opened). */
  function finishTag(html: string, i: number): number {
    const skipped = skipAttributes(html, i);
    if ('end' in skipped && mode.kind === 'tag') mode = { kind: 'data' };
    else if (!('end' in skipped) && mode.kind !== 'raw') mode = { kind: 'tag', quote: skipped.quote };
    return 'end' in skipped ? skipped.end : -1;
  }

  function scan(html: string): void {
    for (let i = 0; i >= 0 && i < html.length; ) {
      if (mode.kind === 'comment' || mode.kind === 'bogus') {
        COMMENT_END.lastIndex = i;
        const end = mode.kind === 'comment' ? COMMENT_END.exec(html) : { index: html.indexOf('>', i), 0: '>' };
        if (!end || end.index < 0) return;
        i = end.index + end[0].length;
        mode = { kind: 'data' };
      } else if (mode.kind === 'tag') {
        if (mode.quote !== null) {
          const close = html.indexOf(mode.quote, i);
          if (close < 0) return;
          [i, mode] = [close + 1, { kind: 'tag', quote: null }];
        }
        i = finishTag(html, i);
      } else if (mode.kind === 'raw') {
        const endTag = new RegExp(`</${mode.name}(?![^\\s/>])`, 'gi');
        endTag.lastIndex = i;
        const end = mode.name === 'plaintext' ? null : endTag.exec(html);
        if (!end) return;
        mode = { kind: 'tag', quote: null };
        i = finishTag(html, end.index + end[0].length);
      } else {
        const lt = html.indexOf('<', i);
        if (lt < 0) return;
        i = lt + 1;
        if (html.startsWith('!--', i)) {
          // `<!-->` and `<!--->` are complete, empty comments.
          const empty = html.startsWith('>', i + 3) ? 4 : html.startsWith('->', i + 3) ? 5 : 0;
          i += empty || 3;
          if (!empty) mode = { kind: 'comment' };
        } else if (html.charAt(i) === '!' || html.charAt(i) === '?') mode = { kind: 'bogus' };
        else {
          const closing = html.charAt(i) === '/';
          const start = closing ? i + 1 : i;
          if (!/[A-Za-z]/.test(html.charAt(start))) continue;
          NAME.lastIndex = start;
          const raw = NAME.exec(html)?.[0] ?? '';
          const [name, end] = [raw.toLowerCase(), start + raw.length];
          const now = (open.get(name) ?? 0) + (closing ? -1 : 1);
          // `<div/>` still opens a div in HTML: only void elements close themselves. An end tag with nothing to close is ignored.
          if ((closing || (!VOID.has(name) && !RAW_TEXT.has(name))) && now >= 0) {
            open.set(name, now);
            if (name !== 'details') others += closing ? -1 : 1;
          }
          mode = !closing && RAW_TEXT.has(name) ? { kind: 'raw', name } : { kind: 'tag', quote: null };
          i = finishTag(html, end);
        }
      }
    }
  }

  return {
    feed(html) {
      scan(html);
      // The renderer's own next tag ends a bogus comment or an open tag; a quote inside one is anyone's guess.
      if (mode.kind === 'tag' && mode.quote !== null) lost = true;
      if (mode.kind === 'bogus' || mode.kind === 'tag') mode = { kind: 'data' };
    },
    context: () => ((open.get('details') ?? 0) > 0 ? 'details' : others > 0 || lost || mode.kind !== 'data' ? 'other' : 'none'),
  };
}
