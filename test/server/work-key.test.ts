// Work folds only into work about the very same targets: anything else would leave an event unanswered.
import { describe, expect, it } from 'vitest';
import { workKey } from '../../src/server/gate-delivery.ts';

const repo = { owner: 'acme', repo: 'rocket' };
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('workKey', () => {
  it('is the same for the same targets, and differs for any other', () => {
    const keys = [
      workKey(repo, { kind: 'numbers', numbers: [7] }),
      workKey(repo, { kind: 'numbers', numbers: [8] }),
      workKey(repo, { kind: 'head-sha', sha: A }),
      workKey(repo, { kind: 'head-sha', sha: B }),
      workKey(repo, { kind: 'merge-group', headSha: A, baseSha: B, base: 'main' }),
      workKey(repo, { kind: 'all-open' }),
      workKey({ owner: 'acme', repo: 'other' }, { kind: 'numbers', numbers: [7] }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(workKey(repo, { kind: 'head-sha', sha: A })).toBe(keys[2]);
    expect(workKey(repo, { kind: 'numbers', numbers: [7] })).toBe(keys[0]);
  });
});
