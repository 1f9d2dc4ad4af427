import type { CoverageParse } from './coverage-figure.ts';
import { fail, figureOf } from './make-figure.ts';

interface Block {
  statements: number;
  covered: boolean;
}

/** file:startLine.startCol,endLine.endCol numStmts count, with the file split off at the last ':'. */
const BLOCK = /^(\d+\.\d+,\d+\.\d+) (\d+) (\d+)$/;
const MODES = new Set(['set', 'count', 'atomic']);

/**
 * Go coverprofile (`go test -coverprofile`). Go records statements, not lines, so the figure
 * is covered statements / statements: the "total" that `go tool cover -func` prints.
 * Profiles concatenated from several packages or runs repeat blocks (and `mode:` lines);
 * like `go tool cover`, identical blocks are merged: counted once, covered if any run hit them.
 */
export function parseGoCoverprofile(text: string, name: string): CoverageParse {
  const blocks = new Map<string, Block>();
  let mode: string | null = null;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;
    const at = `${name} line ${index + 1}`;
    if (line.startsWith('mode:')) {
      const value = line.slice('mode:'.length).trim();
      if (!MODES.has(value)) return fail(`${at}: unknown mode "${value}" (expected set, count or atomic)`);
      mode = value;
      continue;
    }
    if (mode === null) return fail(`${name} looks like a Go coverprofile but does not start with a "mode: set|count|atomic" line`);

    const colon = line.lastIndexOf(':');
    const match = colon > 0 ? BLOCK.exec(line.slice(colon + 1)) : null;
    if (!match) return fail(`${at} is not a coverprofile block (expected file.go:line.col,line.col statements count): ${line.slice(0, 80)}`);
    const [, range = '', statementsText = '', countText = ''] = match;
    const key = `${line.slice(0, colon)}:${range}`;
    const statements = Number(statementsText);
    const covered = /[1-9]/.test(countText);
    const seen = blocks.get(key);
    if (!seen) blocks.set(key, { statements, covered });
    else if (seen.statements !== statements) {
      return fail(`${at}: block ${key} has ${statements} statements here but ${seen.statements} earlier; the profiles come from different builds`);
    } else seen.covered ||= covered;
  }
  if (mode === null) return fail(`${name} looks like a Go coverprofile but has no "mode:" line`);

  let covered = 0;
  let total = 0;
  for (const block of blocks.values()) {
    total += block.statements;
    if (block.covered) covered += block.statements;
  }
  return figureOf('go', covered, total, name);
}
