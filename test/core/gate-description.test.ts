import { describe, expect, it } from 'vitest';
import { gateDescription, gateState, MAX_DESCRIPTION } from '../../src/core/evaluation/gate-state.ts';
import type { CheckResult } from '../../src/core/model/check-result.ts';
import { code, link, rich } from '../../src/core/model/rich-text.ts';
import type { RoleResult } from '../../src/core/model/role-result.ts';

let next = 0;

/** A check result as a check kind gives it: only what the description reads. */
function check(outcome: CheckResult['outcome'], blocker?: string, extra: Partial<CheckResult> = {}): CheckResult {
  next += 1;
  return { id: `check-${next}`, name: `Check ${next}`, required: true, outcome, summary: rich`…`, ...(blocker === undefined ? {} : { blocker }), ...extra };
}

/** A CI check failing on these jobs, as ci-check.ts gives it. */
function failingCi(...jobs: string[]): CheckResult {
  const items = jobs.map((job) => rich`${link(job, `https://github.com/acme/rocket/runs/${job}`, { code: true })}`);
  return check('fail', 'CI failing', { todos: [{ by: { kind: 'ci' }, action: rich`Fix or re-run on ${code('aaaaaaa')}`, items }] });
}

function role(name: string, outcome: 'pass' | 'pending', min = 1, signed = 0): RoleResult {
  const signatures = Array.from({ length: signed }, (_, index) => ({ login: `signer-${index}`, at: '2026-11-21T09:30:00Z', commentUrl: '', note: '', commit: null, boundBy: 'activity' as const }));
  return { role: name, outcome, min, users: [], teams: [], permission: null, signatures, stale: [] };
}

const pending = (...names: string[]) => names.map((name) => role(name, 'pending'));

describe('the status description', () => {
  it.each<[string, CheckResult[], RoleResult[], string]>([
    // Ready: what passed, in counts that agree with their nouns.
    ['ready', [check('pass'), check('pass'), check('skipped')], [role('security', 'pass'), role('sre', 'pass')], 'Ready: 2 checks pass, 2 sign-offs in'],
    ['ready, one check, one sign-off', [check('pass')], [role('security', 'pass')], 'Ready: 1 check passes, 1 sign-off in'],
    ['ready, no roles', [check('pass'), check('pass')], [], 'Ready: 2 checks pass'],
    // Pending: "Waiting for", sign-offs first (people must act), then the rest in the policy's order.
    ['sign-offs and CI', [check('pending', 'CI')], pending('security-lead', 'sre', 'dba'), 'Waiting for 3 sign-offs (security-lead, sre, dba) and CI'],
    ['one sign-off', [check('pass')], pending('sre'), 'Waiting for 1 sign-off (sre)'],
    ['a role that needs two people', [check('pass')], [role('security', 'pending', 2, 1), role('sre', 'pending', 2)], 'Waiting for 3 sign-offs (security, sre)'],
    ['approvals, CI and coverage', [check('pending', '2 approvals'), check('pending', 'CI'), check('pending', 'coverage')], [], 'Waiting for 2 approvals, CI and coverage'],
    ['the same awaited thing once', [check('pending', 'CI'), check('pending', 'CI'), check('pending', 'CI')], [], 'Waiting for CI'],
    ['a sign-off item adds nothing to its role', [check('pending')], pending('sre'), 'Waiting for 1 sign-off (sre)'],
    ['an advisory check never blocks', [check('fail', 'docs missing', { required: false }), check('pending', 'CI')], [], 'Waiting for CI'],
    // Failure: what fails, then what is awaited.
    ['failing CI jobs are counted across CI checks, each once', [failingCi('build', 'test'), failingCi('test'), check('pending', '1 more approval')], [], 'Blocked: 2 CI jobs failing; waiting for 1 more approval'],
    ['one failing job', [failingCi('build')], [], 'Blocked: 1 CI job failing'],
    ['failures in the policy’s order', [check('fail', 'PR description incomplete'), failingCi('lint'), check('fail', 'PR description incomplete')], pending('sre'), 'Blocked: PR description incomplete, 1 CI job failing; waiting for 1 sign-off (sre)'],
    ['alerts and coverage', [check('fail', '1 Dependabot alert'), check('fail', 'coverage 76.5%, below 80%')], [], 'Blocked: 1 Dependabot alert, coverage 76.5%, below 80%'],
    // Error: what cannot be read comes first, as the fault tests expect it.
    ['unreadable evidence', [check('unknown', 'cannot read check runs of aaaaaaa'), check('unknown', 'cannot read sre sign-off')], [], 'Cannot evaluate: cannot read check runs of aaaaaaa; cannot read sre sign-off'],
    ['unreadable, then the rest', [check('unknown', 'cannot read reviews'), failingCi('build')], pending('sre'), 'Cannot evaluate: cannot read reviews; 1 CI job failing; waiting for 1 sign-off (sre)'],
    ['a role that cannot be decided', [check('pass')], [{ ...role('sre', 'pending'), outcome: 'unknown', because: rich`no record` }], 'Cannot evaluate: cannot read sre sign-off'],
  ])('%s', (_name, checks, roles, expected) => {
    const description = gateDescription(gateState(checks, roles), checks, roles);
    expect(description).toBe(expected);
  });

  describe('fits 140 characters without cutting a word', () => {
    const roles = pending('deployment-lead', 'security-lead', 'engineering-lead', 'sre', 'dba');

    it('names every role when they fit', () => {
      const description = gateDescription('pending', [check('pending', 'CI'), check('pending', '2 approvals'), check('pending', 'coverage')], roles);
      expect(description).toBe('Waiting for 5 sign-offs (deployment-lead, security-lead, engineering-lead, sre, dba), CI, 2 approvals and coverage');
    });

    it('then three of them', () => {
      const description = gateDescription('pending', [check('pending', 'CI'), check('pending', '2 more approvals'), check('pending', 'coverage from codecov/project/total')], roles);
      expect(description).toBe('Waiting for 5 sign-offs (deployment-lead, security-lead, engineering-lead, …), CI, 2 more approvals and coverage from codecov/project/total');
    });

    it('names fewer roles before it drops a blocker', () => {
      const description = gateDescription('failure', [check('fail', 'docs/runbooks/deployment.md missing'), check('pending', 'CI'), check('pending', '2 approvals')], roles);
      expect(description).toBe('Blocked: docs/runbooks/deployment.md missing; waiting for 5 sign-offs (deployment-lead, security-lead, …), CI and 2 approvals');
      expect(description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    });

    it('then names the first blockers and counts the rest', () => {
      const failing = ['docs/runbooks/deployment.md missing', 'docs/runbooks/escalation.md missing', 'CHANGELOG.md not changed', 'PR description incomplete', 'coverage 76.5%, below 80%'];
      const description = gateDescription('failure', [...failing.map((blocker) => check('fail', blocker)), check('pending', 'CI')], roles);
      expect(description).toBe('Blocked: docs/runbooks/deployment.md missing, docs/runbooks/escalation.md missing, CHANGELOG.md not changed (+4 more)');
      expect(description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    });

    it('cuts only what no shorter wording fits', () => {
      const description = gateDescription('failure', [check('fail', `${'a-very-long-file-name/'.repeat(8)}runbook.md missing`)], []);
      expect(description).toHaveLength(MAX_DESCRIPTION);
      expect(description.endsWith('…')).toBe(true);
    });

    it('is the same text for the same results', () => {
      const checks = [failingCi('build', 'test'), check('fail', 'PR description incomplete'), check('pending', '1 more approval')];
      expect(gateDescription('failure', checks, roles)).toBe(gateDescription('failure', [...checks], [...roles]));
    });
  });
});
