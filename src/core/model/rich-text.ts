/**
 * What the gate says about the evidence, as data rather than markup. The checks compose it;
 * the living comment renders it as markdown (render/rich-markdown.ts) and the JSON report as
 * plain text. Because no segment is markup, text from GitHub or from people can never turn
 * into markup on the way.
 */
export type Segment =
  | { kind: 'text'; text: string }
  /** A name or a value (a check run, a glob, a commit), or words someone typed: shown as code. */
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; url: string; code: boolean }
  /** A GitHub account: a link to its profile, never an @mention (that would notify on every edit). */
  | { kind: 'user'; login: string };

export type RichText = readonly Segment[];

/** What a template may hold: words, a number, a segment, or text already composed. */
type Piece = string | number | Segment | RichText;

export const code = (text: string): Segment => ({ kind: 'code', text });
export const user = (login: string): Segment => ({ kind: 'user', login });
export const link = (text: string, url: string, options: { code?: boolean } = {}): Segment => ({ kind: 'link', text, url, code: options.code ?? false });

function append(segments: Segment[], piece: Piece): void {
  if (typeof piece === 'string' || typeof piece === 'number') {
    const text = String(piece);
    if (text === '') return;
    const last = segments.at(-1);
    // Adjacent words are one segment, so equal text is equal data.
    if (last?.kind === 'text') segments[segments.length - 1] = { kind: 'text', text: last.text + text };
    else segments.push({ kind: 'text', text });
  } else if ('kind' in piece) {
    if (piece.kind === 'text') append(segments, piece.text);
    else segments.push(piece);
  } else {
    for (const segment of piece) append(segments, segment);
  }
}

/** Composes rich text like a template string: rich`${n} failing: ${list}`. */
export function rich(literals: TemplateStringsArray, ...pieces: Piece[]): RichText {
  const segments: Segment[] = [];
  pieces.forEach((piece, index) => {
    append(segments, literals[index] ?? '');
    append(segments, piece);
  });
  append(segments, literals[pieces.length] ?? '');
  return segments;
}

/** The items with a separator between them. */
export function joined(items: readonly Piece[], separator: string): RichText {
  const segments: Segment[] = [];
  items.forEach((item, index) => {
    if (index > 0) append(segments, separator);
    append(segments, item);
  });
  return segments;
}

/** Names shown as code, comma-separated: `a`, `b`. */
export function codes(names: readonly string[]): RichText {
  return joined(names.map(code), ', ');
}

/** The first `limit` items, then how many more: "a, b and 3 more". */
export function firstFew(items: readonly Piece[], limit: number): RichText {
  const shown = joined(items.slice(0, limit), ', ');
  return items.length > limit ? rich`${shown} and ${items.length - limit} more` : shown;
}

/** The same text starting with a capital letter. */
export function capitalized(text: RichText): RichText {
  const [first, ...rest] = text;
  if (first?.kind !== 'text') return text;
  return [{ kind: 'text', text: first.text.charAt(0).toUpperCase() + first.text.slice(1) }, ...rest];
}

/**
 * Messages that arrive as strings (evidence problems from the adapters, config errors) mark
 * code with backticks, as a terminal message would: `add \`checks: read\``. Read that way.
 */
export function quoted(message: string): RichText {
  const parts = message.split('`');
  // After an odd number of backticks, the last one is a character, not the start of code.
  const unpaired = parts.length % 2 === 0 ? `\`${parts.pop()}` : '';
  return joined([...parts.map((part, index) => (index % 2 === 1 ? code(part) : part)), unpaired], '');
}

/** Plain text, for the JSON report and for commit status descriptions: a link keeps its address. */
export function plainText(text: RichText): string {
  return text
    .map((segment) => {
      switch (segment.kind) {
        case 'text':
        case 'code':
          return segment.text;
        case 'link':
          return `${segment.text} (${segment.url})`;
        case 'user':
          return segment.login;
      }
    })
    .join('');
}
