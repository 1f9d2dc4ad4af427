import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { checkRun, comment, FORBIDDEN, gateStatus, POLICY, review, snapshot, status, type SnapshotOptions } from './builders.ts';
import { toMarkdown } from '../../src/core/render/rich-markdown.ts';

const signedOff = [comment('alice', '/signoff security'), comment('carol', '/signoff sre')];
const approved = [review('alice', 'APPROVED'), review('bob', 'APPROVED')];
const ready: SnapshotOptions = { reviews: approved, comments: signedOff };

describe('evaluate: gate state', () => {
  it.each<[string, SnapshotOptions, string, RegExp]>([
    ['everything green and signed', ready, 'success', /^Ready: 3 checks pass, 2 sign-offs in$/],
    ['CI still running', { ...ready, checkRuns: [checkRun('build'), checkRun('test', 'in_progress', null)] }, 'pending', /^Waiting for CI$/],
    ['CI queued', { ...ready, checkRuns: [checkRun('test', 'queued', null)] }, 'pending', /^Waiting for CI$/],
    ['CI failed', { ...ready, checkRuns: [checkRun('build'), checkRun('test', 'completed', 'failure')] }, 'failure', /^Blocked: 1 CI job failing$/],
    ['CI timed out', { ...ready, checkRuns: [checkRun('test', 'completed', 'timed_out')] }, 'failure', /^Blocked: 1 CI job failing$/],
    ['CI cancelled', { ...ready, checkRuns: [checkRun('test', 'completed', 'cancelled')] }, 'failure', /^Blocked: 1 CI job failing$/],
    ['neutral and skipped pass', { ...ready, checkRuns: [checkRun('lint', 'completed', 'neutral'), checkRun('e2e', 'completed', 'skipped')] }, 'success', /Ready/],
    ['no CI at all yet', { ...ready, checkRuns: [], statuses: [] }, 'pending', /^Waiting for CI$/],
    ['a failing legacy status', { ...ready, statuses: [status('jenkins', 'failure'), gateStatus()] }, 'failure', /^Blocked: 1 CI job failing$/],
    ['the latest status per context wins', { ...ready, statuses: [status('jenkins', 'success'), status('jenkins', 'failure'), gateStatus()] }, 'success', /Ready/],
    ['the gate’s own job is not CI', { ...ready, checkRuns: [checkRun('build'), checkRun('release-readiness', 'in_progress', null)] }, 'success', /Ready/],
    ['one approval of two', { ...ready, reviews: [review('alice', 'APPROVED')] }, 'pending', /^Waiting for 1 more approval$/],
    ['changes requested', { ...ready, reviews: [...approved, review('erin', 'CHANGES_REQUESTED')] }, 'failure', /changes requested/],
    ['sign-off missing', { ...ready, comments: [comment('carol', '/signoff sre')] }, 'pending', /^Waiting for 1 sign-off \(security\)$/],
    ['check runs unreadable', { ...ready, sources: { checkRuns: FORBIDDEN } }, 'error', /Cannot evaluate: cannot read check runs/],
  ])('%s → %s', (_name, options, state, description) => {
    const result = evaluate(snapshot(options));
    expect(result.state).toBe(state);
    expect(result.description).toMatch(description);
    expect(result.description.length).toBeLessThanOrEqual(140);
  });

  it('a failure outranks a pending item, an unreadable source outranks both', () => {
    const failing = evaluate(snapshot({ checkRuns: [checkRun('test', 'completed', 'failure')] }));
    expect(failing.state).toBe('failure');
    expect(failing.description).toBe('Blocked: 1 CI job failing; waiting for 2 sign-offs (security, sre) and 2 approvals');
    const unreadable = evaluate(snapshot({ checkRuns: [checkRun('test', 'completed', 'failure')], sources: { reviews: FORBIDDEN } }));
    expect(unreadable.state).toBe('error');
    expect(unreadable.problems).toHaveLength(1);
  });

  it('one unreadable source affects only the checks that need it', () => {
    const result = evaluate(snapshot({ ...ready, sources: { checkRuns: FORBIDDEN } }));
    expect(result.checks.map((c) => [c.id, c.outcome])).toEqual([
      ['ci', 'unknown'],
      ['reviews', 'pass'],
      ['on-call', 'pass'],
    ]);
    expect(toMarkdown(result.checks[0]!.fix ?? [])).toContain('checks: read');
  });

  it('without comments no sign-off can be trusted', () => {
    const result = evaluate(snapshot({ ...ready, sources: { comments: FORBIDDEN } }));
    expect(result.state).toBe('error');
    expect(result.roles.every((role) => role.outcome === 'unknown')).toBe(true);
  });
});

describe('evaluate: which PRs the gate applies to', () => {
  const policy = POLICY.replace('  branches: ["release/**"]', '  branches: ["release/**"]\n  labels: [release]\n  title: "^Release "');
  it.each<[string, SnapshotOptions, boolean]>([
    ['base branch matches', { pr: { base: { ref: 'release/2.0', sha: 'b'.repeat(40) }, title: 'x' } }, true],
    ['label matches', { pr: { base: { ref: 'main', sha: 'b'.repeat(40) }, title: 'x', labels: ['release'] } }, true],
    ['title matches', { pr: { base: { ref: 'main', sha: 'b'.repeat(40) }, title: 'Release 2.0' } }, true],
    ['nothing matches', { pr: { base: { ref: 'main', sha: 'b'.repeat(40) }, title: 'Fix typo', labels: ['docs'] } }, false],
  ])('%s → applies: %s', (_name, options, applies) => {
    const result = evaluate(snapshot({ ...options, policy }));
    expect(result.applies).toBe(applies);
    if (!applies) {
      expect(result.state).toBe('success');
      expect(result.description).toBe('Not a release pull request: the readiness gate does not apply');
    }
  });

  it('gates every PR when there are no release rules', () => {
    const result = evaluate(snapshot({ policy: POLICY.replace('release:\n  branches: ["release/**"]\n', ''), pr: { base: { ref: 'main', sha: 'b'.repeat(40) } } }));
    expect(result.applies).toBe(true);
  });
});

describe('evaluate: policy problems fail closed', () => {
  it('an invalid readiness.yml is an error with line and column', () => {
    const result = evaluate(snapshot({ ...ready, policy: POLICY.replace('reviews: { min: 2 }', 'reviews: { min: two }') }));
    expect(result.state).toBe('error');
    expect(result.configErrors).toEqual([{ line: 15, col: 21, path: 'checks[1].reviews.min', message: 'expected number, got string `two`' }]);
    expect(result.description).toBe('Invalid readiness.yml: .github/readiness.yml:15:21: checks[1].reviews.min: expected number, got string `two`');
  });

  it('an unreadable policy is an error', () => {
    const base = snapshot(ready);
    const result = evaluate({ ...base, policy: { ok: false, problem: { what: '.github/readiness.yml on `release/1.4`', message: 'there is no `.github/readiness.yml` on the base branch `release/1.4`', fix: 'Commit it.' } } });
    expect(result.state).toBe('error');
    expect(result.applies).toBe(true);
    expect(result.description).toMatch(/^Cannot evaluate: there is no/);
  });
});
