// The agent-governance template ("Production Deployment Checklist" of an AI-agent governance
// toolkit) on a sample release PR: blocked when opened, ready once the policies, documents,
// CI jobs, PR description and the four roles' sign-offs are in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logOf, REPO, useReleaseWorlds, type ReleaseWorld } from '../release-world.ts';

const newWorld = useReleaseWorlds();

const TEMPLATE = readFileSync(new URL('../../../templates/agent-governance.yml', import.meta.url), 'utf8');

/** The template with its placeholder users replaced by the fake's users, one person per role. */
const POLICY = TEMPLATE.replaceAll('[your-governance-owner]', '[alice]')
  .replaceAll('[your-security-lead]', '[bob]')
  .replaceAll('[your-sre-lead]', '[carol]')
  .replaceAll('[your-compliance-officer]', '[erin]');

/** The jobs whose names the template's `ci` includes expect. */
const JOBS = ['integration-test', 'policy-tests', 'escalation-tests', 'trust-score-tests', 'performance', 'deploy-staging'];

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

function greenCi(world: ReleaseWorld, failing: string[] = []): void {
  for (const name of JOBS) {
    world.fake.addCheckRun(REPO, world.head(), { name, status: 'completed', conclusion: failing.includes(name) ? 'failure' : 'success' });
  }
}

describe('templates/agent-governance.yml', () => {
  it('names placeholder users only, which the test replaced', () => {
    expect(TEMPLATE).toMatch(/users: \[your-/);
    expect(POLICY).not.toMatch(/users: \[your-/);
  });

  it('takes a release PR from blocked to ready', async () => {
    const world = await newWorld({ policy: POLICY });
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

    world.fake.pushToPullRequest(REPO, world.pr, FILES);
    world.fake.setPullRequest(REPO, world.pr, { body: BODY });
    greenCi(world);
    result = await world.gateOnPullRequest('synchronize');
    expect(result.outputs['state'], logOf(result)).toBe('pending');
    expect(world.gateStatuses()[0]!.description).toBe('Waiting for 4 sign-offs (governance, security, sre, compliance)');
    body = world.gateComments()[0]!.body!;
    // The HIPAA item applies only to a release labelled `phi`.
    expect(body).toContain('not apply');

    await world.comment('alice', '/signoff governance');
    await world.comment('bob', '/signoff security');
    await world.comment('carol', '/signoff sre');
    ({ result } = await world.comment('erin', '/signoff compliance'));
    expect(result.outputs['state'], world.gateComments()[0]!.body!).toBe('success');
    expect(world.gateStatuses()[0]!.state).toBe('success');
    expect(world.gateComments()[0]!.body).toContain('✅ Ready to release');
  });

  it('a failing integration test blocks, as the checklist and its red flag say', async () => {
    const world = await newWorld({ policy: POLICY });
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
