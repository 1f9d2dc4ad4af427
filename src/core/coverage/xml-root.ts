/**
 * A cheap look at the start of an XML document: its DOCTYPE name, its root element and the
 * first child element. Format detection needs only this, and parsing a whole
 * 50 MB report just to learn its root name would double the cost of every run.
 */
export interface XmlRoot {
  /** The DOCTYPE's name, lower-cased ("report", "coverage", "html"), or null. */
  doctype: string | null;
  /** The root element's name, or null when the prolog never reaches one. */
  name: string | null;
  /** The root's start tag, e.g. `<coverage line-rate="0.8">`, for attribute sniffing. */
  startTag: string;
  /** The first child element's name, or null. */
  firstChild: string | null;
}

const NAME = /[A-Za-z_][\w.:-]*/y;

export function sniffXmlRoot(text: string): XmlRoot {
  const root: XmlRoot = { doctype: null, name: null, startTag: '', firstChild: null };
  let i = skipMisc(text, 0, root);
  if (i < 0 || text[i] !== '<') return root;
  NAME.lastIndex = i + 1;
  const match = NAME.exec(text);
  if (!match) return root;
  root.name = match[0];
  const end = tagEnd(text, i);
  if (end < 0) return root;
  root.startTag = text.slice(i, end + 1);
  if (root.startTag.endsWith('/>')) return root;
  i = skipMisc(text, end + 1, root);
  if (i >= 0 && text[i] === '<' && text[i + 1] !== '/') {
    NAME.lastIndex = i + 1;
    root.firstChild = NAME.exec(text)?.[0] ?? null;
  }
  return root;
}

/** Skips whitespace, text, declarations, comments and the DOCTYPE; -1 when the text ends. */
function skipMisc(text: string, from: number, root: XmlRoot): number {
  let i = from;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) return -1;
    if (text.startsWith('<?', lt)) i = after(text, '?>', lt);
    else if (text.startsWith('<!--', lt)) i = after(text, '-->', lt);
    else if (text.slice(lt, lt + 9).toUpperCase() === '<!DOCTYPE') i = skipDoctype(text, lt, root);
    else if (text.startsWith('<!', lt)) i = after(text, '>', lt);
    else return lt;
    if (i < 0) return -1;
  }
  return -1;
}

function skipDoctype(text: string, at: number, root: XmlRoot): number {
  const name = /\s*([A-Za-z_][\w.:-]*)?/y;
  name.lastIndex = at + '<!DOCTYPE'.length;
  root.doctype = name.exec(text)?.[1]?.toLowerCase() ?? '';
  // An internal subset may contain '>' (entity declarations), so skip to its closing ']'.
  const bracket = text.indexOf('[', at);
  const close = text.indexOf('>', at);
  if (bracket >= 0 && close >= 0 && bracket < close) {
    const subsetEnd = text.indexOf(']', bracket);
    return subsetEnd < 0 ? -1 : after(text, '>', subsetEnd);
  }
  return close < 0 ? -1 : close + 1;
}

function after(text: string, token: string, from: number): number {
  const index = text.indexOf(token, from);
  return index < 0 ? -1 : index + token.length;
}

/** The index of the '>' closing the tag at `from`, skipping quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}
