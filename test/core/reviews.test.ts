import { describe, expect, it } from 'vitest';
import { latestVerdicts } from '../../src/core/checks/reviews-check.ts';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { defaultLookups, forbidden, review, snapshot } from './builders.ts';
import { toMarkdown } from '../../src/core/render/rich-markdown.ts';

describe('reviews: the latest verdict of each reviewer', () => {
  it.each<[string, ReturnType<typeof review>[], string[]]>([
    ['approve then request changes', [review('alice', 'APPROVED', 't1'), review('alice', 'CHANGES_REQUESTED', 't2')], ['alice:CHANGES_REQUESTED']],
    ['request changes then approve', [review('alice', 'CHANGES_REQUESTED', 't1'), review('alice', 'APPROVED', 't2')], ['alice:APPROVED']],
    ['a comment keeps the approval', [review('alice', 'APPROVED', 't1'), review('alice', 'COMMENTED', 't2')], ['alice:APPROVED']],
    ['a dismissal clears it', [review('alice', 'APPROVED', 't1'), review('alice', 'DISMISSED', 't2')], ['alice:DISMISSED']],
    ['the author never counts', [review('dave', 'APPROVED', 't1'), review('bob', 'APPROVED', 't2')], ['bob:APPROVED']],
    ['order is by submission time, not list order', [review('alice', 'APPROVED', 't2'), review('alice', 'CHANGES_REQUESTED', 't1')], ['alice:APPROVED']],
  ])('%s', (_name, reviews, expected) => {
    const verdicts = [...latestVerdicts(reviews, 'dave').entries()].map(([login, r]) => `${login}:${r.state}`);
    expect(verdicts).toEqual(expected);
  });

  it('counts two distinct approvers and names them', () => {
    const result = evaluate(snapshot({ reviews: [review('alice', 'APPROVED'), review('alice', 'APPROVED'), review('bob', 'APPROVED')] }));
    const reviews = result.checks.find((check) => check.id === 'reviews')!;
    expect(reviews.outcome).toBe('pass');
    expect(toMarkdown(reviews.summary)).toMatch(/^Approved by \[alice\]\(.*\), \[bob\]\(.*\)$/);
  });

  it('the author approving their own PR does not reach the minimum', () => {
    const result = evaluate(snapshot({ reviews: [review('dave', 'APPROVED'), review('bob', 'APPROVED')] }));
    expect(result.checks.find((check) => check.id === 'reviews')!.outcome).toBe('pending');
  });
});

describe('reviews count as GitHub’s branch protection counts them', () => {
  const withPermissions = (permissions: Record<string, string>) => {
    const lookups = defaultLookups();
    lookups.permissions = { ...lookups.permissions, ...Object.fromEntries(Object.entries(permissions).map(([login, value]) => [login, { ok: true as const, value }])) };
    return lookups;
  };
  const reviewsOf = (reviews: ReturnType<typeof review>[], permissions: Record<string, string>) =>
    evaluate(snapshot({ reviews, lookups: withPermissions(permissions) })).checks.find((check) => check.id === 'reviews')!;

  it.each<[string, ReturnType<typeof review>[], Record<string, string>, string, RegExp]>([
    ['write, maintain and admin count', [review('alice', 'APPROVED'), review('bob', 'APPROVED')], { alice: 'maintain', bob: 'admin' }, 'pass', /^Approved by \[alice\].*\[bob\]/],
    ['an approval by a triage user does not count', [review('alice', 'APPROVED'), review('erin', 'APPROVED')], { erin: 'triage' }, 'pending', /1 of 2 approvals: \[alice\].* · \[erin\]\(.*\) did not count: erin has `triage` permission; GitHub counts reviews only from people with write access/],
    ['a change request by a read-only user does not block', [review('alice', 'APPROVED'), review('bob', 'APPROVED'), review('mallory', 'CHANGES_REQUESTED')], {}, 'pass', /mallory\]\(.*\) did not count: mallory has `read` permission/],
    ['a change request by a writer blocks', [review('alice', 'APPROVED'), review('bob', 'CHANGES_REQUESTED')], {}, 'fail', /^Changes requested by \[bob\]/],
    ['someone with no access at all', [review('alice', 'APPROVED'), review('bob', 'APPROVED'), review('zed', 'APPROVED')], { zed: 'none' }, 'pass', /zed has no permission/],
  ])('%s', (_name, reviews, permissions, outcome, summary) => {
    const check = reviewsOf(reviews, permissions);
    expect(check.outcome).toBe(outcome);
    expect(toMarkdown(check.summary)).toMatch(summary);
  });

  it('a permission that cannot be read makes the check unknown, and asks for every reviewer in one round', () => {
    const lookups = defaultLookups();
    lookups.permissions = { alice: forbidden('the repository permission of alice') };
    const result = evaluate(snapshot({ reviews: [review('alice', 'APPROVED'), review('bob', 'APPROVED')], lookups }));
    expect(result.checks.find((check) => check.id === 'reviews')!.outcome).toBe('unknown');
    expect(result.followUps).toContainEqual({ kind: 'permission', login: 'bob' });
  });
});
