// The agent-governance template ("Production Deployment Checklist" of an AI-agent governance
// toolkit) on a sample release PR: blocked when opened, ready once the policies, documents,
// CI jobs and the figures they record, the staging deployment, a health endpoint that answers,
// the PR description and the four roles' sign-offs are in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTrustedCa } from '../../probes/trusted-ca.ts';
import { logOf, REPO, useReleaseWorlds, type ReleaseWorld } from '../release-world.ts';
import { deployHead, grantDeploymentsRead, recordFigure, replacePlaceholders, startHealthEndpoint } from './live-evidence.ts';

const newWorld = useReleaseWorlds();
const ca = useTrustedCa();

const TEMPLATE = readFileSync(new URL('../../../templates/agent-governance.yml', import.meta.url), 'utf8');

/** The template with its placeholder users replaced by the fake's users, one person per role. */
const POLICY = TEMPLATE.replaceAll('[your-governance-owner]', '[alice]')
  .replaceAll('[your-security-lead]', '[bob]')
  .replaceAll('[your-sre-lead]', '[carol]')
  .replaceAll('[your-compliance-officer]', '[erin]');

/** The jobs whose names the template's `ci` includes expect. */
const JOBS = ['integration-test', 'policy-tests', 'policy-lint', 'escalation-tests', 'trust-score-tests', 'redaction-tests'];

/** What the benchmark, the load test and the configuration job measured, as each records it. */
const FIGURES: [id: string, value: number, unit: string][] = [
  ['performance-tested', 4.2, 'ms'],
  ['load-tested', 180, 'req/s'],
  ['load-test-2x', 240, 'req/s'],
  ['audit-retention-compliance', 7, 'years'],
  ['retention-policy', 7, 'years'],
];

/** A world whose staging health check is a local server the runner trusts, and whose gate may read deployments. */
async function governanceWorld(): Promise<ReleaseWorld> {
  const health = await startHealthEndpoint(ca().certificates.valid);
  const world = await newWorld({ policy: replacePlaceholders(POLICY, { 'https://staging.example.com': health.origin }), run: { env: ca().env } });
  grantDeploymentsRead(world);
  return world;
}

const FILES = {
  'policies/support-agent.yml': 'agent: support-agent\nallow: ["read:ticket", "update:ticket"]\ndeny: ["delete:*", "update:payment_info"]\n',
  '.github/CODEOWNERS': '/policies/ @acme/ai-governance\n',
  'docs/runbook.md': '# Runbook: support-agent\n',
  'docs/policy.md': '# What support-agent can and cannot do\n',
  'docs/escalation-workflow.md': '# Escalations: who reviews, how to approve\n',
  'docs/incident-response.md': '# Incident response: trust score drops\n',
  'docs/recovery.md': '# Recovery procedures\n',
};

const BODY = `Release 1.4.0 of support-agent.

## Rollout plan
10% of traffic, monitor 4 hours, 50%, monitor 4 hours, 100%.

## Rollback plan
Disable the agent with its feature flag, then redeploy 1.3.0 (blue-green switch back).
`;

/** CI on the head: the jobs, the figures they recorded, and the release deployed to staging. */
function greenCi(world: ReleaseWorld, failing: string[] = []): void {
  for (const name of JOBS) {
    world.fake.addCheckRun(REPO, world.head(), { name, status: 'completed', conclusion: failing.includes(name) ? 'failure' : 'success' });
  }
  for (const [id, value, unit] of FIGURES) recordFigure(world, id, value, unit);
  deployHead(world, 'staging');
}

