import { isBlank, type SourceLine } from './source-lines.ts';

/**
 * A comment cut where the markdown parser's state is known to reset: at an
 * unindented line after a blank line. There every paragraph, quote, list
 * and short HTML block has ended; only fenced code and long HTML blocks
 * (see open-blocks.ts) can still be open. A chunk with no command and none
 * of the characters that can open those (or define a link) cannot affect
 * any command, so it is never parsed.
 */
export interface Chunks {
  /** The start of the chunk after the one holding `line`, or the line count. */
  next(line: number): number;
  /** The lines [from, to) hold a command or something that can affect one. */
  matters(from: number, to: number): boolean;
  /** Cheap enough to parse along with its neighbours rather than skip. */
  small(from: number, to: number): boolean;
}

function mayAffectOthers(text: string): boolean {
  return text.includes('```') || text.includes('~~~') || text.includes('<') || text.includes(']:');
}

export function chunksOf(lines: readonly SourceLine[], hasCommand: (line: number) => boolean): Chunks {
  const n = lines.length;
  const next = new Int32Array(n + 1).fill(n);
  const mattering = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const line = lines[k];
    mattering[k + 1] = (mattering[k] ?? 0) + (line && (hasCommand(k) || mayAffectOthers(line.text)) ? 1 : 0);
  }
  for (let k = n - 2; k >= 0; k--) {
    const after = lines[k + 1]?.text ?? '';
    const starts = isBlank(lines[k]?.text ?? '') && !isBlank(after) && after.charAt(0) !== ' ' && after.charAt(0) !== '\t';
    next[k] = starts ? k + 1 : (next[k + 1] ?? n);
  }
  return {
    next: (line) => next[line] ?? n,
    matters: (from, to) => (mattering[to] ?? 0) - (mattering[from] ?? 0) > 0,
    small: (from, to) => to - from <= 8 && (lines[to - 1]?.end ?? 0) - (lines[from]?.start ?? 0) <= 1024,
  };
}
