/**
 * The lexical pieces of a window spec, each with the 1-based column it starts at, so that a
 * parse error can point at the exact place. Whitespace only separates tokens.
 */
export interface Token {
  kind: 'word' | 'time' | 'dash' | 'comma' | 'other';
  text: string;
  column: number;
}

// En and em dashes count as a hyphen: describeWindow writes an en dash, and its output
// (pasted back into a config) should parse to the same window.
const PATTERNS: [Token['kind'], RegExp][] = [
  ['word', /^[A-Za-z]+/],
  ['time', /^[0-9]+(?::[0-9]*)?/],
  ['dash', /^[-\u2013\u2014]/],
  ['comma', /^,/],
];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const space = /^\s+/.exec(rest);
    if (space) {
      index += space[0].length;
      continue;
    }
    const known = PATTERNS.find(([, pattern]) => pattern.test(rest));
    const kind = known ? known[0] : 'other';
    // Anything else is one character (a whole emoji, not half of it), reported as unexpected.
    const piece = (known ? known[1] : /^\S/u).exec(rest)![0];
    tokens.push({ kind, text: piece, column: index + 1 });
    index += piece.length;
  }
  return tokens;
}
