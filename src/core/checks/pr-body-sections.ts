/** A heading of the PR description and the text under it, up to the next heading of its level or higher. */
export interface BodySection {
  title: string;
  content: string;
}

// Every pattern here is anchored and free of nested or adjacent quantifiers that could
// overlap: a 64 KB description written to make a backtracking engine stall costs one pass.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const WORD = /[\p{L}\p{N}]/u;
const BLANK = (char: string | undefined) => char === ' ' || char === '\t';

/** An ATX heading (`## Title ##`): its level and title, or null. Scanned by hand: the usual regex backtracks quadratically. */
function atxHeading(line: string): { level: number; title: string } | null {
  let at = 0;
  while (at < 3 && line[at] === ' ') at++;
  let level = 0;
  while (line[at + level] === '#') level++;
  if (level < 1 || level > 6) return null;
  at += level;
  if (at < line.length && !BLANK(line[at])) return null;
  let end = line.length;
  while (end > at && BLANK(line[end - 1])) end--;
  // An optional closing run of #, when a blank separates it from the title.
  let close = end;
  while (close > at && line[close - 1] === '#') close--;
  if (close < end && (close === at || BLANK(line[close - 1]))) end = close;
  while (end > at && BLANK(line[end - 1])) end--;
  while (at < end && BLANK(line[at])) at++;
  return { level, title: line.slice(at, end) };
}

/** Normalises a heading for comparison: case, surrounding punctuation, emphasis and emoji do not matter. */
export function normaliseTitle(title: string): string {
  const chars = [...title.replace(/[*_`]/g, '')];
  let start = 0;
  let end = chars.length;
  while (start < end && !WORD.test(chars[start]!)) start++;
  while (end > start && !WORD.test(chars[end - 1]!)) end--;
  return chars.slice(start, end).join('').replace(/\s+/g, ' ').toLowerCase();
}

/** ATX headings only, outside code fences: what PR templates use. */
export function bodySections(body: string): BodySection[] {
  const sections: (BodySection & { level: number; lines: string[] })[] = [];
  const open: (BodySection & { level: number; lines: string[] })[] = [];
  let fence: string | null = null;
  for (const line of body.split(/\r?\n/)) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    }
    const heading = fence === null && !fenceMatch ? atxHeading(line) : null;
    if (heading) {
      const level = heading.level;
      while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
      for (const parent of open) parent.lines.push(line);
      const section = { title: heading.title, content: '', level, lines: [] as string[] };
      sections.push(section);
      open.push(section);
      continue;
    }
    for (const section of open) section.lines.push(line);
  }
  return sections.map((section) => ({ title: section.title, content: section.lines.join('\n') }));
}

/** What a section says once template comments and blank space are removed. */
export function meaningfulText(content: string): string {
  return content.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
}
