// The metric, deployment, window and probe kinds, end to end: the bundled action against the
// fake GitHub (and, for probes, a local HTTPS server whose CA the runner trusts).
import { describe, expect, it } from 'vitest';
import { gatePermissions } from '../fake-github/index.ts';
import { closedPort, startHttpsServer } from '../probes/local-servers.ts';
import { useTrustedCa } from '../probes/trusted-ca.ts';
import { REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();
const policy = (checks: string) => `version: 1\nrelease:\n  branches: ["release/**"]\nchecks:\n${checks}`;
const statusOf = (world: ReleaseWorld) => world.gateStatuses()[0]!;
const commentOf = (world: ReleaseWorld) => world.gateComments()[0]!.body ?? '';

describe('metric', () => {
  const METRIC = policy(`  - id: latency\n    name: Latency overhead measured\n    metric: { label: p95 overhead, from: benchmark-go, pattern: 'p95 overhead: ([0-9.]+) ms', unit: ms, max: 10 }\n`);
  it.each([
    ['within the maximum', 'p95 overhead: 7.4 ms', 'success', 'p95 overhead 7.4 ms (max 10 ms) from'],
    ['over it', 'p95 overhead: 12.5 ms', 'failure', 'p95 overhead 12.5 ms (max 10 ms) from'],
    ['no figure in the output', 'benchmarks ran', 'error', 'it reports no figure matching'],
  ])('%s', async (_name, summary, state, shown) => {
    const world = await newWorld({ policy: METRIC });
    world.fake.addCheckRun(REPO, world.head(), { name: 'benchmark-go', status: 'completed', conclusion: 'success', output: { title: 'Benchmarks', summary } });
    await world.gateOnPullRequest();
    expect(statusOf(world).state).toBe(state);
    expect(commentOf(world)).toContain(shown);
  });

  it('counts a figure only from the writer the policy names', async () => {
    const world = await newWorld({ policy: `${METRIC}writers:\n  benchmark-go: [bench-app]\n` });
    world.fake.addCheckRun(REPO, world.head(), { name: 'benchmark-go', status: 'completed', conclusion: 'success', output: { title: 'Benchmarks', summary: 'p95 overhead: 7.4 ms' } });
    await world.gateOnPullRequest();
    expect(statusOf(world).state).toBe('pending');
    expect(commentOf(world)).toContain('Waiting for p95 overhead');
  });
});

describe('deployment', () => {
  const DEPLOYED = policy(`  - id: staging\n    name: Staging deployment verified\n    deployment: { environment: staging }\n`);
  const withDeployments = (world: ReleaseWorld) => {
    world.fake.addToken('ghs_deploys', { actor: 'github-actions[bot]', kind: 'github-token', permissions: { ...gatePermissions, deployments: 'read' } });
    return { token: 'ghs_deploys' };
  };

  it('passes on a successful deployment of the head, and shows where and by whom', async () => {
    const world = await newWorld({ policy: DEPLOYED });
    const id = world.fake.addDeployment(REPO, { sha: world.head(), environment: 'staging', creator: 'dave' });
    world.fake.addDeploymentStatus(REPO, id, { state: 'success', creator: 'dave', environment_url: 'https://staging.example.com' });
    await world.gate('pull_request_target', (await import('../support/payloads.ts')).pullRequestTargetEvent(world.fake, REPO, world.pr, 'opened'), withDeployments(world));
    expect(statusOf(world).state).toBe('success');
    expect(commentOf(world)).toContain('Deployed to [`staging`](https://staging.example.com) by');
  });

  it('is judged again when the deployment finishes (deployment_status), on the head it deployed', async () => {
    const world = await newWorld({ policy: DEPLOYED });
    const { pullRequestTargetEvent, deploymentStatusEvent } = await import('../support/payloads.ts');
    await world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, 'opened'), withDeployments(world));
    expect(statusOf(world).state).toBe('pending');
    const id = world.fake.addDeployment(REPO, { sha: world.head(), environment: 'staging', creator: 'dave' });
    world.fake.addDeploymentStatus(REPO, id, { state: 'success', creator: 'dave', environment_url: 'https://staging.example.com' });
    const result = await world.gate('deployment_status', deploymentStatusEvent(world.fake, REPO, id), withDeployments(world));
    expect(result.exitCode).toBe(0);
    expect(statusOf(world).state).toBe('success');
  });

  it('waits for a deployment that has not happened, and fails one that failed', async () => {
    const world = await newWorld({ policy: DEPLOYED });
    const payload = () => import('../support/payloads.ts').then((p) => p.pullRequestTargetEvent(world.fake, REPO, world.pr, 'edited'));
    await world.gate('pull_request_target', await payload(), withDeployments(world));
    expect(statusOf(world).state).toBe('pending');
    expect(commentOf(world)).toContain('No deployment of');
    const id = world.fake.addDeployment(REPO, { sha: world.head(), environment: 'staging', creator: 'dave' });
    world.fake.addDeploymentStatus(REPO, id, { state: 'failure', creator: 'dave', log_url: 'https://ci.example.com/deploy/1' });
    await world.gate('pull_request_target', await payload(), { token: 'ghs_deploys' });
    expect(statusOf(world).state).toBe('failure');
    expect(commentOf(world)).toContain('ended in failure');
  });

  it('is unknown, naming the permission, when the token cannot read deployments', async () => {
    const world = await newWorld({ policy: DEPLOYED });
    await world.gateOnPullRequest();
    expect(statusOf(world).state).toBe('error');
    expect(commentOf(world)).toContain('`deployments: read`');
  });
});

