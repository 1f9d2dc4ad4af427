import { describe, expect, it } from 'vitest';
import { readinessRecord, recordJson } from '../../../src/core/record/readiness-record.ts';
import type { ReadinessStatement } from '../../../src/core/record/readiness-statement.ts';
import { EARLIER, HEAD, PR_URL } from '../builders.ts';
import { evaluationOf, NOT_READY, POLICY_BLOB, READY, type Case } from './ready-snapshots.ts';

const CONTEXT = { gateVersion: '1.2.3', runUrl: 'https://github.com/acme/rocket/actions/runs/42' };
const recordOf = (item: Case) => readinessRecord(item.snapshot, evaluationOf(item), CONTEXT);
const byName = (name: string) => {
  const item = READY.find((candidate) => candidate.name === name)!;
  return { item, record: recordOf(item)! };
};

describe('the readiness record', () => {
  it.each(READY.map((item) => [item.name, item] as const))('%s: an in-toto Statement about the head commit', (_name, item) => {
    const record = recordOf(item);
    expect(evaluationOf(item).state).toBe('success');
    expect(record).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'acme/rocket@refs/pull/7/head', digest: { gitCommit: HEAD } }],
      predicateType: 'https://github.com/acme/release-readiness/readiness-record/v1',
      predicate: {
        evaluatedAt: '2026-11-21T10:00:00Z',
        state: 'success',
        repository: 'acme/rocket',
        pullRequest: { number: 7, url: PR_URL, base: { ref: 'release/1.4', sha: 'b'.repeat(40) }, head: { ref: 'prepare-1.4', sha: HEAD, repository: 'acme/rocket' } },
        policy: { path: '.github/readiness.yml', ref: 'release/1.4', digest: { gitBlob: POLICY_BLOB } },
        gate: { id: 'https://github.com/acme/release-readiness', version: '1.2.3', statusContext: 'release-readiness', runUrl: CONTEXT.runUrl },
      },
    });
  });

  it.each(NOT_READY.map((item) => [item.name, item] as const))('%s: none', (_name, item) => {
    expect(recordOf(item)).toBeNull();
  });

  it('names every check with its evidence in words and the records it rests on, with their writers', () => {
    const { record } = byName('everything in, on the head');
    expect(record.predicate.checks).toEqual([
      {
        id: 'ci',
        name: 'CI/CD pipeline passed',
        required: true,
        outcome: 'pass',
        role: null,
        evidence: '2 passed on aaaaaaa',
        sources: [
          { kind: 'check run', name: 'build', url: expect.stringMatching(/^https:\/\/github\.com\/acme\/rocket\/runs\/\d+$/), writer: 'github-actions[bot]' },
          { kind: 'check run', name: 'test', url: expect.stringMatching(/^https:\/\/github\.com\/acme\/rocket\/runs\/\d+$/), writer: 'github-actions[bot]' },
        ],
        waiver: null,
      },
      {
        id: 'reviews',
        name: 'Code peer-reviewed',
        required: true,
        outcome: 'pass',
        role: null,
        evidence: expect.stringMatching(/^Approved by alice \(.+\), bob \(.+\)$/),
        sources: [
          { kind: 'review', name: 'approved', url: expect.stringContaining(`${PR_URL}#pullrequestreview-`), writer: 'alice' },
          { kind: 'review', name: 'approved', url: expect.stringContaining(`${PR_URL}#pullrequestreview-`), writer: 'bob' },
        ],
        waiver: null,
      },
      {
        id: 'on-call',
        name: 'On-call engineers alerted',
        required: true,
        outcome: 'pass',
        role: 'sre',
        evidence: 'Attested by carol (sre)',
        sources: [{ kind: 'sign-off', name: 'sre', url: expect.stringContaining(`${PR_URL}#issuecomment-`), writer: 'carol' }],
        waiver: null,
      },
    ]);
    expect(record.predicate.gate).toMatchObject({ writesAs: 'github-actions[bot]', sharedIdentity: true });
    expect(record.predicate.description).toBe('Ready: 3 checks pass, 2 sign-offs in');
  });

  it.each<[string, { login: string; commit: string; boundBy: string; carriedOver: string | null }]>([
    ['everything in, on the head', { login: 'alice', commit: HEAD, boundBy: 'activity', carriedOver: null }],
    ['a sign-off given on an earlier commit with the same files', { login: 'alice', commit: EARLIER, boundBy: 'activity', carriedOver: 'the files are unchanged since eeeeeee' }],
    ['as an App, the head not in the record of pushes yet: bound by the gate’s own first status', { login: 'alice', commit: HEAD, boundBy: 'gate status', carriedOver: null }],
  ])('%s: each sign-off with the commit it was bound to, and how', (name, expected) => {
    const { record } = byName(name);
    const security = record.predicate.signoffs.find((role) => role.role === 'security')!;
    expect(security).toMatchObject({ outcome: 'pass', min: 1, because: null });
    expect(security.signatures).toEqual([{ ...expected, at: expect.any(String), commentUrl: expect.stringContaining('#issuecomment-'), note: '' }]);
  });

  it('a waived check: the waiver, who and why and until when, on the check and in the list', () => {
    const { record } = byName('a failing CI job waived by security');
    const waiver = { checkId: 'ci', by: 'bob', reason: 'flaky runner, OPS-12', at: '2026-11-21T09:45:00Z', commentUrl: expect.stringContaining('#issuecomment-'), expiresAt: '2026-11-22T09:45:00Z' };
    expect(record.predicate.checks[0]).toMatchObject({ id: 'ci', outcome: 'waived', sources: [], waiver });
    expect(record.predicate.waivers).toEqual([waiver]);
  });

  it('what did not apply says why; an advisory check names the figure and who recorded it', () => {
    const { record } = byName('a role and a check that do not apply');
    expect(record.predicate.signoffs.find((role) => role.role === 'dba')).toEqual({ role: 'dba', min: 1, outcome: 'skipped', because: expect.stringContaining('db/**'), signatures: [] });
    expect(record.predicate.checks.at(-1)).toMatchObject({
      id: 'coverage',
      required: false,
      outcome: 'pass',
      sources: [{ kind: 'status', name: 'release-readiness/coverage', url: 'https://github.com/acme/rocket/actions/runs/1', writer: 'github-actions[bot]' }],
    });
  });

  it('is deterministic: the same snapshot gives the same bytes, whatever was evaluated before', () => {
    for (const item of READY) {
      const again = structuredClone(item.snapshot);
      const first = recordJson(recordOf(item)!);
      expect(recordJson(readinessRecord(again, evaluationOf({ ...item, snapshot: again }), CONTEXT)!)).toBe(first);
      expect(first.endsWith('}\n')).toBe(true);
    }
  });

  it('the predicate file is the Statement’s predicate, alone', () => {
    const { record } = byName('everything in, on the head');
    const statement = JSON.parse(recordJson(record)) as ReadinessStatement;
    expect(JSON.parse(recordJson(record.predicate))).toEqual(statement.predicate);
  });
});
