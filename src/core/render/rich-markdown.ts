import type { RichText, Segment } from '../model/rich-text.ts';
import { code, profileLink } from './markdown.ts';

function segmentMarkdown(segment: Segment): string {
  switch (segment.kind) {
    case 'text':
      return segment.text;
    case 'code':
      return code(segment.text);
    case 'link':
      return `[${segment.code ? code(segment.text) : segment.text}](${segment.url})`;
    case 'user':
      return profileLink(segment.login);
  }
}

/** Rich text as markdown: names and people's words as escaped code, accounts as profile links. */
export function toMarkdown(text: RichText): string {
  return text.map(segmentMarkdown).join('');
}
