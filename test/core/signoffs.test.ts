import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import type { CommentFact } from '../../src/core/evidence/snapshot.ts';
import { COMMENT_MARKER } from '../../src/core/markers/gate-comments.ts';
import { comment, gateStatus, HEAD, snapshot } from './builders.ts';
import { toMarkdown } from '../../src/core/render/rich-markdown.ts';

function signoffsFor(comments: CommentFact[], statuses = [gateStatus('2026-11-21T09:00:00Z')]) {
  const result = evaluate(snapshot({ comments, statuses }));
  const role = (name: string) => result.roles.find((r) => r.role === name)!;
  return { result, security: role('security'), sre: role('sre'), rejected: result.ledger.filter((e) => !e.counts) };
}

describe('sign-offs: who counts', () => {
  it('a member of the role signs it off, and gets a reaction', () => {
    const signoff = comment('alice', 'Looks good.\n/signoff security reviewed the auth changes');
    const { security, result } = signoffsFor([signoff]);
    expect(security.outcome).toBe('pass');
    expect(security.signatures).toEqual([{ login: 'alice', at: signoff.createdAt, commentUrl: signoff.htmlUrl, note: 'reviewed the auth changes', commit: HEAD, boundBy: 'activity' }]);
    expect(result.reactTo).toEqual([signoff.id]);
  });

  it('does not react twice', () => {
    const { result } = signoffsFor([comment('alice', '/signoff security', undefined, { plusOneReactions: 1 })]);
    expect(result.reactTo).toEqual([]);
  });

  it.each<[string, CommentFact, RegExp]>([
    ['the PR author', comment('dave', '/signoff security'), /dave opened this pull request and cannot sign off security/],
    ['an outsider', comment('mallory', '/signoff security'), /mallory is not in role security/],
    ['a bot', comment('dependabot[bot]', '/signoff security'), /comes from a bot/],
    ['a quote', comment('alice', '> /signoff security'), /inside a quote/],
    ['a code block', comment('alice', '```\n/signoff security\n```'), /inside code/],
    ['an edited comment', comment('alice', '/signoff security', '2026-11-21T09:30:00Z', { updatedAt: '2026-11-21T09:31:00Z' }), /edited after it was posted/],
    ['an unknown role', comment('alice', '/signoff securty'), /there is no role `securty` \(roles: security, sre\)/],
    ['a sign-off older than the head', comment('alice', '/signoff security', '2026-11-21T08:59:59Z'), /it was given on eeeeeee; aaaaaaa was pushed at 2026-11-21 09:00 UTC, and the files changed since: sign off again/],
    ['a sign-off in the same second as the push', comment('alice', '/signoff security', '2026-11-21T09:00:00Z'), /it was given on eeeeeee; aaaaaaa was pushed/],
  ])('%s does not count, and is listed', (_name, given, reason) => {
    const { security, rejected } = signoffsFor([given]);
    expect(security.outcome).toBe('pending');
    expect(security.signatures).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(toMarkdown(rejected[0]!.reason)).toMatch(reason);
    expect(rejected[0]!.commentUrl).toBe(given.htmlUrl);
  });

  it('a stale sign-off is shown as stale', () => {
    const { security } = signoffsFor([comment('alice', '/signoff security', '2026-11-21T08:00:00Z')]);
    expect(security.stale.map((s) => s.login)).toEqual(['alice']);
  });

  it('the gate’s own comment is never read for commands', () => {
    const own = comment('github-actions[bot]', `${COMMENT_MARKER}\n/signoff security`);
    const { rejected, security } = signoffsFor([own]);
    expect(rejected).toEqual([]);
    expect(security.outcome).toBe('pending');
  });
});

describe('sign-offs: cancel and repeat', () => {
  it('/signoff cancel withdraws the commenter’s own sign-off', () => {
    const { security, result } = signoffsFor([
      comment('alice', '/signoff security', '2026-11-21T09:10:00Z'),
      comment('alice', '/signoff cancel security', '2026-11-21T09:20:00Z'),
    ]);
    expect(security.outcome).toBe('pending');
    expect(result.ledger.map((e) => e.counts)).toEqual([true, true]);
  });

  it('cannot withdraw someone else’s sign-off', () => {
    const { security, rejected } = signoffsFor([
      comment('alice', '/signoff security', '2026-11-21T09:10:00Z'),
      comment('bob', '/signoff cancel security', '2026-11-21T09:20:00Z'),
    ]);
    expect(security.outcome).toBe('pass');
    expect(toMarkdown(rejected[0]!.reason)).toBe('bob has no sign-off for security to withdraw');
  });

  it('signing again after a cancel counts', () => {
    const { security } = signoffsFor([
      comment('alice', '/signoff security', '2026-11-21T09:10:00Z'),
      comment('alice', '/signoff cancel security', '2026-11-21T09:20:00Z'),
      comment('alice', '/signoff security', '2026-11-21T09:30:00Z'),
    ]);
    expect(security.outcome).toBe('pass');
  });

  it('min counts distinct people', () => {
    const policy = 'version: 1\nsignoffs:\n  security:\n    users: [alice, bob]\n    min: 2\n';
    const result = evaluate(snapshot({ policy, comments: [comment('alice', '/signoff security', '2026-11-21T09:10:00Z'), comment('alice', '/signoff security', '2026-11-21T09:20:00Z')] }));
    expect(result.roles[0]!.outcome).toBe('pending');
    expect(result.roles[0]!.signatures).toHaveLength(1);
  });
});
