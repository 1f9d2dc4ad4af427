import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  runs: { using: string; main: string };
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

describe('action.yml', () => {
  it('runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares every input the action reads and every output it sets', () => {
    const source = ['src/action/settings.ts', 'src/action/outputs.ts'].map((file) => readFileSync(file, 'utf8')).join('\n');
    const read = [...source.matchAll(/getInput\('([a-z-]+)'\)/g)].map((m) => m[1]).sort();
    const set = [...source.matchAll(/setOutput\('([a-z-]+)'/g)].map((m) => m[1]).sort();
    expect(Object.keys(action.inputs).sort()).toEqual(read);
    expect(Object.keys(action.outputs).sort()).toEqual(set);
  });
});
