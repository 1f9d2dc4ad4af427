/** One line of a comment body, with the offsets of its text (its line ending excluded). */
export type SourceLine = { text: string; start: number; end: number };

/** Splits on CRLF, CR and LF, the line endings CommonMark (and markdown-it) recognise, so our line numbers and the parser's agree. */
export function splitLines(body: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (const ending of body.matchAll(/\r\n|\r|\n/g)) {
    lines.push({ text: body.slice(start, ending.index), start, end: ending.index });
    start = ending.index + ending[0].length;
  }
  lines.push({ text: body.slice(start), start, end: body.length });
  return lines;
}
