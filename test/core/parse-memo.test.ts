import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { createParseMemo } from '../../src/core/evaluation/parse-memo.ts';
import type { EvidenceSnapshot } from '../../src/core/evidence/snapshot.ts';
import { COMMENT_MARKER } from '../../src/core/markers/gate-comments.ts';
import { changed, comment, defaultLookups, POLICY, review, snapshot } from './builders.ts';

const comments = [
  comment('alice', 'Looks good.\n/signoff security'),
  comment('carol', '/signoff sre paged the on-call'),
  comment('mallory', '> /signoff security'),
  comment('bob', 'no command here'),
  // The gate's own comment is never read for commands, so never parsed.
  comment('github-actions[bot]', `${COMMENT_MARKER}\n/signoff security`),
];
const PEOPLE = 4;

/** The rounds of one gate run: the first evidence, then each follow-up round's lookups added. */
function rounds(): EvidenceSnapshot[] {
  const first = snapshot({ comments, reviews: [review('alice', 'APPROVED'), review('bob', 'APPROVED')], lookups: {} });
  const { pushRecord, commitAuthors, commitTrees, permissions } = defaultLookups();
  return [first, { ...first, lookups: { pushRecord, commitAuthors, permissions } }, { ...first, lookups: { pushRecord, commitAuthors, permissions, commitTrees } }];
}

describe('a ParseMemo parses each text once per run', () => {
  it('three rounds of one PR: one parse of readiness.yml, one per comment, and the same results as without a memo', () => {
    const memo = createParseMemo();
    const run = rounds();
    const results = run.map((round) => evaluate(round, memo));
    expect(memo.counts).toEqual({ configs: 1, comments: PEOPLE });
    expect(results).toEqual(run.map((round) => evaluate(round)));
    // The rounds did matter: the first one asked for what the later ones brought.
    expect(results[0]!.followUps.length).toBeGreaterThan(0);
    expect(results[2]!.state).toBe('success');
  });

  it('an edited comment is parsed again; an unchanged one is not', () => {
    const memo = createParseMemo();
    const [first] = rounds();
    evaluate(first!, memo);
    const edited = { ...comments[1]!, body: '/signoff cancel sre', updatedAt: '2026-11-21T09:45:00Z' };
    evaluate({ ...first!, sources: { ...first!.sources, comments: { ok: true, value: [comments[0]!, edited, ...comments.slice(2)] } } }, memo);
    expect(memo.counts).toEqual({ configs: 1, comments: PEOPLE + 1 });
  });

  it('the PR’s own readiness.yml is parsed through the memo too', () => {
    const memo = createParseMemo();
    const head = POLICY.replace('reviews: { min: 2 }', 'reviews: { min: 1 }');
    const round = snapshot({ sources: { changedFiles: changed('.github/readiness.yml') }, lookups: { ...defaultLookups(), headPolicy: { ok: true, value: head } } });
    const results = [evaluate(round, memo), evaluate(round, memo)];
    expect(memo.counts.configs).toBe(2);
    expect(results[1]!.policyChange?.effects).toHaveLength(1);
  });
});
