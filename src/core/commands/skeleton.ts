import { CONFUSABLES, INVISIBLE } from './confusables.ts';

/**
 * What a line looks like to a reader, reduced to ASCII where a character only imitates ASCII:
 * NFKD, invisible characters and marks removed, common confusables mapped, and the markdown
 * spellings `\/` and `&#47;` decoded. `map[i]` is the index in the raw line of the character
 * that produced `text[i]`, so a look-alike can be located in the parsed markdown.
 */
export type Skeleton = { text: string; map: number[] };

const NAMED: Record<string, string> = { sol: '/', nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', Tab: '\t', amp: '&', shy: '', zwj: '', zwnj: '', lrm: '', rlm: '', ZeroWidthSpace: '', NoBreak: '', hyphen: '-', dash: '-', minus: '-' };
const REFERENCE = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** One non-ASCII character's skeleton, memoised: comments repeat characters a lot. */
function charSkeleton(code: number, memo: Map<number, string>): string {
  let out = memo.get(code);
  if (out === undefined) {
    out = [...String.fromCodePoint(code).normalize('NFKD')].map((piece) => (INVISIBLE.test(piece) ? '' : (CONFUSABLES.get(piece) ?? piece))).join('');
    memo.set(code, out);
  }
  return out;
}

/** What a character reference stands for (as in CommonMark, U+FFFD for an invalid or NUL one), or null for a name we do not know. */
function decodeReference([, decimal, hex, name]: RegExpExecArray): number | string | null {
  if (name !== undefined) return NAMED[name] ?? null;
  const code = Number.parseInt(decimal ?? hex ?? '', decimal === undefined ? 16 : 10);
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code;
}

export function skeletonOf(line: string, memo: Map<number, string> = new Map()): Skeleton {
  const skeleton: Skeleton = { text: '', map: [] };
  const push = (value: string, at: number): void => {
    skeleton.text += value;
    for (let k = 0; k < value.length; k++) skeleton.map.push(at);
  };
  for (let i = 0; i < line.length; ) {
    const code = line.codePointAt(i) ?? 0;
    REFERENCE.lastIndex = i;
    const match = code === 38 ? REFERENCE.exec(line) : null;
    const decoded = match ? decodeReference(match) : null;
    if (code === 92 && ASCII_PUNCTUATION.test(line.charAt(i + 1))) {
      push(line.charAt(i + 1), i + 1); // `\/` renders as `/`: the backslash is markup, not text
      i += 2;
    } else if (match && decoded !== null) {
      push(typeof decoded === 'string' ? decoded : decoded < 0x80 ? String.fromCharCode(decoded) : charSkeleton(decoded, memo), i);
      i += match[0].length;
    } else {
      push(code < 0x80 ? line.charAt(i) : charSkeleton(code, memo), i);
      i += code > 0xffff ? 2 : 1;
    }
  }
  return skeleton;
}
