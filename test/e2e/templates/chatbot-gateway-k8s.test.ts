// The chatbot-gateway-k8s template ("ClawdBot Production Deployment Checklist") drives a
// release PR of a chatbot gateway from blocked to ready: the staging deployment, the replication
// lag a CI job recorded, a certificate the runner reads from a local TLS server, and GitHub's
// clock inside the maintenance window.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTlsServer } from '../../probes/local-servers.ts';
import { useTrustedCa } from '../../probes/trusted-ca.ts';
import { issueCommentEvent, pullRequestTargetEvent } from '../../support/payloads.ts';
import type { ActionResult } from '../../support/run-action.ts';
import { logOf, REPO, useReleaseWorlds, type ReleaseWorld } from '../release-world.ts';
import { deployHead, grantDeploymentsRead, recordFigure, replacePlaceholders } from './live-evidence.ts';

const newWorld = useReleaseWorlds();
const ca = useTrustedCa();
const TEMPLATE = readFileSync(new URL('../../../templates/chatbot-gateway-k8s.yml', import.meta.url), 'utf8');

/** One fake person per role: one person fills one role on a PR. */
const PEOPLE = {
  'deployment-lead': 'alice',
  'security-lead': 'bob',
  'engineering-lead': 'carol',
  sre: 'erin',
  dba: 'frank',
} as const;

const POLICY = TEMPLATE.replaceAll('your-deployment-lead', PEOPLE['deployment-lead'])
  .replaceAll('your-security-lead', PEOPLE['security-lead'])
  .replaceAll('your-engineering-lead', PEOPLE['engineering-lead'])
  .replaceAll('your-sre-on-call', PEOPLE.sre)
  .replaceAll('your-dba', PEOPLE.dba);

const SECURITY = { inputs: { 'security-token': 'ghs_security' } };

const CI_JOBS = [
  'build',
  'lint',
  'unit-tests',
  'integration-tests',
  'api-compat',
  'sast',
  'dast',
  'container-scan',
  'auth-tests',
  'migration-dry-run',
  'smoke-tests',
  'perf-tests',
];

const PR_BODY = `Release 1.4.0 of the gateway. Change ticket: CHG0012345.

## Rollback plan
\`kubectl rollout undo deployment/clawdbot-gateway -n clawdbot-prod\`, then restore the 0042 migration's down script. About 10 minutes.

## Communication plan
#releases 24h ahead, status page for customers.

## Current deployment state
clawdbot/gateway:v1.3.2, 6 replicas.

## Deployment team
Deployment lead alice, engineering lead carol, security engineer bob, SRE on-call erin.

## Baseline metrics
Error rate 0.04%, latency p95 310 ms.

## Dashboards
https://grafana.example.com/d/gateway

## Rollback triggers
Error rate > 5% (or 2x baseline), latency p95 > 2000 ms (or 3x baseline).
`;

async function gate(world: ReleaseWorld, action: 'opened' | 'synchronize' | 'labeled' = 'opened') {
  return world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, action), SECURITY);
}

async function comment(world: ReleaseWorld, user: string, body: string) {
  const { id } = world.fake.addComment(REPO, world.pr, { user, body });
  return world.gate('issue_comment', issueCommentEvent(world.fake, id, 'created'), SECURITY);
}

/** A world whose public host is a local TLS server the runner trusts, and whose gate may read deployments. */
async function newGatewayWorld(): Promise<ReleaseWorld> {
  const api = await startTlsServer(ca().certificates.valid);
  const world = await newWorld({ policy: replacePlaceholders(POLICY, { 'host: api.clawdbot.example.com,': `host: 127.0.0.1, port: ${api.port},` }), run: { env: ca().env } });
  grantDeploymentsRead(world);
  world.fake.addUser(PEOPLE.dba);
  world.fake.addToken('ghs_security', {
    actor: 'github-actions[bot]',
    kind: 'app',
    permissions: { vulnerability_alerts: 'read', secret_scanning_alerts: 'read', security_events: 'read' },
  });
  return world;
}

/** The "mark one" choices and the reviews: what the labels decide. */
const LABELLED = ['deployment-type', 'risk-level', 'peer-review', 'peer-review-high-risk', 'deployment-strategy'];

