// The trust-sidecar template (IATP's "Production Deployment Checklist") on a sample release PR:
// blocked when opened, ready once the documents, CI jobs (tests, and benchmarks with the
// figures they record), a health endpoint on staging that answers, PR description, deployment
// label, security alerts and the six roles' sign-offs are in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTrustedCa } from '../../probes/trusted-ca.ts';
import type { ActionResult } from '../../support/run-action.ts';
import { issueCommentEvent, pullRequestTargetEvent } from '../../support/payloads.ts';
import { logOf, REPO, useReleaseWorlds, type ReleaseWorld } from '../release-world.ts';
import { recordFigure, replacePlaceholders, startHealthEndpoint } from './live-evidence.ts';

const newWorld = useReleaseWorlds();
const ca = useTrustedCa();

const TEMPLATE = readFileSync(new URL('../../../templates/trust-sidecar.yml', import.meta.url), 'utf8');

/** The roles, each with the fake user that fills it: one person per role (distinct_signers). */
const SIGNERS = {
  security: ['your-security-lead', 'alice'],
  sre: ['your-sre-lead', 'bob'],
  performance: ['your-performance-owner', 'carol'],
  'deployment-lead': ['your-deployment-lead', 'erin'],
  'engineering-lead': ['your-engineering-lead', 'mallory'],
  compliance: ['your-compliance-officer', 'frank'],
} as const;

/** The template with its placeholder users replaced by the fake's users. */
const POLICY = Object.values(SIGNERS).reduce((policy, [placeholder, login]) => policy.replaceAll(`[${placeholder}]`, `[${login}]`), TEMPLATE);

/** The jobs whose names the template's `ci` includes expect (the Kubernetes option builds nothing extra). */
const JOBS = ['security-tests', 'privacy-tests', 'benchmark-python', 'benchmark-go', 'integration-tests', 'staging-tests'];

/** What the benchmark jobs measured, within the checklist's targets: [value, unit] by check id. */
const BENCHMARKS: Record<string, [value: number, unit: string | null]> = {
  'python-100-concurrent': [100, null],
  'python-latency': [6.8, 'ms'],
  'python-memory': [47.5, 'MB'],
  'go-10000-concurrent': [10000, null],
  'go-latency': [0.4, 'ms'],
  'go-memory': [9.2, 'MB'],
};

const FILES = {
  'agent/capability_manifest.py': 'manifest = CapabilityManifest(agent_id="production-agent-v1", trust_level=TrustLevel.TRUSTED)\n',
  'docs/runbook.md': '# Runbook: IATP sidecar\n',
  'docs/runbooks/failover.md': '# Failover: the agent without its sidecar\n',
  'docs/data-retention.md': '# Data retention: ephemeral, flight recorder logs 30 days\n',
  'docs/trust-score-methodology.md': '# How the trust score is calculated\n',
  'deploy/kubernetes/agent-deployment.yml': 'containers: [agent, iatp-sidecar]\n',
};

const BODY = `Release 1.4.0 of the agent with the IATP Go sidecar.

## Deployment method
Option 2: Kubernetes, the sidecar container in the agent's pod.

## Breaking changes
None: the IATP CHANGELOG.md lists no breaking change between 0.3 and 0.4.

## Rollback plan
Roll the deployment back to the previous ReplicaSet (agent 1.3.0, sidecar 0.3).
`;

const SECURITY = { inputs: { 'security-token': 'ghs_security' } };

/** The gate runs with a token that can read Dependabot and secret-scanning alerts. */
function gateOnPush(world: ReleaseWorld, action: 'opened' | 'synchronize' = 'synchronize'): Promise<ActionResult> {
  return world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, action), SECURITY);
}

async function signOff(world: ReleaseWorld, user: string, role: string): Promise<ActionResult> {
  const { id } = world.fake.addComment(REPO, world.pr, { user, body: `/signoff ${role}` });
  return world.gate('issue_comment', issueCommentEvent(world.fake, id, 'created'), SECURITY);
}

/** CI on the head: the jobs, and the figures the benchmark jobs recorded (`measured` replaces some). */
function greenCi(world: ReleaseWorld, failing: string[] = [], measured: Record<string, number> = {}): void {
  for (const name of JOBS) {
    world.fake.addCheckRun(REPO, world.head(), { name, status: 'completed', conclusion: failing.includes(name) ? 'failure' : 'success' });
  }
  for (const [id, [value, unit]] of Object.entries(BENCHMARKS)) recordFigure(world, id, measured[id] ?? value, unit);
}

/** A world whose sidecar on staging answers on a local server the runner trusts. */
async function securedWorld(): Promise<ReleaseWorld> {
  const health = await startHealthEndpoint(ca().certificates.valid);
  const world = await newWorld({ policy: replacePlaceholders(POLICY, { 'https://staging.example.com': health.origin }), run: { env: ca().env } });
  world.fake.addUser('frank');
  world.fake.addToken('ghs_security', {
    actor: 'github-actions[bot]',
    kind: 'app',
    permissions: { vulnerability_alerts: 'read', secret_scanning_alerts: 'read', security_events: 'read' },
  });
  return world;
}

