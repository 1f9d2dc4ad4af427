// Times parseCommands on 64 KiB comments and prints the figures as JSON, for
// parse-commands.test.ts. Run by plain Node so that dependencies resolve as
// in the bundled action.
import { parseCommands } from '../../../src/core/commands/parse-commands.ts';

const SIZE = 65_536;
const fill = (unit: string, tail: string): string => unit.repeat(Math.floor((SIZE - tail.length) / unit.length)) + tail;

const typical: [string, string][] = [
  ['review prose', fill('Looks good, I checked the **migration** and `db` [link](https://example.com).\n\n', '\n\n/signoff security')],
  ['a pasted log in a fence', `\`\`\`\n${fill('2024-06-11T10:00:00Z INFO <worker> [job] *ok*\n', '```\n\n/signoff qa')}`],
  ['non-ASCII text', fill('ѕіgnоff ／ 日本語のテキスト 😀\n', '\n\n/signoff security')],
  ['one long paragraph', fill('Some words about the release, line after line.\n', '\n\n/signoff security')],
];
const hostile: [string, string][] = [
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

function fastest(body: string): { ms: number; last: string } {
  let ms = Infinity;
  let last = '';
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    const commands = parseCommands(body);
    ms = Math.min(ms, performance.now() - started);
    last = commands.at(-1)?.placement ?? '';
  }
  return { ms, last };
}

// Warm up the JIT, as a long-running action would be after its first comments.
for (let run = 0; run < 20; run++) parseCommands('Reviewed <b>x</b>.\n\n/signoff a\n> *q* [r]\n\n```\nx\n```\n'.repeat(40));

const timings = [
  ...typical.map(([name, body]) => ({ name, kind: 'typical', length: body.length, ...fastest(body) })),
  ...hostile.map(([name, body]) => ({ name, kind: 'hostile', length: body.length, ...fastest(body) })),
];
process.stdout.write(JSON.stringify(timings));
