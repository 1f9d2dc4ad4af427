import { parseCommandLine, parseLenient, parseStrict, type CommandParts } from './command-grammar.ts';
import { skeletonOf, type Skeleton } from './skeleton.ts';
import type { SourceLine } from './source-lines.ts';

/** Something on a line that is, or reads as, a command; where it stands is decided later. */
export interface Candidate extends CommandParts {
  /** 0-based index of its line. */
  line: number;
  /** Body offset of its first character: the slash, or what imitates one. */
  offset: number;
  /** The raw line is exactly a command: up to three spaces, then the ASCII grammar. */
  genuine: boolean;
  /** Only up to three spaces precede it on its line, as a reader sees the line. */
  lineStart: boolean;
}

const VERB = /\/(?:signoff|waive)[ \t]/g;
const WORD_BEFORE = /[A-Za-z0-9/]/;
const NON_ASCII = /[\u0080-\uFFFF]/;

function identity(text: string): Skeleton {
  return { text, map: Array.from({ length: text.length }, (_, i) => i) };
}

/**
 * The first command on a line, if any. One per line: a line is one thing to a
 * reader, and a second "/signoff" on it is part of the first one's note.
 */
export function findCandidate(source: SourceLine, line: number, memo: Map<number, string>): Candidate | null {
  const text = source.text;
  const exact = parseCommandLine(text);
  if (exact) return { ...exact.parts, line, offset: source.start + exact.column, genuine: true, lineStart: true };

  const ascii = !NON_ASCII.test(text);
  if (ascii && !text.includes('/') && !text.includes('&')) return null;
  const skeleton = ascii && !text.includes('\\') && !text.includes('&') ? identity(text) : skeletonOf(text, memo);

  VERB.lastIndex = 0;
  for (let match = VERB.exec(skeleton.text); match; match = VERB.exec(skeleton.text)) {
    const at = match.index;
    const rawAt = skeleton.map[at] ?? 0;
    if (at > 0 && WORD_BEFORE.test(skeleton.text.charAt(at - 1))) continue; // a path such as docs/signoff
    const lineStart = at <= 3 && /^ *$/.test(skeleton.text.slice(0, at));
    // At the start of a line the grammar stays strict: a malformed line is not a command,
    // and a look-alike is only reported when it reads as a well-formed one.
    const parts = lineStart
      ? parseStrict(skeleton.text.slice(at))
      : (parseLenient(text.slice(rawAt)) ?? parseLenient(skeleton.text.slice(at)));
    if (!parts) continue;
    return { ...parts, line, offset: source.start + rawAt, genuine: false, lineStart };
  }
  return null;
}
