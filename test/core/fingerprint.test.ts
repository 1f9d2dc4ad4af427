import { describe, expect, it } from 'vitest';
import { fingerprintMaterial, changingSources } from '../../src/core/fingerprint/evidence-fingerprint.ts';
import { FINGERPRINT_MAX_AGE_MS, judgementHolds, nextFingerprint, type HoldingFacts } from '../../src/core/fingerprint/fingerprint-holds.ts';
import type { EvidenceSnapshot, StatusFact } from '../../src/core/evidence/snapshot.ts';
import { evaluationTag, readEvaluationTag, type PublishedEvaluation } from '../../src/core/markers/evaluation-tag.ts';
import { COMMENT_MARKER, reminderMarker } from '../../src/core/markers/gate-comments.ts';
import { APP_GATE, alert, checkRun, comment, HEAD, review, SHARED_GATE, snapshot, status } from './builders.ts';

const DIGEST = 'd'.repeat(64);
const OTHER = 'e'.repeat(64);
const at = (time: string) => `2026-11-21T${time}Z`;

describe('fingerprintMaterial: equal exactly when the evidence that can change without a new head is equal', () => {
  const base = snapshot({ comments: [comment('alice', '/signoff security')], reviews: [review('bob', 'APPROVED')] });
  const material = (change: (s: EvidenceSnapshot) => void): string => {
    const copy = structuredClone(base);
    change(copy);
    return fingerprintMaterial(copy, '1.0.0');
  };
  const same = fingerprintMaterial(base, '1.0.0');
  const sources = (s: EvidenceSnapshot) => s.sources as Required<EvidenceSnapshot['sources']>;
  const value = <T>(readable: { ok: boolean; value?: T } | undefined) => (readable as { value: T }).value;

  const changes: [string, (s: EvidenceSnapshot) => void][] = [
    ['a new head', (s) => (s.pullRequest.head.sha = 'f'.repeat(40))],
    ['an edited title', (s) => (s.pullRequest.title = 'Release 1.4.1')],
    ['an edited description', (s) => (s.pullRequest.body = '## Rollback plan')],
    ['a label', (s) => s.pullRequest.labels.push('release')],
    ['draft', (s) => (s.pullRequest.draft = true)],
    ['a retargeted base', (s) => (s.pullRequest.base.ref = 'main')],
    ['an edited policy', (s) => s.policy.ok && (s.policy.value.text += '\n# more')],
    ['a new comment', (s) => value<unknown[]>(sources(s).comments).push(comment('carol', '/signoff sre'))],
    ['an edited comment', (s) => (value<{ updatedAt: string }[]>(sources(s).comments)[0]!.updatedAt = at('11:00:00'))],
    ['a deleted comment', (s) => value<unknown[]>(sources(s).comments).pop()],
    ['a finished check run', (s) => (value<{ conclusion: string | null }[]>(sources(s).checkRuns)[0]!.conclusion = 'failure')],
    ['a CI status', (s) => value<StatusFact[]>(sources(s).statuses).unshift(status('ci/jenkins', 'success'))],
    ['a review', (s) => value<unknown[]>(sources(s).reviews).push(review('carol', 'CHANGES_REQUESTED'))],
    ['a new Dependabot alert', (s) => (s.sources.dependabotAlerts = { ok: true, value: [alert(1, 'critical')] })],
    ['a source that could not be read', (s) => (s.sources.checkRuns = { ok: false, problem: { what: 'check runs', message: 'GitHub answered 500', fix: 'Re-run.' } })],
  ];
  it.each(changes)('differs after %s', (_name, change) => {
    expect(material(change)).not.toBe(same);
  });

  const traces: [string, (s: EvidenceSnapshot) => void][] = [
    ['the gate rewrote its living comment', (s) => value<unknown[]>(sources(s).comments).push(comment(SHARED_GATE.login, `${COMMENT_MARKER}\nbody`))],
    ['the gate posted a reminder', (s) => value<unknown[]>(sources(s).comments).push(comment(SHARED_GATE.login, `${reminderMarker(['sre'])}\n⏰`))],
    ['the gate reacted 👍 to a command', (s) => (value<{ plusOneReactions: number }[]>(sources(s).comments)[0]!.plusOneReactions = 1)],
    ['the gate set its status', (s) => value<StatusFact[]>(sources(s).statuses).unshift(status('release-readiness', 'success', { creator: { login: SHARED_GATE.login, type: 'Bot' } }))],
    ["the gate's own job ran", (s) => value<unknown[]>(sources(s).checkRuns).push(checkRun('release-readiness', 'in_progress', null))],
    ['the changed files were read (they follow from the head)', (s) => (s.sources.changedFiles = { ok: true, value: { files: [], truncated: false } })],
    ['the lookups were read (covered by the head and the expiry)', (s) => (s.lookups = {})],
  ];
  it.each(traces)('is the same after %s', (_name, change) => {
    expect(material(change)).toBe(same);
  });

  it('differs for another version of the gate', () => {
    expect(fingerprintMaterial(base, '1.0.1')).not.toBe(same);
  });

  it('reads again only the sources that can change without a new head', () => {
    expect(changingSources(['changedFiles', 'checkRuns', 'comments', 'dependabotAlerts', 'headTree', 'reviews', 'statuses'])).toEqual(['checkRuns', 'comments', 'dependabotAlerts', 'reviews', 'statuses']);
  });
});

