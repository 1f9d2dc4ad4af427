// A commit status belongs to a commit, not to a PR: no PR can leave or earn a success that
// another PR on the same commit, or the same PR under another policy, would not.
import { describe, expect, it } from 'vitest';
import { pullRequestTargetEvent } from '../support/payloads.ts';
import { REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();
const gateStatusesOf = (world: ReleaseWorld) => world.fake.statuses(REPO, world.head()).filter((status) => status.context === 'release-readiness');

describe('one answer per commit', () => {
  it('a second PR from the same head into a branch with a lighter checklist: no success stands', async () => {
    const policy = 'version: 1\nrelease:\n  branches: ["release/**"]\nchecks:\n  - id: approval\n    name: Release approved\n    labels: { all: [approved] }\n    when: { branches: ["release/1.4"] }\n';
    const world = await newWorld({ policy });
    await world.gateOnPullRequest();
    expect(gateStatusesOf(world)[0]!.state).toBe('failure');
    world.fake.commit(REPO, 'release/1.5', { VERSION: '1.5\n' });
    const second = world.fake.openPullRequest(REPO, { base: 'release/1.5', head: 'prepare-1.4', title: 'Release 1.5.0', author: 'dave' });
    const result = await world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, second, 'opened'));
    // The second PR needs nothing, but the commit is also #1's head, which is not ready.
    expect(gateStatusesOf(world)[0]).toMatchObject({ state: 'failure', description: expect.stringMatching(new RegExp(`^#${world.pr} shares this commit: Blocked`)) });
    expect(result.outputs).toMatchObject({ state: 'failure', ready: 'false' });
    expect(gateStatusesOf(world).some((status) => status.state === 'success')).toBe(false);

    world.fake.addLabel(REPO, world.pr, 'approved');
    await world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, 'labeled'));
    expect(gateStatusesOf(world)[0]!.state).toBe('success');
  });

  it('a release PR unlabelled after it succeeded: the success does not stand', async () => {
    const world = await newWorld({ policy: 'version: 1\nrelease:\n  labels: [release]\nchecks:\n  - id: hold\n    name: Not on hold\n    labels: { none: [on-hold] }\n' });
    world.fake.addLabel(REPO, world.pr, 'release');
    await world.gateOnPullRequest('labeled');
    expect(gateStatusesOf(world)[0]!.state).toBe('success');
    world.fake.removeLabel(REPO, world.pr, 'release');
    const result = await world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, 'unlabeled', { label: 'release' }));
    expect(gateStatusesOf(world)[0]).toMatchObject({ state: 'failure', description: expect.stringContaining('Not a release pull request any more') });
    expect(result.outputs['ready']).toBe('false');
    // A PR that never was a release PR still gets no status at all.
    await world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, 'edited'));
    expect(gateStatusesOf(world)).toHaveLength(2);
  });

  it('a retarget onto a fresh release branch with a weaker readiness.yml earns nothing there, nor after it is moved back', async () => {
    const world = await newWorld();
    await world.gateOnPullRequest();
    world.fake.commit(REPO, 'release/evil', { '.github/readiness.yml': 'version: 1\nrelease:\n  branches: ["release/**"]\nchecks: []\n' });
    world.fake.retargetPullRequest(REPO, world.pr, 'release/evil');
    await world.gateOnPullRequest('edited');
    expect(gateStatusesOf(world)[0]!.state).toBe('pending');
    world.fake.retargetPullRequest(REPO, world.pr, 'release/1.4');
    await world.gateOnPullRequest('edited');
    expect(gateStatusesOf(world).map((status) => status.state)).not.toContain('success');
  });
});
