import { isBlank, type SourceLine } from './source-lines.ts';

/*
 * The markdown parser follows CommonMark; GitHub renders GFM, which adds
 * tables, footnotes and strikethrough. Where GFM would render a CommonMark
 * paragraph line as something else, the line must not count. These checks
 * err towards "something else": a false alarm costs a re-typed command, a
 * miss would count a command nobody saw as one.
 */

// A table's delimiter row, e.g. `| --- | :-: |` or `--|--`. A row of dashes alone is
// a setext underline, never part of a paragraph, so it cannot be mistaken here.
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const FOOTNOTE_START = /^ {0,3}\[\^[^\]]*\]:/;

/**
 * The first line of a GFM table inside the paragraph spanning lines
 * [first, last], or -1. A table is its header row (the line before a
 * delimiter row) and every following line of the paragraph.
 */
export function tableStart(lines: readonly SourceLine[], first: number, last: number): number {
  for (let k = first + 1; k <= last; k++) {
    if (DELIMITER_ROW.test(lines[k]?.text ?? '')) return k - 1;
  }
  return -1;
}

/**
 * For each line, whether it lies in a run of non-blank lines that began with
 * a footnote definition (`[^1]: …`). CommonMark reads that as a link
 * definition; in GFM the following lines are the footnote's lazy
 * continuation and render among the footnotes, if at all.
 */
export function footnoteRuns(lines: readonly SourceLine[]): boolean[] {
  const runs: boolean[] = [];
  let inRun = false;
  for (const line of lines) {
    inRun = isBlank(line.text) ? false : inRun || FOOTNOTE_START.test(line.text);
    runs.push(inRun);
  }
  return runs;
}

/**
 * GFM strikethrough (`~x~`, `~~x~~`) may span lines of a paragraph. With a
 * tilde that can open before the command and one that can close after it,
 * the command may render struck through.
 */
export function mayBeStruck(before: string, after: string): boolean {
  return /~\S/.test(before) && /\S~/.test(after);
}