describe('templates/agent-governance.yml', () => {
  it('names placeholder users only, which the test replaced', () => {
    expect(TEMPLATE).toMatch(/users: \[your-/);
    expect(POLICY).not.toMatch(/users: \[your-/);
  });

  it('takes a release PR from blocked to ready', async () => {
    const world = await governanceWorld();
    let result = await world.gateOnPullRequest();
    expect(result.outputs['state'], logOf(result)).toBe('failure');
    expect(world.gateStatuses()[0]!.state).toBe('failure');
    let body = world.gateComments()[0]!.body!;
    for (const section of [
      'Pre-Deployment / Policies',
      'Pre-Deployment / Testing',
      'Infrastructure / Security',
      'Operational Readiness / Documentation',
      'Launch / Deployment',
      'Red Flags - Do NOT Deploy If',
      'Sample Timeline / Day -3: Final Preparations',
    ]) {
      expect(body).toContain(section);
    }
    // Nothing after the merge is a check: the launch day, Day 1, success metrics.
    expect(body).not.toContain('Monitor for 4 hours');
    expect(body).not.toContain('Uptime');
    // Nothing measured or deployed yet; the health endpoint answers from the start.
    expect(body).toContain('| ⏳ | Performance tested (measure overhead: should be <10ms) | Waiting for overhead: no overhead recorded on');
    expect(body).toContain('| ⏳ | Deploy to staging environment | No deployment of');
    expect(body).toMatch(/\| ✅ \| Health check endpoint exposed \(`\/health` → `agent\.healthCheck\(\)`\) \| `https:\/\/127\.0\.0\.1:\d+\/health`: answered 200 in \d+ ms/);

    world.fake.pushToPullRequest(REPO, world.pr, FILES);
    world.fake.setPullRequest(REPO, world.pr, { body: BODY });
    greenCi(world);
    result = await world.gateOnPullRequest('synchronize');
    expect(result.outputs['state'], logOf(result)).toBe('pending');
    expect(world.gateStatuses()[0]!.description).toBe('Waiting for 4 sign-offs (governance, security, sre, compliance)');
    body = world.gateComments()[0]!.body!;
    // The HIPAA item applies only to a release labelled `phi`.
    expect(body).toContain('not apply');
    // The figures as the jobs recorded them, and the deployment job's record.
    expect(body).toContain('| ✅ | Performance tested (measure overhead: should be <10ms) | overhead 4.2 ms (max 10 ms) from [`release-readiness/metric/performance-tested`]');
    expect(body).toContain('| ✅ | Load test at 2x expected traffic | throughput at 2x expected traffic 240 req/s (min 200 req/s) from');
    expect(body).toContain('| ✅ | Audit retention meets compliance (7 years for SOC2/HIPAA) | audit log retention 7 years (min 7 years) from');
    expect(body).toContain('| ✅ | Deploy to staging environment | Deployed to [`staging`](https://staging.example.com) by [deploy-app[bot]]');

    await world.comment('alice', '/signoff governance');
    await world.comment('bob', '/signoff security');
    await world.comment('carol', '/signoff sre');
    ({ result } = await world.comment('erin', '/signoff compliance'));
    expect(result.outputs['state'], world.gateComments()[0]!.body!).toBe('success');
    expect(world.gateStatuses()[0]!.state).toBe('success');
    expect(world.gateComments()[0]!.body).toContain('✅ Ready to release');
  });

  it('a failing integration test blocks, as the checklist and its red flag say', async () => {
    const world = await governanceWorld();
    world.fake.pushToPullRequest(REPO, world.pr, FILES);
    world.fake.setPullRequest(REPO, world.pr, { body: BODY });
    world.fake.addLabel(REPO, world.pr, 'phi');
    greenCi(world, ['integration-test']);
    const result = await world.gateOnPullRequest('synchronize');
    expect(result.outputs['state'], logOf(result)).toBe('failure');
    const body = world.gateComments()[0]!.body!;
    expect(body).toMatch(/❌ \| Integration test passes \(`node test\/integration-test\.js`\)/);
    expect(body).toMatch(/❌ \| Integration tests failing/);
    // Labelled `phi`: the HIPAA item applies (it is the template's only conditional item).
    expect(body).toMatch(/HIPAA requirements verified \(if handling PHI\)/);
    expect(body).not.toContain('not apply');
  });
});
