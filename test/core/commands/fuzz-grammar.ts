// A grammar of markdown constructs around gate commands, for the differential fuzz test:
// random but seeded, so every case can be replayed from its index.

/** A small seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
type Lines = string[];

const pick = <T>(next: Random, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const chance = (next: Random, p: number): boolean => next() < p;

const COMMANDS = ['/signoff qa', '/signoff security looks good', '/signoff cancel qa', '/waive lint flaky runner', '/waive cancel lint', '/signoff db-admin_2 ok'];

// Ways to type a command that only look right: invisible and confusable characters, escapes, references.
const DISGUISES: ReadonlyArray<(command: string) => string> = [
  (c) => `\u200B${c}`,
  (c) => c.replace('sign', 'sign\u200B'),
  (c) => `${c}\u200D`,
  (c) => c.replace('/', '\uFF0F'),
  (c) => c.replace('/', '\u2215'),
  (c) => c.replace('o', '\u043E'),
  (c) => c.replace(' ', '\u00A0'),
  (c) => `\u3000${c}`,
  (c) => `\u202E${c}`,
  (c) => `${c} \u2067x`,
  (c) => `\\${c}`,
  (c) => c.replace('/', '&#47;'),
  (c) => c.replace('/', '&sol;'),
  (c) => c.replace(/ (\w)/, ' &#x$1;').replace(/&#x(\w);/, (_m, ch: string) => `&#x${ch.charCodeAt(0).toString(16)};`),
  (c) => `\uFEFF${c}`,
  (c) => c.replace('sign', 'sign\u00AD'),
];

/** A command line: plain, indented, disguised, or with markup glued to it. */
function command(next: Random): string {
  let line = pick(next, COMMANDS);
  if (chance(next, 0.2)) line = pick(next, DISGUISES)(line);
  if (chance(next, 0.15)) line = line.replace(' ', '\t');
  if (chance(next, 0.15)) line += pick(next, ['*', '**', '_', '`', ' -->', ' |', '~~', '~', ']', ')', '  ', '\\', ' <b>', ' </del>']);
  if (chance(next, 0.12)) line = pick(next, ['*', '**', '_', '`', '[', '~~', '~', '<del>', '<!-- ', '| ', 'please ', '# ', '\\']) + line;
  const indent = pick(next, ['', '', '', '', ' ', '  ', '   ', '    ', '\t', ' \t']);
  return indent + line;
}

const TEXT = ['Reviewed the rollout plan.', 'LGTM', 'Ship it <b>now</b>', 'see `code` here', 'ETA ~3h', '[x] done', 'a *b* c', 'Done.', 'x', 'Notes:'];

function text(next: Random): string {
  return pick(next, TEXT);
}

