/** One line of a comment body, with the offsets of its text (its line ending excluded). */
export interface SourceLine {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits on CRLF, CR and LF, the line endings CommonMark (and the markdown
 * parser) recognise, so our line numbers and the parser's always agree.
 */
export function splitLines(body: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    lines.push({ text: body.slice(start, i), start, end: i });
    if (code === 13 && body.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ text: body.slice(start), start, end: body.length });
  return lines;
}

/** A line of only spaces and tabs: blank in CommonMark's sense. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}
