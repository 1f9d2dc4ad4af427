import { describe, expect, it } from 'vitest';
import { lookupReader } from '../../../src/core/evidence/lookups.ts';
import type { Lookups } from '../../../src/core/evidence/snapshot.ts';
import { toMarkdown } from '../../../src/core/render/rich-markdown.ts';
import { carryOver, MAX_MOVES_FOLLOWED } from '../../../src/core/pushes/carry-over.ts';
import { forbidden } from '../builders.ts';

const S = '1'.repeat(40);
const M = '2'.repeat(40);
const H = '3'.repeat(40);
const trees = (entries: Record<string, string>): Lookups['commitTrees'] => Object.fromEntries(Object.entries(entries).map(([sha, tree]) => [sha, { ok: true, value: tree }]));
const compared = (paths: string[]): Lookups['comparisons'] => ({ [`${S}...${H}`]: { ok: true, value: paths } });

describe('carrying a command across pushes', () => {
  it.each<{ name: string; tips: string[]; reopenOn?: string[]; lookups: Lookups; carried: boolean; because: string | RegExp }>([
    { name: 'a rebase onto an unchanged base: same files', tips: [H], lookups: { commitTrees: trees({ [S]: 't', [H]: 't' }) }, carried: true, because: 'the files are unchanged since 1111111' },
    { name: 'every step has the signed files', tips: [M, H], lookups: { commitTrees: trees({ [S]: 't', [M]: 't', [H]: 't' }) }, carried: true, because: /unchanged/ },
    { name: 'a step in between had other files', tips: [M, H], lookups: { commitTrees: trees({ [S]: 't', [M]: 'x', [H]: 't' }) }, carried: false, because: 'the files changed since' },
    { name: 'other files, no reopen_on', tips: [H], lookups: { commitTrees: trees({ [S]: 't', [H]: 'x' }) }, carried: false, because: 'the files changed since' },
    {
      name: 'reopen_on: nothing under its paths differs',
      tips: [H],
      reopenOn: ['src/auth/**'],
      lookups: { commitTrees: trees({ [S]: 't', [H]: 'x' }), comparisons: compared(['README.md']) },
      carried: true,
      because: 'nothing under `src/auth/**` differs from 1111111',
    },
    {
      name: 'reopen_on: a push that dropped a signed change under its paths re-opens',
      tips: [H],
      reopenOn: ['src/auth/**'],
      lookups: { commitTrees: trees({ [S]: 't', [H]: 'x' }), comparisons: compared(['src/auth/login.ts', 'src/auth/token.ts', 'README.md']) },
      carried: false,
      because: '`src/auth/login.ts` and 1 more changed since',
    },
    {
      name: 'reopen_on: the changes cannot be listed (e.g. more than GitHub compares and a cut tree)',
      tips: [H],
      reopenOn: ['src/auth/**'],
      lookups: { commitTrees: trees({ [S]: 't', [H]: 'x' }), comparisons: { [`${S}...${H}`]: forbidden('the changes since 1111111') } },
      carried: false,
      because: /could not be listed \(GitHub answered 403/,
    },
    { name: 'a tree that cannot be read keeps nothing', tips: [H], lookups: { commitTrees: { [S]: { ok: true, value: 't' }, [H]: forbidden('the files of 3333333') } }, carried: false, because: 'the files changed since' },
    { name: 'too many moves since', tips: Array.from({ length: MAX_MOVES_FOLLOWED + 1 }, () => H), lookups: {}, carried: false, because: `the branch moved ${MAX_MOVES_FOLLOWED + 1} times since` },
  ])('$name', ({ tips, reopenOn, lookups, carried, because }) => {
    const result = carryOver(S, H, tips, reopenOn ?? null, lookupReader(lookups));
    expect(result.carried).toBe(carried);
    if (typeof because === 'string') expect(toMarkdown(result.because)).toBe(because);
    else expect(toMarkdown(result.because)).toMatch(because);
  });

  it('asks for every tree, and for the comparison in the same round when reopen_on may need it', () => {
    const lookups = lookupReader({});
    carryOver(S, H, [M, H], ['src/**'], lookups);
    expect(lookups.missing()).toEqual([
      { kind: 'commitTree', sha: S },
      { kind: 'commitTree', sha: M },
      { kind: 'commitTree', sha: H },
      { kind: 'comparison', base: S, head: H },
    ]);
  });
});
