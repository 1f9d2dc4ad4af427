import { describe, expect, it } from 'vitest';
import { gatePermissions } from '../fake-github/index.ts';
import { pullRequestTargetEvent } from '../support/payloads.ts';
import { REPO, useReleaseWorlds } from './release-world.ts';

const newWorld = useReleaseWorlds();

describe('concurrency', () => {
  it.each(Array.from({ length: 20 }, (_, index) => index + 1))('round %i: 10 runs at once end with exactly one, up-to-date comment', async () => {
    const world = await newWorld();
    world.fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
    const payload = pullRequestTargetEvent(world.fake, REPO, world.pr, 'opened');
    // Ten jobs, each with a GITHUB_TOKEN of its own (and so GitHub's secondary limits of its own), as on GitHub.
    const tokens = Array.from({ length: 10 }, (_, i) => `ghs_job_${i}`);
    for (const token of tokens) world.fake.addToken(token, { actor: 'github-actions[bot]', permissions: gatePermissions, kind: 'github-token' });
    const results = await Promise.all(tokens.map((token) => world.gate('pull_request_target', payload, { token })));
    expect(results.map((result) => result.exitCode)).toEqual(Array(10).fill(0));
    expect(world.gateComments()).toHaveLength(1);
    // Up to date: one more evaluation of the same evidence has nothing to change.
    const before = world.fake.requests.length;
    await world.gateOnPullRequest('edited');
    expect(world.fake.requests.slice(before).filter((request) => request.method !== 'GET')).toEqual([]);
    expect(world.gateStatuses()[0]!.target_url).toBe(world.gateComments()[0]!.html_url);
  });
});

describe('the head moves during an evaluation', () => {
  it('a push that lands mid-run never gets a success from the old head’s evidence', async () => {
    const world = await newWorld({ policy: 'version: 1\nrelease:\n  branches: ["release/**"]\nchecks:\n  - id: ci\n    name: CI\n    ci: {}\n' });
    world.fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
    const oldHead = world.head();
    // The check runs answer late; the push lands while the gate waits for them.
    const checkRuns = '/repos/{owner}/{repo}/commits/{ref}/check-runs';
    world.fake.inject({ method: 'GET', path: checkRuns, delayMs: 800 });
    // The gate has read the PR (its head is the old one) once it asks for the check runs.
    const asked = world.fake.nextRequest('GET', checkRuns);
    const running = world.gateOnPullRequest('synchronize');
    await asked;
    const newHead = world.fake.pushToPullRequest(REPO, world.pr, { 'src/app.ts': 'export const version = "1.4.1";\n' });
    const result = await running;
    expect(result.exitCode).toBe(0);
    expect(world.fake.statuses(REPO, newHead).filter((status) => status.context === 'release-readiness')).toEqual([]);
    expect(world.fake.statuses(REPO, oldHead).find((status) => status.context === 'release-readiness')?.state).toBe('success');
    // The push's own run then evaluates the new head from its own evidence: no CI there yet.
    await world.gateOnPullRequest('synchronize');
    expect(world.fake.statuses(REPO, newHead).find((status) => status.context === 'release-readiness')?.state).toBe('pending');
  });
});
