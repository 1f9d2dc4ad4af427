import { describe, expect, it } from 'vitest';
import { lookupReader } from '../../../src/core/evidence/lookups.ts';
import type { GateIdentity, Lookups, StatusFact } from '../../../src/core/evidence/snapshot.ts';
import { bindToCommit, type Binding } from '../../../src/core/pushes/bind-to-commit.ts';
import { toMarkdown } from '../../../src/core/render/rich-markdown.ts';
import { APP_GATE, BASE, COMMENT_URL, EARLIER, forbidden, HEAD, push, pushRecord, SHARED_GATE, status } from '../builders.ts';

const OTHER = 'c'.repeat(40);
const NO_COMMIT = '0'.repeat(40);
const created = push(EARLIER, '2026-11-21T07:00:00Z', 'dave', NO_COMMIT, 'branch_creation');
const trees = (entries: Record<string, string>): Lookups['commitTrees'] => Object.fromEntries(Object.entries(entries).map(([sha, tree]) => [sha, { ok: true, value: tree }]));

interface Row {
  name: string;
  at: string;
  lookups: Lookups;
  identity?: GateIdentity;
  statuses?: StatusFact[];
  reopenOn?: string[];
  expected: { holds: boolean; commit?: string | null; boundBy?: Binding['boundBy']; carried?: string; reason?: RegExp | string; problem?: unknown };
}

const appStatus = (createdAt: string, url = COMMENT_URL) => status('release-readiness', 'pending', { createdAt, targetUrl: url, creator: { login: APP_GATE.login, type: 'Bot' } });

const rows: Row[] = [
  {
    name: 'given after the head was pushed: holds, bound by the activity record',
    at: '2026-11-21T09:30:00Z',
    lookups: { pushRecord: pushRecord(created, push(HEAD, '2026-11-21T09:00:00Z', 'dave', EARLIER)) },
    expected: { holds: true, commit: HEAD, boundBy: 'activity' },
  },
  {
    name: 'a PR opened by a bot that the gate never ran on: the record alone proves the push',
    at: '2026-11-21T09:30:00Z',
    lookups: { pushRecord: pushRecord(push(HEAD, '2026-11-21T06:00:00Z', 'release-bot[bot]', NO_COMMIT, 'branch_creation')) },
    statuses: [],
    expected: { holds: true, commit: HEAD, boundBy: 'activity' },
  },
  {
    name: 'given before the push, other files: stale with a true message',
    at: '2026-11-21T08:30:00Z',
    lookups: { pushRecord: pushRecord(created, push(HEAD, '2026-11-21T09:00:00Z', 'dave', EARLIER)), commitTrees: trees({ [EARLIER]: 't1', [HEAD]: 't2' }) },
    expected: { holds: false, commit: EARLIER, boundBy: 'activity', reason: 'it was given on eeeeeee; aaaaaaa was pushed at 2026-11-21 09:00 UTC, and the files changed since: sign off again' },
  },
  {
    name: 'given in the same second as the push: placed before it (fail closed)',
    at: '2026-11-21T09:00:00Z',
    lookups: { pushRecord: pushRecord(created, push(HEAD, '2026-11-21T09:00:00Z', 'dave', EARLIER)), commitTrees: trees({ [EARLIER]: 't1', [HEAD]: 't2' }) },
    expected: { holds: false, commit: EARLIER, boundBy: 'activity' },
  },
  {
    name: 'the head pushed, replaced and pushed again after the sign-off: stale',
    at: '2026-11-21T09:30:00Z',
    lookups: {
      pushRecord: pushRecord(created, push(HEAD, '2026-11-21T09:00:00Z', 'dave', EARLIER), push(OTHER, '2026-11-21T09:40:00Z', 'dave', HEAD, 'force_push'), push(HEAD, '2026-11-21T09:50:00Z', 'dave', OTHER, 'force_push')),
      commitTrees: trees({ [HEAD]: 't2', [OTHER]: 't3' }),
    },
    expected: { holds: false, commit: HEAD, boundBy: 'activity', reason: /aaaaaaa was replaced and pushed again at 2026-11-21 09:50 UTC/ },
  },
  {
    name: 'a force push with the same files: carried',
    at: '2026-11-21T08:30:00Z',
    lookups: { pushRecord: pushRecord(created, push(HEAD, '2026-11-21T09:00:00Z', 'dave', EARLIER, 'force_push')), commitTrees: trees({ [EARLIER]: 't1', [HEAD]: 't1' }) },
    expected: { holds: true, commit: EARLIER, boundBy: 'activity', carried: 'the files are unchanged since eeeeeee' },
  },
  {
    name: 'reopen_on untouched: carried',
    at: '2026-11-21T08:30:00Z',
    reopenOn: ['src/auth/**'],
    lookups: {
      pushRecord: pushRecord(created, push(HEAD, '2026-11-21T09:00:00Z', 'dave', EARLIER)),
      commitTrees: trees({ [EARLIER]: 't1', [HEAD]: 't2' }),
      comparisons: { [`${EARLIER}...${HEAD}`]: { ok: true, value: ['docs/notes.md'] } },
    },
    expected: { holds: true, commit: EARLIER, carried: 'nothing under `src/auth/**` differs from eeeeeee' },
  },
  {
    name: 'the record does not reach back to the command: stale, saying so',
    at: '2026-11-21T08:30:00Z',
    lookups: { pushRecord: pushRecord(push(HEAD, '2026-11-21T09:00:00Z', 'dave', EARLIER)) },
    expected: { holds: false, commit: null, boundBy: 'activity', reason: /record of pushes to `prepare-1.4` starts at 2026-11-21 09:00 UTC/ },
  },
  {
    name: 'the feed does not show the head yet, GITHUB_TOKEN: fails closed with the missing record',
    at: '2026-11-21T09:30:00Z',
    lookups: { pushRecord: pushRecord(created) },
    statuses: [appStatus('2026-11-21T09:01:00Z')],
    expected: { holds: false, commit: null, boundBy: 'none', reason: /does not show aaaaaaa pushed yet/, problem: expect.objectContaining({ fix: expect.stringMatching(/github-actions\[bot\]/) }) },
  },
  {
    name: 'the feed lags, App identity: the gate’s own first status bounds the push',
    at: '2026-11-21T09:30:00Z',
    identity: APP_GATE,
    lookups: { pushRecord: pushRecord(created) },
    statuses: [appStatus('2026-11-21T09:05:00Z'), appStatus('2026-11-21T09:01:00Z')],
    expected: { holds: true, commit: HEAD, boundBy: 'gate status' },
  },
  {
    name: 'unreadable feed, App identity, command before the gate’s first status: stale, naming the record',
    at: '2026-11-21T09:00:30Z',
    identity: APP_GATE,
    lookups: { pushRecord: forbidden('GitHub’s activity record of `prepare-1.4`') },
    statuses: [appStatus('2026-11-21T09:01:00Z')],
    expected: { holds: false, commit: null, boundBy: 'gate status', reason: /before the gate first evaluated aaaaaaa \(2026-11-21 09:01 UTC\).*activity record.*403/ },
  },
  {
    name: 'unreadable feed, App identity, its status links to another PR: fails closed',
    at: '2026-11-21T09:30:00Z',
    identity: APP_GATE,
    lookups: { pushRecord: forbidden('GitHub’s activity record of `prepare-1.4`') },
    statuses: [appStatus('2026-11-21T09:01:00Z', 'https://github.com/acme/rocket/pull/70#issuecomment-1')],
    expected: { holds: false, boundBy: 'none', problem: expect.objectContaining({ httpStatus: 403 }) },
  },
  {
    name: 'unreadable feed, GITHUB_TOKEN: a status written as github-actions[bot] proves nothing',
    at: '2026-11-21T09:30:00Z',
    lookups: { pushRecord: forbidden('GitHub’s activity record of `prepare-1.4`') },
    statuses: [status('release-readiness', 'pending', { createdAt: '2026-11-21T09:01:00Z', targetUrl: COMMENT_URL, creator: { login: 'github-actions[bot]', type: 'Bot' } })],
    expected: { holds: false, commit: null, boundBy: 'none', reason: /cannot be established: .*403/, problem: expect.objectContaining({ httpStatus: 403 }) },
  },
  {
    name: 'a branch deleted and re-created since: not carried',
    at: '2026-11-21T08:30:00Z',
    lookups: {
      pushRecord: pushRecord(created, push(NO_COMMIT, '2026-11-21T08:40:00Z', 'dave', EARLIER, 'branch_deletion'), push(HEAD, '2026-11-21T09:00:00Z', 'dave', NO_COMMIT, 'branch_creation')),
      commitTrees: trees({ [EARLIER]: 't1', [HEAD]: 't1' }),
    },
    expected: { holds: false, commit: EARLIER, reason: /the branch was deleted since/ },
  },
];

