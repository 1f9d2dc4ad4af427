// 64 KiB comments, ordinary and hostile, for the parser's tests and for `npm run bench`.
const SIZE = 65_536;
const fill = (unit: string, tail: string): string => unit.repeat(Math.floor((SIZE - tail.length) / unit.length)) + tail;

export const typical: [string, string][] = [
  ['review prose', fill('Looks good, I checked the **migration** and `db` [link](https://example.com).\n\n', '\n\n/signoff security')],
  ['a pasted log in a fence', `\`\`\`\n${fill('2024-06-11T10:00:00Z INFO <worker> [job] *ok*\n', '```\n\n/signoff qa')}`],
  ['non-ASCII text', fill('ѕіgnоff ／ 日本語のテキスト 😀\n', '\n\n/signoff security')],
  ['one long paragraph', fill('Some words about the release, line after line.\n', '\n\n/signoff security')],
];
export const hostile: [string, string][] = [
  ['emphasis runs', fill('*a', '\n\n/signoff security')],
  ['nested list markers', fill('1. ', '\n\n/signoff security')],
  ['nested quote markers', fill('> ', '\n\n/signoff security')],
  ['setext headings', fill('<b>x</b>\n-\n', '\n\n/signoff security')],
  ['list items', fill('- <b>\n', '\n\n/signoff security')],
  ['link openers', fill('[a](<', '\n\n/signoff security')],
  ['angle brackets', fill('<', '\n\n/signoff security')],
  ['HTML paragraphs', fill('a <b> c\n\n', '\n\n/signoff security')],
  ['command paragraphs', fill('/signoff a b\n\n', '')],
  ['markup before commands', fill('*x* _y_ `z` [w]\n/signoff a b\n\n', '')],
  ['quoted commands', fill('> /signoff qa\n\n', '\n\n/signoff security')],
  ['link definitions', fill('[x\n/signoff a b]\n\n[x /signoff a b]: /u\n\n', '')],
];

