// The shape of src/, checked on every run: no import cycles among files or among folders,
// a pure core, and every write to GitHub in the publisher.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC);
const text = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
const name = (file: string) => relative(SRC, file);

/** Every module specifier a file names: static imports and re-exports (type-only ones too), and dynamic import(). */
function specifiers(source: string): string[] {
  const found = [...source.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gms), ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((match) => match[1]!);
}

const graph = new Map(files.map((file) => [file, specifiers(text.get(file)!).filter((spec) => spec.startsWith('.')).map((spec) => resolve(dirname(file), spec))]));

/** Strongly connected components with more than one node (or a node importing itself): the cycles. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, order.get(next)!));
    }
    if (low.get(node) !== order.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || edges.get(node)?.has(node)) found.push(component.sort());
  };
  for (const node of edges.keys()) if (!order.has(node)) visit(node);
  return found;
}

describe('the module graph of src/', () => {
  it('reads every relative import of every file, and each resolves to a file', () => {
    expect(files.length).toBeGreaterThan(50);
    // The package's own manifest is the one file outside src/ a module may read (for its version).
    const manifest = resolve(SRC, '../package.json');
    const missing = [...graph].flatMap(([file, targets]) => targets.filter((target) => !text.has(target) && target !== manifest).map((target) => `${name(file)} → ${name(target)}`));
    expect(missing).toEqual([]);
  });

  it('has no import cycle among files', () => {
    const edges = new Map([...graph].map(([file, targets]) => [file, new Set(targets)]));
    expect(cycles(edges).map((cycle) => cycle.map(name))).toEqual([]);
  });

  it('has no import cycle among folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      const from = name(dirname(file)) || '.';
      const set = edges.get(from) ?? edges.set(from, new Set()).get(from)!;
      for (const target of targets) {
        const to = name(dirname(target)) || '.';
        if (to !== from) set.add(to);
      }
    }
    expect(cycles(edges)).toEqual([]);
  });

  it('finds a cycle when there is one (the checker itself works)', () => {
    const edges = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(edges)).toEqual([['a', 'b', 'c']]);
  });

  it('keeps the core pure: no GitHub, no Actions runtime, no file system, no process', () => {
    const impure = files
      .filter((file) => name(file).startsWith('core/'))
      .flatMap((file) => {
        const source = text.get(file)!;
        const bad = specifiers(source).filter((spec) => /^(@actions\/|@octokit\/|node:|fs$|path$|process$)/.test(spec));
        if (/\bprocess\.|\bglobalThis\.process\b/.test(source)) bad.push('process');
        return bad.map((what) => `${name(file)} uses ${what}`);
      });
    expect(impure).toEqual([]);
  });

  it('writes to GitHub only from the publisher', () => {
    const write = /\.rest\.\w+\.(create|update|delete|remove|add|set|merge|replace|dismiss|submit|request|lock|unlock)\w*\b|\.request\(\s*['"](POST|PUT|PATCH|DELETE)\b/g;
    const writers = files.filter((file) => !name(file).startsWith('github/publish/')).flatMap((file) => [...text.get(file)!.matchAll(write)].map((match) => `${name(file)}: ${match[0]}`));
    expect(writers).toEqual([]);
    // The check would catch one: the publisher does write.
    expect([...text.get(join(SRC, 'github/publish/publisher.ts'))!.matchAll(write)].length).toBeGreaterThan(0);
  });

  it('leaves the event payload to the gate event: nothing else reads it', () => {
    const readers = files.filter((file) => /\bpayload\[/.test(text.get(file)!)).map(name);
    expect(readers.sort()).toEqual(['action/runner-context.ts', 'gate/gate-event.ts']);
  });
});
