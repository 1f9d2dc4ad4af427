import { describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../fake-github/index.ts';
import { issueCommentEvent } from '../support/payloads.ts';
import { logOf, REPO, useReleaseWorlds } from './release-world.ts';

const newWorld = useReleaseWorlds();

interface Case {
  check: string;
  /** Makes the world meet the check; without it, the check is missed. */
  meet: (fake: FakeGitHub, pr: number, head: string) => void;
  /** Makes the world miss it (when missing needs more than doing nothing). */
  miss?: (fake: FakeGitHub, pr: number, head: string) => void;
}

const CASES: Record<string, Case> = {
  'coverage from another tool': {
    check: 'coverage: { min: 80, from: codecov/project }',
    meet: (fake, _pr, head) => fake.addStatus(REPO, head, { context: 'codecov/project', state: 'success', description: '81.20% (+0.02%) compared to 3f2a1b0', creator: 'dependabot[bot]' }),
    miss: (fake, _pr, head) => fake.addStatus(REPO, head, { context: 'codecov/project', state: 'success', description: '79.90% (-0.40%) compared to 3f2a1b0', creator: 'dependabot[bot]' }),
  },
  dependabot: {
    check: 'dependabot: { severity: high }',
    meet: (fake) => fake.addDependabotAlert(REPO, { severity: 'medium', packageName: 'minimist' }),
    miss: (fake) => fake.addDependabotAlert(REPO, { severity: 'high', packageName: 'minimist' }),
  },
  secret_scanning: {
    check: 'secret_scanning: {}',
    meet: (fake) => fake.addSecretScanningAlert(REPO, { secretType: 'aws_access_key_id', state: 'resolved', resolution: 'revoked' }),
    miss: (fake) => fake.addSecretScanningAlert(REPO, { secretType: 'aws_access_key_id' }),
  },
  code_scanning: {
    check: 'code_scanning: { severity: high }',
    meet: (fake, pr) => fake.addCodeScanningAlert(REPO, { ref: `refs/pull/${pr}/merge`, ruleId: 'js/unused-local-variable', ruleSeverity: 'note' }),
    miss: (fake, pr) => fake.addCodeScanningAlert(REPO, { ref: `refs/pull/${pr}/merge`, ruleId: 'js/sql-injection', ruleSeverity: 'error', securitySeverityLevel: 'critical' }),
  },
  'files exist': { check: 'files: { exists: ["docs/runbook.md"] }', meet: (fake, pr) => fake.pushToPullRequest(REPO, pr, { 'docs/runbook.md': '# Runbook\n' }) },
  'files changed': { check: 'files: { changed: ["CHANGELOG.md"] }', meet: (fake, pr) => fake.pushToPullRequest(REPO, pr, { 'CHANGELOG.md': '## 1.4.0\n' }) },
  'PR description': {
    check: 'pr_body: { sections: ["Rollback plan"], matches: "CHG-[0-9]+" }',
    meet: (fake, pr) => fake.setPullRequest(REPO, pr, { body: 'CHG-7\n\n## Rollback plan\nRedeploy 1.3.\n' }),
    miss: (fake, pr) => fake.setPullRequest(REPO, pr, { body: 'CHG-7\n\n## Rollback plan\n<!-- fill me -->\n' }),
  },
  labels: {
    check: 'labels: { all: ["risk-reviewed"], none: ["do-not-merge"] }',
    meet: (fake, pr) => fake.addLabel(REPO, pr, 'risk-reviewed'),
    miss: (fake, pr) => {
      fake.addLabel(REPO, pr, 'risk-reviewed');
      fake.addLabel(REPO, pr, 'do-not-merge');
    },
  },
};

async function evaluateWith(kind: string, met: boolean) {
  const { check, meet, miss } = CASES[kind]!;
  const world = await newWorld({ policy: `version: 1\nchecks:\n  - id: item\n    name: Item\n    ${check}\n` });
  world.fake.addToken('ghs_security', { actor: 'github-actions[bot]', kind: 'app', permissions: { vulnerability_alerts: 'read', secret_scanning_alerts: 'read', security_events: 'read' } });
  (met ? meet : miss)?.(world.fake, world.pr, world.head());
  const { id } = world.fake.addComment(REPO, world.pr, { user: 'erin', body: 'Re-check please.' });
  const result = await world.gate('issue_comment', issueCommentEvent(world.fake, id, 'created'), { inputs: { 'security-token': 'ghs_security' } });
  expect(result.exitCode, logOf(result)).toBe(0);
  return { state: world.gateStatuses()[0]!.state, body: world.gateComments()[0]!.body! };
}

describe('each kind of evidence, met and missed, over HTTP', () => {
  it.each(Object.keys(CASES))('%s: met → success', async (kind) => {
    const { state, body } = await evaluateWith(kind, true);
    expect(state, body).toBe('success');
  });

  it.each(Object.keys(CASES))('%s: missed → failure', async (kind) => {
    const { state, body } = await evaluateWith(kind, false);
    expect(state, body).toBe('failure');
    expect(body).toContain('❌ | Item |');
  });
});

describe('when: labels', () => {
  it.each<[string, string[], string]>([
    ['applies with the label', ['database'], 'failure'],
    ['does not apply without it', [], 'success'],
  ])('%s', async (_name, labels, state) => {
    const world = await newWorld({ policy: 'version: 1\nchecks:\n  - id: dba\n    name: Migration reviewed\n    labels: { all: [dba-approved] }\n    when: { labels: [database] }\n' });
    for (const label of labels) world.fake.addLabel(REPO, world.pr, label);
    await world.gateOnPullRequest('opened');
    expect(world.gateStatuses()[0]!.state).toBe(state);
    if (state === 'success') expect(world.gateComments()[0]!.body).toContain('Does not apply: the PR has none of the labels `database`');
  });
});
