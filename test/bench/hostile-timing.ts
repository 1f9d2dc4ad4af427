// Times the gate's pure work on the worst inputs anyone can write (a 64 KiB description, a
// 256 KiB policy, a backtracking pattern against a long title, a 65,536-character comment)
// and prints the figures as JSON. Run by plain Node, like parse-commands-timing.ts.
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import { parseCommands } from '../../src/core/commands/parse-commands.ts';
import { bodySections } from '../../src/core/checks/pr-body-sections.ts';
import { hostile } from '../core/commands/long-comments.ts';
import { POLICY, snapshot } from '../core/builders.ts';
import { hostileBody } from '../fixtures/hostile-input.ts';

function slowest(run: () => unknown, times = 5): number {
  let worst = 0;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    worst = Math.max(worst, performance.now() - started);
  }
  return worst;
}

const body = hostileBody();
const bodyPolicy = `${POLICY}  - id: rollback\n    name: Rollback plan\n    pr_body: { sections: ["Rollback plan"], matches: "(x+x+)+y" }\n`;
// Just under the size limit, every key a mistake to locate: the most a policy can cost.
const keys = Array.from({ length: 12_500 }, (_, i) => `    k${i}: ${i}\n`).join('');
const bigPolicy = `version: 1\nchecks:\n  - id: a\n    name: A\n    labels: { all: [x] }\n${keys}`;
const titlePolicy = 'version: 1\nrelease:\n  title: "^(a|aa)+$"\nchecks:\n  - { id: ci, name: CI, ci: {} }\n';
const longest = hostile.reduce((a, b) => (b[1].length > a[1].length ? b : a));

const timings = [
  { name: '64 KiB description: sections', input: `${body.length.toLocaleString('en')} chars`, ms: slowest(() => bodySections(body)) },
  { name: '64 KiB description: evaluate with a pr_body check', input: `${body.length.toLocaleString('en')} chars`, ms: slowest(() => evaluate(snapshot({ policy: bodyPolicy, pr: { body } }))) },
  { name: '256 KiB policy of 12,500 unknown keys: parse', input: `${bigPolicy.length.toLocaleString('en')} B`, ms: slowest(() => parseConfig(`${bigPolicy}# ${Math.random()}\n`), 3) },
  { name: '`^(a|aa)+$` against a 5,000-character title', input: '5,001 chars', ms: slowest(() => evaluate(snapshot({ policy: titlePolicy, pr: { title: `${'a'.repeat(5000)}!` } }))) },
  { name: `65,536-character comment (${longest[0]}): commands`, input: `${longest[1].length.toLocaleString('en')} chars`, ms: slowest(() => parseCommands(longest[1]), 3) },
];
process.stdout.write(JSON.stringify(timings));
