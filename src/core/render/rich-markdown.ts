import type { RichText, Segment } from '../model/rich-text.ts';
import { code, profileLink } from './markdown.ts';

function segmentMarkdown(segment: Segment, linked: ReadonlySet<string>): string {
  switch (segment.kind) {
    case 'text':
      return segment.text;
    case 'code':
      return code(segment.text);
    case 'link':
      // Linked once already (under "What is missing"): named here as code, which escapes it.
      if (linked.has(segment.url)) return code(segment.text);
      return `[${segment.code ? code(segment.text) : segment.text}](${segment.url})`;
    case 'user':
      return profileLink(segment.login);
  }
}

/** Rich text as markdown: names and people's words as escaped code, accounts as profile links. */
export function toMarkdown(text: RichText): string {
  return unlinked(text, new Set());
}

/** The same, except that a link to an address in `linked` is shown by its name only: the comment links it elsewhere. */
export function unlinked(text: RichText, linked: ReadonlySet<string>): string {
  return text.map((segment) => segmentMarkdown(segment, linked)).join('');
}

/** The addresses the text links to. */
export function linksOf(text: RichText): string[] {
  return text.flatMap((segment) => (segment.kind === 'link' ? [segment.url] : []));
}
