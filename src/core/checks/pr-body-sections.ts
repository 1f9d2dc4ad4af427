/** A heading of the PR description and the text under it, up to the next heading of its level or higher. */
export interface BodySection {
  title: string;
  content: string;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Normalises a heading for comparison: case, surrounding punctuation, emphasis and emoji do not matter. */
export function normaliseTitle(title: string): string {
  return title
    .replace(/[*_`]/g, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
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
    const heading = fence === null && !fenceMatch ? HEADING.exec(line) : null;
    if (heading) {
      const level = heading[1]!.length;
      while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
      for (const parent of open) parent.lines.push(line);
      const section = { title: heading[2]!, content: '', level, lines: [] as string[] };
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
