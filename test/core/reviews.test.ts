import { describe, expect, it } from 'vitest';
import { latestVerdicts } from '../../src/core/checks/reviews-check.ts';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { review, snapshot } from './builders.ts';

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
    expect(reviews.summary).toMatch(/^Approved by \[alice\]\(.*\), \[bob\]\(.*\)$/);
  });

  it('the author approving their own PR does not reach the minimum', () => {
    const result = evaluate(snapshot({ reviews: [review('dave', 'APPROVED'), review('bob', 'APPROVED')] }));
    expect(result.checks.find((check) => check.id === 'reviews')!.outcome).toBe('pending');
  });
});
