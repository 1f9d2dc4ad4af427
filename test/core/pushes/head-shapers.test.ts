import { describe, expect, it } from 'vitest';
import { lookupReader } from '../../../src/core/evidence/lookups.ts';
import type { Lookups } from '../../../src/core/evidence/snapshot.ts';
import { toMarkdown } from '../../../src/core/render/rich-markdown.ts';
import { shapedHead } from '../../../src/core/pushes/head-shapers.ts';
import { EARLIER, forbidden, HEAD, push, pushRecord } from '../builders.ts';

const NO_COMMIT = '0'.repeat(40);
const moves = [push(EARLIER, '2026-11-21T07:00:00Z', 'dave', NO_COMMIT, 'branch_creation'), push(HEAD, '2026-11-21T09:00:00Z', 'Erin', EARLIER)];
const record = pushRecord(...moves);
const cutShort: Lookups['pushRecord'] = { ok: true, value: { ref: 'refs/heads/prepare-1.4', repository: 'acme/rocket', pushes: [...moves].reverse(), complete: false } };
const authors: Lookups['commitAuthors'] = { ok: true, value: { frank: EARLIER, dave: HEAD } };

describe('who shaped the head', () => {
  it.each<{ name: string; login: string; lookups: Lookups; expected: unknown }>([
    { name: 'someone who pushed to the branch (logins compare without case)', login: 'erin', lookups: { pushRecord: record, commitAuthors: authors }, expected: { shaped: true, how: 'pushed aaaaaaa to `prepare-1.4`' } },
    { name: 'the author of a commit', login: 'frank', lookups: { pushRecord: record, commitAuthors: authors }, expected: { shaped: true, how: 'wrote commit eeeeeee' } },
    { name: 'a bystander', login: 'alice', lookups: { pushRecord: record, commitAuthors: authors }, expected: { shaped: false } },
    {
      name: 'the record does not show the head yet: who pushed it is unknown',
      login: 'alice',
      lookups: { pushRecord: pushRecord(push(EARLIER, '2026-11-21T07:00:00Z')), commitAuthors: authors },
      expected: { shaped: 'unknown', problem: expect.objectContaining({ message: 'it does not show who pushed aaaaaaa yet' }) },
    },
    {
      name: 'a record longer than the gate reads',
      login: 'alice',
      lookups: { pushRecord: cutShort, commitAuthors: authors },
      expected: { shaped: 'unknown', problem: expect.objectContaining({ message: expect.stringMatching(/longer than the gate reads/) }) },
    },
    { name: 'an unreadable record', login: 'alice', lookups: { pushRecord: forbidden('the record'), commitAuthors: authors }, expected: { shaped: 'unknown', problem: expect.objectContaining({ httpStatus: 403 }) } },
    { name: 'unreadable commits', login: 'alice', lookups: { pushRecord: record, commitAuthors: forbidden('the authors') }, expected: { shaped: 'unknown', problem: expect.objectContaining({ httpStatus: 403 }) } },
  ])('$name', ({ login, lookups, expected }) => {
    const shaped = shapedHead(login, HEAD, lookupReader(lookups));
    // How they shaped it, as the living comment shows it.
    expect(shaped.shaped === true ? { ...shaped, how: toMarkdown(shaped.how) } : shaped).toEqual(expected);
  });

  it('asks for the record and the commits in one round', () => {
    const lookups = lookupReader({});
    expect(shapedHead('alice', HEAD, lookups).shaped).toBe('unknown');
    expect(lookups.missing()).toEqual([{ kind: 'pushRecord' }, { kind: 'commitAuthors' }]);
  });
});
