// Times parseCommands on 64 KiB comments (ordinary and hostile) and prints the figures
// as JSON. Run by plain Node, so that dependencies resolve as in the bundled action
// (markdown-it's ESM build) and timings are free of vitest's transforms. Standalone:
// `node test/bench/parse-commands-timing.ts` prints the same figures.
import { parseCommands } from '../../src/core/commands/parse-commands.ts';
import { hostile, typical } from '../core/commands/long-comments.ts';

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