/** The reported outcome (and fix) of each check in LABELLED. */
function labelled(result: ActionResult): Record<string, string> {
  const report = JSON.parse(result.outputs['report']!) as { checks: { id: string; outcome: string; fix: string | null }[] };
  return Object.fromEntries(report.checks.filter((check) => LABELLED.includes(check.id)).map((check) => [check.id, check.fix ? `${check.outcome}: ${check.fix}` : check.outcome]));
}

const coverage = (world: ReleaseWorld, sha: string, description: string) =>
  world.fake.addStatus(REPO, sha, { context: 'release-readiness/coverage', state: 'success', description, creator: 'github-actions[bot]' });

describe('template chatbot-gateway-k8s', () => {
  it('goes from blocked to ready: CI, scans, coverage, staging, documents, PR description, labels, every role and the maintenance window', async () => {
    const world = await newGatewayWorld();
    let result = await gate(world);
    expect(result.exitCode, logOf(result)).toBe(0);
    expect(world.gateStatuses()[0]!.state).toBe('failure');
    // No label yet: every release marks its type, risk level and strategy, and is reviewed.
    expect(labelled(result)).toMatchObject({
      'deployment-type': 'fail: Add one of: type-feature, type-hotfix, type-security-patch, type-config-change.',
      'risk-level': 'fail: Add one of: risk-low, risk-medium, risk-high, risk-critical.',
      'peer-review': expect.stringMatching(/^pending/),
      'peer-review-high-risk': 'skipped',
      'deployment-strategy': 'fail: Add one of: strategy-blue-green, strategy-canary, strategy-rolling, strategy-recreate.',
    });
    let body = world.gateComments()[0]!.body!;
    for (const section of [
      'Quick Reference',
      '1.1 Code Quality & Testing',
      '1.2 Security Validation',
      '1.3 Infrastructure & Environment',
      '1.4 Compliance & Documentation',
      '2.1 Pre-Deployment Backup',
      '2.2 Environment Preparation',
      '2.3 Team Coordination',
      '2.4 Monitoring & Alerting',
      '3.2 Pre-Deployment Checks',
    ]) {
      expect(body).toContain(`#### ${section} — `);
    }
    // 3.1 "Mark one": the strategy applies once its label is on the PR.
    expect(body).toContain('- the PR has none of the labels `strategy-canary`: ');
    expect(body).toContain('Rollback plan documented (revert strategy, estimated time)');
    expect(body).toContain('no `## Rollback plan` section');
    // A release that touches no component: the appendices and the dba do not apply.
    expect(body).toContain('no changed file matches `src/gateway/**`');
    for (const role of ['deployment-lead', 'security-lead', 'engineering-lead', 'sre']) expect(body).toContain(`\`/signoff ${role}\` by `);
    expect(body).toMatch(/\*\*dba\*\* \| 1 of \[frank\]\(https:\/\/github\.com\/frank\) \| Does not apply: no changed file matches `db\/migrations\/\*\*`/);

    // The release: a feature of the gateway with a migration, high risk, rolled out as a canary.
    world.fake.pushToPullRequest(REPO, world.pr, {
      'src/gateway/router.ts': 'export const routes = ["/v1/agents"];\n',
      'db/migrations/0042_add_index.up.sql': 'CREATE INDEX sessions_user ON sessions (user_id);\n',
      'db/migrations/0042_add_index.down.sql': 'DROP INDEX sessions_user;\n',
      'CHANGELOG.md': '## 1.4.0\n- Faster agent routing\n',
      'docs/runbooks/deployment.md': '# Deployment runbook\n',
      'docs/runbooks/escalation.md': '# Escalation path\n',
      'docs/runbooks/incident-response.md': '# Incident response\n',
    });
    world.fake.setPullRequest(REPO, world.pr, { body: PR_BODY });
    world.fake.addLabel(REPO, world.pr, 'type-feature');
    world.fake.addLabel(REPO, world.pr, 'risk-high');
    world.fake.addLabel(REPO, world.pr, 'strategy-canary');
    for (const name of CI_JOBS) world.fake.addCheckRun(REPO, world.head(), { name, status: 'completed', conclusion: 'success' });
    deployHead(world, 'staging');
    recordFigure(world, 'migration-replication-lag', 2.5, 's');
    coverage(world, world.fake.branchSha(REPO, 'release/1.4'), '84.0% of lines (lcov) · 840/1000');
    coverage(world, world.head(), '85.0% of lines (lcov) · 850/1000');

    result = await gate(world, 'synchronize');
    expect(result.exitCode, logOf(result)).toBe(0);
    // High risk: two approvals are needed.
    expect(labelled(result)).toMatchObject({
      'deployment-type': 'pass',
      'risk-level': 'pass',
      'peer-review': expect.stringMatching(/^pending/),
      'peer-review-high-risk': expect.stringMatching(/^pending/),
      'deployment-strategy': 'pass',
    });
    world.fake.addReview(REPO, world.pr, { user: 'alice', state: 'APPROVED' });
    world.fake.addReview(REPO, world.pr, { user: 'bob', state: 'APPROVED' });
    await gate(world, 'synchronize');
    // GitHub's clock says Saturday: outside the maintenance window (Tue-Thu 09:00-16:00 UTC).
    expect(world.gateStatuses()[0]).toMatchObject({
      state: 'pending',
      description: 'Waiting for 5 sign-offs (deployment-lead, security-lead, engineering-lead, sre, dba) and the release window',
    });
    body = world.gateComments()[0]!.body!;
    expect(body).toContain('A.1 ClawdBot Gateway Deployment');
    expect(body).toContain('A.4 Database Migration');
    // The live evidence: the deployment job's record, the figure a CI job recorded, the certificate the runner read.
    expect(body).toContain('| ✅ | Staging deployment successful (production-like environment) | Deployed to [`staging`](https://staging.example.com) by [deploy-app[bot]]');
    expect(body).toContain('| ✅ | Replication lag acceptable | replication lag 2.5 s (max 10 s) from [`release-readiness/metric/migration-replication-lag`]');
    expect(body).toMatch(/\| ✅ \| SSL\/TLS certificates valid \(expiry > 30 days\) \| .*certificate valid until \d{4}-\d{2}-\d{2}: \d+ days left \(31 required\)/);

    for (const [role, user] of Object.entries(PEOPLE)) {
      result = await comment(world, user, `/signoff ${role}`);
      expect(result.exitCode, logOf(result)).toBe(0);
    }
    // Everything is in, but the release merges only inside the window: the gate says when it opens.
    expect(result.outputs['state']).toBe('pending');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending', description: 'Waiting for the release window' });
    expect(world.gateComments()[0]!.body).toContain('next opens Tue 2026-11-24 09:00 UTC');

    // Tuesday 09:30 UTC by GitHub's clock: the hourly scheduled run finds the window open.
    world.fake.clock.advance(Date.parse('2026-11-24T09:30:00Z') / 1000 - world.fake.clock.epochSeconds());
    result = await world.gate('schedule', { schedule: '17 * * * *' }, SECURITY);
    expect(result.exitCode, logOf(result)).toBe(0);
    expect(world.gateStatuses()[0]!.state).toBe('success');
    expect(world.gateComments()[0]!.body).toContain('✅ Ready to release');
  });

  it('a high vulnerability blocks until the security lead accepts it with a risk exception', async () => {
    const world = await newGatewayWorld();
    world.fake.addCodeScanningAlert(REPO, {
      ref: `refs/pull/${world.pr}/merge`,
      ruleId: 'CVE-2026-0001',
      ruleSeverity: 'error',
      securitySeverityLevel: 'high',
      toolName: 'Trivy',
    });
    // Its type, risk level and strategy marked, so that the status is about the alert.
    for (const label of ['type-hotfix', 'risk-medium', 'strategy-rolling']) world.fake.addLabel(REPO, world.pr, label);
    await gate(world);
    expect(world.gateComments()[0]!.body).toMatch(/No critical or high vulnerabilities \(or accepted with risk exception\) \| 1 open code-scanning alert/);
    expect(world.gateStatuses()[0]!.description).toContain('1 code-scanning alert');
    // Static analysis is CodeQL's: the container scanner's finding does not fail it.
    expect(world.gateStatuses()[0]!.description).not.toContain('static-analysis');

    await comment(world, PEOPLE['security-lead'], '/waive no-high-vulnerabilities risk exception RISK-42: base image CVE, not reachable');
    expect(world.gateComments()[0]!.body).toMatch(/No critical or high vulnerabilities \(or accepted with risk exception\) \| Waived by bob/);
    expect(world.gateStatuses()[0]!.description).not.toContain('code-scanning alert');
  });
});