describe('nextFingerprint keeps an unchanged judgement as it was, so that the comment is not rewritten', () => {
  const previous = { digest: DIGEST, at: at('09:00:00'), until: null };
  const rows: [string, string, string, string | null, { digest: string; at: string; until: string | null }][] = [
    ['same evidence, an hour later', DIGEST, at('10:00:00'), null, previous],
    ['changed evidence', OTHER, at('10:00:00'), null, { digest: OTHER, at: at('10:00:00'), until: null }],
    ['a waiver now expires later', DIGEST, at('10:00:00'), at('12:00:00'), { digest: DIGEST, at: at('10:00:00'), until: at('12:00:00') }],
    ['same evidence, 6 hours later: judged afresh', DIGEST, at('15:00:00'), null, { digest: DIGEST, at: at('15:00:00'), until: null }],
    ['same evidence, a second under 6 hours', DIGEST, at('14:59:59'), null, previous],
  ];
  it.each(rows)('%s', (_name, digest, evaluatedAt, reconsiderAt, expected) => {
    expect(nextFingerprint(previous, digest, evaluatedAt, reconsiderAt)).toEqual(expected);
  });
  it('starts one when there was none', () => {
    expect(nextFingerprint(undefined, DIGEST, at('10:00:00'), null)).toEqual({ digest: DIGEST, at: at('10:00:00'), until: null });
  });
  it('expires after 6 hours', () => {
    expect(FINGERPRINT_MAX_AGE_MS).toBe(6 * 3_600_000);
  });
});

describe('judgementHolds: a scheduled run leaves a PR alone only on the gate’s own, current, standing judgement', () => {
  const published = (overrides: Partial<PublishedEvaluation> = {}): PublishedEvaluation => ({
    sha: HEAD,
    state: 'pending',
    description: 'Waiting for 1 sign-off (security)',
    fingerprint: { digest: DIGEST, at: at('09:00:00'), until: null },
    ...overrides,
  });
  const standing = (overrides: Partial<StatusFact> = {}) => status('release-readiness', 'pending', { description: 'Waiting for 1 sign-off (security)', creator: { login: SHARED_GATE.login, type: 'Bot' }, ...overrides });
  const facts = (overrides: Partial<HoldingFacts> = {}): HoldingFacts => ({
    published: published(),
    headSha: HEAD,
    digest: DIGEST,
    now: at('10:00:00'),
    statuses: [standing(), status('ci', 'success')],
    context: 'release-readiness',
    identity: SHARED_GATE,
    ...overrides,
  });
  const rows: [string, Partial<HoldingFacts>, true | string][] = [
    ['the same evidence, its status standing', {}, true],
    ['no living comment', { published: null }, 'no earlier judgement on record'],
    ['a living comment from before fingerprints', { published: { sha: HEAD, state: 'pending', description: 'x' } }, 'no earlier judgement on record'],
    ['a new head', { headSha: 'f'.repeat(40) }, 'a new head'],
    ['changed evidence', { digest: OTHER }, 'the evidence changed'],
    ['a waiver expired since', { published: published({ fingerprint: { digest: DIGEST, at: at('09:00:00'), until: at('09:30:00') } }) }, 'a waiver expired or a reminder fell due'],
    ['the expiry not yet reached', { published: published({ fingerprint: { digest: DIGEST, at: at('09:00:00'), until: at('10:00:01') } }) }, true],
    ['judged 6 hours ago', { now: at('15:00:00') }, 'judged more than 6 hours ago'],
    ['no status on the head', { statuses: [status('ci', 'success')] }, 'the status on the head is not the one the gate set'],
    ['a status from another account', { statuses: [standing({ creator: { login: 'mallory', type: 'User' } })] }, 'the status on the head is not the one the gate set'],
    ['a status saying something else (forged by a workflow)', { statuses: [standing({ state: 'success' })] }, 'the status on the head is not the one the gate set'],
    ['a success, while the token is shared', { published: published({ state: 'success', description: 'Ready' }), statuses: [standing({ state: 'success', description: 'Ready' })] }, 'a success is always judged again while the token is shared'],
    [
      'a success, from a token of its own',
      { identity: APP_GATE, published: published({ state: 'success', description: 'Ready' }), statuses: [standing({ state: 'success', description: 'Ready', creator: { login: APP_GATE.login, type: 'Bot' } })] },
      true,
    ],
  ];
  it.each(rows)('%s', (_name, overrides, expected) => {
    const holding = judgementHolds(facts(overrides));
    expect(holding).toEqual(expected === true ? { holds: true } : { holds: false, reason: expected });
  });
});

describe('the evaluation tag carries the fingerprint, and a broken one is dropped', () => {
  const tag = { sha: HEAD, state: 'failure', description: 'Blocked', fingerprint: { digest: DIGEST, at: at('09:00:00'), until: at('12:00:00') } };
  it('reads back what it wrote', () => {
    expect(readEvaluationTag(`${COMMENT_MARKER}\n${evaluationTag(tag)}`)).toEqual(tag);
  });
  const broken: [string, unknown][] = [
    ['a digest that is not hex', { digest: 'xyz', at: at('09:00:00'), until: null }],
    ['a time that is not a time', { digest: DIGEST, at: 'yesterday', until: null }],
    ['an until that is a number', { digest: DIGEST, at: at('09:00:00'), until: 5 }],
    ['not an object', 'abc'],
  ];
  it.each(broken)('%s', (_name, fingerprint) => {
    const body = `<!-- release-readiness:evaluation ${JSON.stringify({ sha: HEAD, state: 'failure', description: 'Blocked', fingerprint })} -->`;
    expect(readEvaluationTag(body)).toEqual({ sha: HEAD, state: 'failure', description: 'Blocked' });
  });
});
