import type { ConfigError } from './config-error.ts';

/** A policy is a page of YAML; a larger one is refused before it is decoded or parsed, so a hostile file costs nothing. */
export const MAX_POLICY_BYTES = 256 * 1024;

/** What the reader of a policy file saw of its bytes, before any parsing. */
export interface PolicyBytes {
  /** The file's size in bytes, as stored (GitHub's `size`, or the file system's). */
  size?: number;
  /**
   * The offset of the first byte that is not UTF-8, when there is one; the text is then
   * decoded with replacement characters, for display only, and the policy is invalid.
   */
  notUtf8At?: number;
}

export interface DecodedPolicy extends PolicyBytes {
  text: string;
}

// ignoreBOM keeps a byte order mark in the text (YAML skips it), so that byte offsets and
// text offsets stay in step.
const strict = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * Decodes a policy file's bytes as UTF-8, refusing what is not: a lossy decoding would turn
 * a stray byte into U+FFFD and let the file mean something its author never typed. `size`
 * is the stored size when the bytes at hand are not all of it (GitHub sends no content for a
 * file over 1 MB); a file over the limit is not decoded at all.
 */
export function decodePolicy(bytes: Uint8Array, size = bytes.length): DecodedPolicy {
  if (size > MAX_POLICY_BYTES) return { text: '', size };
  try {
    return { text: strict().decode(bytes), size };
  } catch {
    return { text: lenient.decode(bytes), size, notUtf8At: firstInvalidByte(bytes) };
  }
}

/**
 * The offset where the bytes stop being UTF-8, found with the same fatal decoder: the longest
 * prefix it accepts in streaming mode (an incomplete sequence at its end is held back, not
 * refused), and within it, the bytes it turned into text. The decoder refuses a longer prefix
 * once it does a shorter one, so a binary search finds the edge.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const accepts = (length: number) => {
    try {
      strict().decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (accepts(middle)) low = middle;
    else high = middle - 1;
  }
  return encoder.encode(strict().decode(bytes.subarray(0, low), { stream: true })).length;
}

/** The problem with the file as bytes (too large, not UTF-8), located; null when it can be parsed. */
export function bytesProblem(file: DecodedPolicy): ConfigError | null {
  const size = file.size ?? encoder.encode(file.text).length;
  if (size > MAX_POLICY_BYTES) {
    const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
    return { line: 1, col: 1, path: '', message: `the file is ${kb(size)}; a policy may be at most ${kb(MAX_POLICY_BYTES)}: split long checklists into fewer, broader checks` };
  }
  if (file.notUtf8At !== undefined) {
    return { ...textPosition(file.text, file.notUtf8At), path: '', message: `byte ${file.notUtf8At} is not UTF-8: save the file as UTF-8` };
  }
  return null;
}

/**
 * The line and column (1-based, in UTF-16 units as the YAML parser counts them) of a byte
 * offset, in a text whose bytes up to that offset were valid UTF-8.
 */
function textPosition(text: string, byteOffset: number): { line: number; col: number } {
  let bytes = 0;
  let line = 1;
  let lineStart = 0;
  let index = 0;
  while (index < text.length && bytes < byteOffset) {
    const point = text.codePointAt(index)!;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
    index += point > 0xffff ? 2 : 1;
    if (point === 0x0a) {
      line++;
      lineStart = index;
    }
  }
  return { line, col: index - lineStart + 1 };
}