describe('templates/trust-sidecar.yml', () => {
  it('names placeholder users only, which the test replaced', () => {
    expect(TEMPLATE).toMatch(/users: \[your-/);
    expect(POLICY).not.toMatch(/users: \[your-/);
  });

  it('takes a release PR from blocked to ready', async () => {
    const world = await securedWorld();
    const alert = world.fake.addDependabotAlert(REPO, { severity: 'high', packageName: 'httpx', summary: 'Request smuggling' });
    let result = await gateOnPush(world, 'opened');
    expect(result.outputs['state'], logOf(result)).toBe('failure');
    expect(world.gateStatuses()[0]!.state).toBe('failure');
    let body = world.gateComments()[0]!.body!;
    for (const section of [
      'Pre-Deployment / Security Review',
      'Pre-Deployment / Performance Testing / Go Sidecar (Recommended for Production)',
      'Pre-Deployment / Integration Testing',
      'Deployment / Choose Deployment Method',
      'Deployment / Monitoring Setup',
      'Security Hardening / Network Security',
      'Disaster Recovery / Sidecar Failure',
      'Compliance / Data Privacy',
      'Final Checklist',
    ]) {
      expect(body).toContain(section);
    }
    expect(body).toMatch(/1 open Dependabot alert at or above high/);
    // No deployment label yet: none of the three options' items apply.
    expect(body).toContain('not apply');
    // Nothing after the merge is a check: verification, load tests, troubleshooting, metrics.
    expect(body).not.toContain('Health check returns 200 OK');
    expect(body).not.toContain('Check agent URL is accessible');
    expect(body).not.toContain('Cost per request');
    // No figure recorded yet; the health endpoint on staging answers from the start.
    expect(body).toContain('| ⏳ | Measure latency overhead (<1ms expected) | Waiting for Go sidecar latency overhead: no Go sidecar latency overhead recorded on');
    expect(body).toMatch(/\| ✅ \| Test health check endpoint: `GET \/health` \| `https:\/\/127\.0\.0\.1:\d+\/health`: answered 200 in \d+ ms/);

    world.fake.setDependabotAlertState(REPO, alert, 'fixed');
    world.fake.pushToPullRequest(REPO, world.pr, { ...FILES, 'docs/deployment.md': '# Deploying the sidecar on Kubernetes\n' });
    world.fake.setPullRequest(REPO, world.pr, { body: BODY });
    world.fake.addLabel(REPO, world.pr, 'deploy:kubernetes');
    greenCi(world);
    result = await gateOnPush(world);
    expect(result.outputs['state'], logOf(result)).toBe('pending');
    expect(world.gateStatuses()[0]!.description).toMatch(/^Waiting for 6 sign-offs \(security, sre, performance, deployment-lead, engineering-lead, compliance\)/);
    body = world.gateComments()[0]!.body!;
    // Labelled deploy:kubernetes: the Kubernetes items apply, Docker Compose and the binary do not.
    expect(body).toContain('Create sidecar container in pod');
    expect(body).toContain('Use network policies (Kubernetes)');
    expect(body).toContain('not apply');
    // The benchmark jobs' figures, compared with the checklist's targets.
    expect(body).toContain('| ✅ | Measure latency overhead (<1ms expected) | Go sidecar latency overhead 0.4 ms (max 1 ms) from [`release-readiness/metric/go-latency`]');
    expect(body).toContain('| ✅ | Test with 10,000 concurrent requests | Go sidecar concurrent requests 10,000 (min 10,000) from');

    for (const [role, [, login]] of Object.entries(SIGNERS)) {
      result = await signOff(world, login, role);
      expect(result.exitCode, logOf(result)).toBe(0);
    }
    expect(result.outputs['state'], world.gateComments()[0]!.body!).toBe('success');
    expect(world.gateStatuses()[0]!.state).toBe('success');
    expect(world.gateComments()[0]!.body).toContain('✅ Ready to release');
  });

  it('a missed performance target blocks: the Go benchmark records figures outside the targets', async () => {
    const world = await securedWorld();
    world.fake.pushToPullRequest(REPO, world.pr, FILES);
    world.fake.setPullRequest(REPO, world.pr, { body: BODY });
    world.fake.addLabel(REPO, world.pr, 'deploy:kubernetes');
    greenCi(world, ['benchmark-go'], { 'go-10000-concurrent': 7200, 'go-latency': 1.4 });
    const result = await gateOnPush(world);
    expect(result.outputs['state'], logOf(result)).toBe('failure');
    const body = world.gateComments()[0]!.body!;
    expect(body).toMatch(/❌ \| Test with 10,000 concurrent requests \| Go sidecar concurrent requests 7,200 \(min 10,000\) from/);
    expect(body).toMatch(/❌ \| Measure latency overhead \(<1ms expected\) \| Go sidecar latency overhead 1\.4 ms \(max 1 ms\) from/);
    expect(body).toMatch(/❌ \| Performance benchmarks met/);
    expect(body).toMatch(/✅ \| Measure latency overhead \(<10ms expected\) \| Python sidecar latency overhead 6\.8 ms \(max 10 ms\) from/);
    expect(body).toMatch(/✅ \| Check memory usage \(~10MB expected\) \| Go sidecar memory 9\.2 MB \(max 10 MB\) from/);
  });

  it('the binary option needs the Go build job and a systemd unit', async () => {
    const world = await securedWorld();
    world.fake.pushToPullRequest(REPO, world.pr, FILES);
    world.fake.setPullRequest(REPO, world.pr, { body: BODY.replace('Option 2: Kubernetes, the sidecar container in the agent\'s pod.', 'Option 3: Standalone binary under systemd.') });
    world.fake.addLabel(REPO, world.pr, 'deploy:binary');
    greenCi(world);
    const result = await gateOnPush(world);
    expect(result.outputs['state'], logOf(result)).toBe('failure');
    const body = world.gateComments()[0]!.body!;
    expect(body).toMatch(/Build Go binary: `go build -o iatp-sidecar`/);
    expect(body).toMatch(/❌ \| Configure systemd service/);
  });
});
