import { CONFUSABLES, INVISIBLE } from './confusables.ts';

/**
 * What a line looks like to a reader, reduced to ASCII where a character only
 * imitates ASCII: NFKD, invisible characters and marks removed, common
 * confusables mapped, and the markdown spellings `\/` and `&#47;` decoded.
 * `map[i]` is the index in the raw line of the character that produced
 * `text[i]`, so a look-alike can be located in the parsed markdown.
 */
export interface Skeleton {
  text: string;
  map: number[];
}

const NAMED: Record<string, string> = {
  sol: '/', nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', Tab: '\t', amp: '&', shy: '', zwj: '', zwnj: '',
  lrm: '', rlm: '', ZeroWidthSpace: '', NoBreak: '', hyphen: '-', dash: '-', minus: '-',
};
const REFERENCE = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Memo of one non-ASCII character's skeleton: comments repeat characters a lot. */
type Memo = Map<number, string>;

function charSkeleton(code: number, memo: Memo): string {
  const known = memo.get(code);
  if (known !== undefined) return known;
  let out = '';
  for (const piece of String.fromCodePoint(code).normalize('NFKD')) {
    if (INVISIBLE.test(piece)) continue;
    out += CONFUSABLES.get(piece) ?? piece;
  }
  memo.set(code, out);
  return out;
}

function decodeReference(match: RegExpExecArray): number | string | null {
  const [, decimal, hex, name] = match;
  if (name !== undefined) return NAMED[name] ?? null;
  const code = Number.parseInt(decimal ?? hex ?? '', decimal === undefined ? 16 : 10);
  // As CommonMark does: invalid or NUL references become U+FFFD.
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code;
}

export function skeletonOf(line: string, memo: Memo = new Map()): Skeleton {
  const chars: string[] = [];
  const map: number[] = [];
  const push = (value: string, at: number): void => {
    for (let k = 0; k < value.length; k++) {
      chars.push(value.charAt(k));
      map.push(at);
    }
  };
  let i = 0;
  while (i < line.length) {
    const code = line.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    if (code === 92 && ASCII_PUNCTUATION.test(line.charAt(i + 1))) {
      // `\/` renders as `/`: the backslash is markup, not text.
      push(line.charAt(i + 1), i + 1);
      i += 2;
    } else if (code === 38) {
      REFERENCE.lastIndex = i;
      const match = REFERENCE.exec(line);
      const decoded = match ? decodeReference(match) : null;
      if (match && decoded !== null) {
        push(typeof decoded === 'string' ? decoded : decoded < 0x80 ? String.fromCharCode(decoded) : charSkeleton(decoded, memo), i);
        i += match[0].length;
      } else {
        push('&', i);
        i += 1;
      }
    } else if (code < 0x80) {
      push(line.charAt(i), i);
      i += 1;
    } else {
      push(charSkeleton(code, memo), i);
      i += width;
    }
  }
  return { text: chars.join(''), map };
}