describe('binding a command to the commit it was given on', () => {
  it.each(rows)('$name', (row) => {
    const bound = bindToCommit(row.at, row.reopenOn ?? null, {
      headSha: HEAD,
      prNumber: 7,
      gate: { context: 'release-readiness', ownCheckNames: [], identity: row.identity ?? SHARED_GATE },
      headStatuses: row.statuses ?? [],
      lookups: lookupReader(row.lookups),
    });
    // The reasons as the living comment shows them.
    const binding = bound.holds ? { ...bound, carried: bound.carried && toMarkdown(bound.carried) } : { ...bound, reason: toMarkdown(bound.reason) };
    const { reason, ...rest } = row.expected;
    expect(binding).toMatchObject(rest);
    if (typeof reason === 'string') expect(binding).toHaveProperty('reason', reason);
    else if (reason) expect('reason' in binding && binding.reason).toMatch(reason);
    if (row.expected.holds === false && !('problem' in row.expected)) expect(binding).not.toHaveProperty('problem');
  });

  it('asks for the record of pushes when it is not at hand, and counts nothing meanwhile', () => {
    const lookups = lookupReader({});
    const binding = bindToCommit('2026-11-21T09:30:00Z', null, { headSha: HEAD, prNumber: 7, gate: { context: 'release-readiness', ownCheckNames: [], identity: SHARED_GATE }, headStatuses: [], lookups });
    expect(binding.holds).toBe(false);
    expect(lookups.missing()).toEqual([{ kind: 'pushRecord' }]);
  });

  it('never binds to BASE by accident: the base commit is not a head of the branch', () => {
    const binding = bindToCommit('2026-11-21T09:30:00Z', null, {
      headSha: BASE,
      prNumber: 7,
      gate: { context: 'release-readiness', ownCheckNames: [], identity: SHARED_GATE },
      headStatuses: [],
      lookups: lookupReader({ pushRecord: pushRecord(created, push(HEAD, '2026-11-21T09:00:00Z')) }),
    });
    expect(binding).toMatchObject({ holds: false, boundBy: 'none' });
  });
});
