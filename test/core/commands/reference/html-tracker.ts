/**
 * Follows raw HTML across a comment, as a browser would, to know whether the
 * markdown at some point renders inside an element that was opened and not
 * yet closed: inside `<details>` it is collapsed; inside `<del>`, `<sub>`,
 * `<bdo>` or an unclosed comment it is struck, shrunk, reversed or hidden.
 * Markdown between two pieces of HTML renders inside them on GitHub, so only
 * the HTML itself is fed in, in document order. Between two pieces the
 * renderer writes tags of its own (`<p>`, `</blockquote>`): those end a
 * `<!…>` or `<?…>` or a tag left open by a piece, while a comment or a raw
 * text element (`<textarea>`) runs on until a later piece ends it. A quoted
 * attribute left open could be ended by a quote in one of those tags, so
 * after one nothing is certain. Being unsure means "inside".
 */
export type HtmlContext = 'none' | 'details' | 'other';

export interface HtmlTracker {
  feed(html: string, how?: FeedOptions): void;
  context(): HtmlContext;
}

export interface FeedOptions {
  /**
   * For text that may not all be HTML (a paragraph whose inline markup could
   * not be parsed): every start tag in it counts as opening its element, and
   * nothing in it closes one or changes how later HTML is read. Inline HTML
   * is always complete within its paragraph, so a real tag is never missed.
   */
  unsure?: boolean;
  /** The HTML block goes on in the next piece, with no tag of the renderer's in between. */
  runsOn?: boolean;
}

// Elements that never have content, so never stay open.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Elements whose content is text up to their end tag: tags inside them are not tags.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

type Mode =
  | { kind: 'data' }
  | { kind: 'comment' }
  | { kind: 'bogus' }
  /** Inside a tag's attributes; `quote` when inside a quoted value. */
  | { kind: 'tag'; quote: string | null }
  | { kind: 'raw'; name: string };

const NAME_CHAR = /[^\s/>]/;
const SPACE = /\s/;
const LETTER = /[A-Za-z]/;
const COMMENT_END = /--!?>/g;
const START_TAG = /<([A-Za-z][^\s/>]*)/g;

/**
 * Skips a tag's attributes from `i`, as HTML's tokenizer does (quotes only
 * matter around a value). Returns the index after the tag's `>`, or where
 * the HTML ended inside the tag, and inside which quote.
 */
function skipAttributes(html: string, i: number): { end: number } | { quote: string | null } {
  const stop = (c: string): boolean => c === '>' || c === '/' || c === '=' || SPACE.test(c);
  while (i < html.length) {
    const c = html.charAt(i);
    if (c === '>') return { end: i + 1 };
    if (c === '/' || SPACE.test(c)) {
      i++;
      continue;
    }
    i++; // an attribute name's first character may be anything, even `=` or a quote
    while (i < html.length && !stop(html.charAt(i))) i++;
    while (i < html.length && SPACE.test(html.charAt(i))) i++;
    if (html.charAt(i) !== '=') continue;
    i++;
    while (i < html.length && SPACE.test(html.charAt(i))) i++;
    const q = html.charAt(i);
    if (q === '"' || q === "'") {
      const close = html.indexOf(q, i + 1);
      if (close < 0) return { quote: q };
      i = close + 1;
    } else {
      while (i < html.length && html.charAt(i) !== '>' && !SPACE.test(html.charAt(i))) i++;
    }
  }
  return { quote: null };
}