describe('window', () => {
  // The fake's clock starts on Saturday 2026-11-21 at 09:00 UTC.
  it.each([
    ['inside the window', '["Sat 08:00-18:00"]', 'success', 'Inside the release window'],
    ['outside: pending, saying when it opens', '["Mon-Fri 09:00-16:00"]', 'pending', 'Mon 2026-11-23 09:00 UTC'],
  ])('%s', async (_name, when, state, shown) => {
    const world = await newWorld({ policy: policy(`  - id: window\n    name: Deployment window\n    window: { when: ${when}, zone: UTC }\n`) });
    await world.gateOnPullRequest();
    expect(statusOf(world).state).toBe(state);
    expect(commentOf(world)).toContain(shown);
  });
});

describe('probe', () => {
  const ca = useTrustedCa();

  const probeOf = async (url: string) => {
    const world = await newWorld({ policy: policy(`  - id: health\n    name: Health check endpoint exposed\n    probe: { url: "${url}", json: { path: status, equals: ok }, timeout_seconds: 2 }\n`) });
    const payload = (await import('../support/payloads.ts')).pullRequestTargetEvent(world.fake, REPO, world.pr, 'opened');
    await world.gate('pull_request_target', payload, { env: ca().env, timeoutMs: 30_000 });
    return world;
  };

  it('passes when the endpoint answers as expected, and sends it no token', async () => {
    const server = await startHttpsServer(ca().certificates.valid, (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'));
    const world = await probeOf(`https://localhost:${server.port}/health`);
    expect(statusOf(world).state).toBe('success');
    expect(commentOf(world)).toMatch(/answered 200 in \d+ ms/);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([undefined]);
  });

  it('fails when it answers otherwise', async () => {
    const server = await startHttpsServer(ca().certificates.valid, (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"degraded"}'));
    const world = await probeOf(`https://localhost:${server.port}/health`);
    expect(statusOf(world).state).toBe('failure');
    expect(commentOf(world)).toContain('`status` is "degraded", expected "ok"');
  });

  it('is unknown when nothing answers: that says nothing about the endpoint', async () => {
    const world = await probeOf(`https://localhost:${await closedPort()}/health`);
    expect(statusOf(world).state).toBe('error');
    expect(commentOf(world)).toContain('Check that the endpoint is up and that the runner can reach it');
  });
});