/** A construct wrapped around `inner` (some lines holding commands), possibly nested. */
function construct(next: Random, depth: number): Lines {
  const inner = (): Lines => (depth < 2 && chance(next, 0.35) ? construct(next, depth + 1) : [command(next)]);
  const kind = Math.floor(next() * 32);
  switch (kind) {
    case 0:
      return [command(next)];
    case 1:
      return [text(next), command(next)];
    case 2: {
      const fence = pick(next, ['```', '~~~', '````', '   ```', '    ```']);
      const info = chance(next, 0.2) ? pick(next, ['js', '/signoff qa', ' x']) : '';
      return [fence + info, ...inner(), ...(chance(next, 0.8) ? [pick(next, [fence, '```', '~~~', '`````'])] : [])];
    }
    case 3:
      return [...(chance(next, 0.5) ? [text(next), ''] : []), ...inner().map((line) => pick(next, ['    ', '\t', '  \t', '     ']) + line)];
    case 4:
      return inner().map((line, k) => (k === 0 || chance(next, 0.7) ? pick(next, ['> ', '>', ' > ', '> > ', '>\t']) + line : line));
    case 5:
      return [pick(next, ['> Alice wrote:', '> quote']), ...inner()];
    case 6: {
      const marker = pick(next, ['- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '-\t']);
      const lines = inner();
      return lines.map((line, k) => (k === 0 ? marker + line : pick(next, ['  ', '   ', '', '    ']) + line));
    }
    case 7:
      return [pick(next, ['- item', '1. item', '* a']), pick(next, ['  ', '    ', '', '   - ']) + command(next)];
    case 8: {
      const [open, close] = pick(next, [
        ['<div>', '</div>'],
        ['<!--', '-->'],
        ['<pre>', '</pre>'],
        ['<textarea>', '</textarea>'],
        ['<?', '?>'],
        ['<![CDATA[', ']]>'],
        ['<!X', '>'],
        ['<span>', '</span>'],
        ['<script>', '</script>'],
        ['<del>', '</del>'],
        ['<sub>', '</sub>'],
        ['<div title="a', '">'],
      ] as const);
      const gap = chance(next, 0.5) ? [''] : [];
      return [open, ...gap, ...inner(), ...gap, ...(chance(next, 0.8) ? [close] : [])];
    }
    case 9:
      return [pick(next, ['<details>', '<details open>', '<details><summary>Log</summary>', '<DETAILS>']), '', ...inner(), '', ...(chance(next, 0.7) ? ['</details>'] : [])];
    case 10:
      return [pick(next, ['<!-- a -->', '<b>x</b>', '<br>', '<img src=x>', '<del>x</del>', '<!-- x', '<a href="x">']), ...(chance(next, 0.5) ? [''] : []), ...inner()];
    case 11:
      return [`${text(next)} ${pick(next, ['<!-- ', '<del>', '<span title="', '<b>', '<sub>', '</del>', '<!-->', '<?x'])}`, command(next), ...(chance(next, 0.5) ? [pick(next, ['-->', '</del>', '">x</span>', '</b>', '?>'])] : [])];
    case 12: {
      const open = pick(next, ['`', '``', '*', '**', '_', '__', '~~', '~', '[', '![', '<', '[x](/u "']);
      const close = pick(next, ['`', '``', '*', '**', '_', '~~', '~', '](https://example.com)', '][x]', ')', '>', '"']);
      return [`${text(next)} ${open}`, command(next), ...(chance(next, 0.8) ? [close + ' tail'] : [])];
    }
    case 13:
      return [...inner(), pick(next, ['===', '---', '-', '  ==', '= =', '--- ', '***', '- - -', '___'])];
    case 14:
      return [pick(next, ['#', '##', '######', '#######']) + ' ' + command(next) + pick(next, ['', ' #', ' ##'])];
    case 15: {
      const header = pick(next, ['| role | command |', 'a | b', '| a |', 'x']);
      const delimiter = pick(next, ['|---|---|', '--|--', '| --- |', ':-:|:-:', '|-|']);
      return [header, delimiter, ...(chance(next, 0.5) ? ['| sec | x |'] : []), ...inner().map((line) => (chance(next, 0.5) ? `| ${line} |` : line))];
    }
    case 16:
      return [pick(next, ['[x]: /url "t \\"', '[x]: /url', "[x]: /url 'multi", '[^1]: see', '[ok /signoff qa]: /u', '[x]:']), ...inner(), ...(chance(next, 0.5) ? [pick(next, ['"', "'", ')'])] : [])];
    case 17:
      return [`${text(next)}${pick(next, ['  ', '\\', '   ', '\t'])}`, ...inner()];
    case 18:
      return [pick(next, ['---', '***', '___', '- - -', '* * *']), ...inner()];
    case 19: {
      // A reference link spanning lines, defined (its label sometimes spelled with an escape) or not.
      const [words, line] = [text(next), command(next)];
      const label = pick(next, [line, line.trimStart().replace('/', '\\/'), command(next)]);
      return [`[${words}`, `${line}]`, '', `[${words} ${label}]: https://example.com`];
    }
    case 20:
      return [`${text(next)} <${pick(next, ['https://example.com', 'a@b.co', 'x'])}>`, ...inner()];
    case 21:
      return [`${text(next)} \``, ...inner(), `\` ${text(next)}`];
    case 22: {
      // Strikethrough around the command, or around a code span around it.
      const code = chance(next, 0.4);
      const body = code ? [`${text(next)} \``, command(next), `\` ${text(next)}`] : inner();
      return [pick(next, ['~~', '~', '~~~~']) + text(next), ...body, pick(next, ['oops~~', 'x~', '~~', ''])];
    }
    case 23:
      return [pick(next, ['<b>x</b>', '*a*', '[a]', '`c`']), '-', ...(chance(next, 0.5) ? [''] : []), ...inner()];
    case 24:
      return [`\u202E${text(next)}`, ...inner()];
    case 25:
      return [pick(next, ['<details>', '<del>', '<!--', '<pre>']), ...inner(), '', pick(next, ['</details>', '</del>', '-->', '</pre>']), '', command(next)];
    case 26:
      return ['<table><tr><td>', '', ...inner(), '', '</td></tr></table>'];
    case 27:
      return [`![${text(next)}`, command(next), '](u)'];
    case 28:
      return [`${text(next)} <span`, `title="x"`, command(next), '>'];
    case 29:
      // Nested list items, then lines indented between their contents.
      return [pick(next, ['+ 1. item', '- - a', '1. - a', '> - a', '* 2) a']), `     - ${text(next)}`, pick(next, ['    ```', '    > x', '    # h', '    <del>', '    ---']), command(next), pick(next, ['~~~', '```', '    ```', ''])];
    case 30:
      // A list item that cannot interrupt a paragraph, opened inside a quote or another item.
      return [...(chance(next, 0.5) ? [pick(next, ['> Alice wrote:', '- item', '> > quote'])] : []), pick(next, ['> > -', '+ 2) x', '> 3. x', '- -', '> -']), command(next)];
    default:
      return [...inner(), ...(chance(next, 0.5) ? [text(next)] : [])];
  }
}

/** A comment: a few constructs separated by blank lines (or not), with one kind of line ending or a mix. */
export function comment(next: Random): string {
  const lines: Lines = [];
  const count = 1 + Math.floor(next() * 4);
  for (let k = 0; k < count; k++) {
    if (k > 0) lines.push(...pick(next, [[''], [''], [], ['', ''], ['  ']]));
    lines.push(...construct(next, 0));
  }
  const ending = pick(next, ['\n', '\n', '\n', '\r\n', '\r', 'mixed']);
  let body = '';
  lines.forEach((line, k) => {
    body += line;
    if (k < lines.length - 1) body += ending === 'mixed' ? pick(next, ['\n', '\r\n', '\r']) : ending;
  });
  return chance(next, 0.1) ? `${body}\n` : body;
}