export function createHtmlTracker(): HtmlTracker {
  let details = 0;
  /** Open elements other than `<details>`, counted per name so that an end tag closes only its own. */
  const depth = new Map<string, number>();
  let others = 0;
  let mode: Mode = { kind: 'data' };
  let lost = false;

  function opened(name: string): void {
    if (name === 'details') details++;
    else {
      depth.set(name, (depth.get(name) ?? 0) + 1);
      others++;
    }
  }

  function closed(name: string): void {
    if (name === 'details') details = Math.max(0, details - 1);
    else {
      const current = depth.get(name) ?? 0;
      if (current === 0) return; // an end tag with nothing to close is ignored
      depth.set(name, current - 1);
      others--;
    }
  }

  /** Continues inside a tag from `i`; returns where data resumes, or -1 when the HTML ended first. */
  function finishTag(html: string, i: number): number {
    const skipped = skipAttributes(html, i);
    if ('end' in skipped) {
      if (mode.kind === 'tag') mode = { kind: 'data' };
      return skipped.end;
    }
    // The tag runs on past this HTML: what follows is inside it (or inside the raw element it opened).
    if (mode.kind !== 'raw') mode = { kind: 'tag', quote: skipped.quote };
    return -1;
  }

  function feed(html: string, how: FeedOptions = {}): void {
    if (how.unsure) {
      for (const [, name = ''] of html.matchAll(START_TAG)) if (!VOID.has(name.toLowerCase())) opened(name.toLowerCase());
      return;
    }
    scan(html);
    if (how.runsOn) return;
    // The renderer's own next tag ends a bogus comment or an open tag; a quote inside one is anyone's guess.
    if (mode.kind === 'tag' && mode.quote !== null) lost = true;
    if (mode.kind === 'bogus' || mode.kind === 'tag') mode = { kind: 'data' };
  }

  function scan(html: string): void {
    let lower: string | null = null;
    let i = 0;
    while (i >= 0 && i < html.length) {
      if (mode.kind === 'comment') {
        COMMENT_END.lastIndex = i;
        const end = COMMENT_END.exec(html);
        if (!end) return;
        i = end.index + end[0].length;
        mode = { kind: 'data' };
      } else if (mode.kind === 'bogus') {
        const end = html.indexOf('>', i);
        if (end < 0) return;
        i = end + 1;
        mode = { kind: 'data' };
      } else if (mode.kind === 'tag') {
        if (mode.quote !== null) {
          const close = html.indexOf(mode.quote, i);
          if (close < 0) return;
          i = close + 1;
          mode = { kind: 'tag', quote: null };
        }
        i = finishTag(html, i);
      } else if (mode.kind === 'raw') {
        if (mode.name === 'plaintext') return;
        lower ??= html.toLowerCase();
        const endTag = `</${mode.name}`;
        let end = lower.indexOf(endTag, i);
        while (end >= 0 && NAME_CHAR.test(lower.charAt(end + endTag.length) || '>')) end = lower.indexOf(endTag, end + 1);
        if (end < 0) return;
        mode = { kind: 'tag', quote: null };
        i = finishTag(html, end + endTag.length);
      } else {
        const lt = html.indexOf('<', i);
        if (lt < 0) return;
        i = lt + 1;
        if (html.startsWith('!--', i)) {
          // `<!-->` and `<!--->` are complete, empty comments.
          if (html.startsWith('>', i + 3)) i += 4;
          else if (html.startsWith('->', i + 3)) i += 5;
          else {
            i += 3;
            mode = { kind: 'comment' };
          }
        } else if (html.charAt(i) === '!' || html.charAt(i) === '?') {
          mode = { kind: 'bogus' };
        } else {
          const closing = html.charAt(i) === '/';
          const start = closing ? i + 1 : i;
          if (!LETTER.test(html.charAt(start))) continue;
          let end = start;
          while (end < html.length && NAME_CHAR.test(html.charAt(end))) end++;
          const name = html.slice(start, end).toLowerCase();
          if (closing) closed(name);
          // `<div/>` still opens a div in HTML: only void elements close themselves.
          else if (!VOID.has(name) && !RAW_TEXT.has(name)) opened(name);
          mode = !closing && RAW_TEXT.has(name) ? { kind: 'raw', name } : { kind: 'tag', quote: null };
          i = finishTag(html, end);
        }
      }
    }
  }

  function context(): HtmlContext {
    if (details > 0) return 'details';
    return others > 0 || lost || mode.kind !== 'data' ? 'other' : 'none';
  }

  return { feed, context };
}
