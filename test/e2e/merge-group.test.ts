// A merge queue asks for `release-readiness` on each group's commit: success only when every
// release PR in the group is ready at the head the queue took, and the group's CI passes where
// the policy says so.
import { describe, expect, it } from 'vitest';
import { mergeGroupEvent, pullRequestTargetEvent } from '../support/payloads.ts';
import { logOf, REPO, useReleaseWorlds } from './release-world.ts';

const newWorld = useReleaseWorlds();
const POLICY = 'version: 1\nrelease:\n  branches: ["release/**"]\nchecks:\n  - id: approved\n    name: Release approved\n    labels: { all: [approved] }\n';
const statusOn = (world: Awaited<ReturnType<typeof newWorld>>, sha: string) => world.fake.statuses(REPO, sha).find((status) => status.context === 'release-readiness');

async function twoPrs(policy = POLICY) {
  const world = await newWorld({ policy });
  world.fake.commit(REPO, 'prepare-1.4.1', { 'docs/notes.md': 'notes\n' });
  const second = world.fake.openPullRequest(REPO, { base: 'release/1.4', head: 'prepare-1.4.1', title: 'Release notes', author: 'dave' });
  return { world, second };
}

describe('merge queues', () => {
  it.each(['merge', 'squash'] as const)('a group whose release PRs are all ready: success on the group’s commit (%s)', async (method) => {
    const { world, second } = await twoPrs();
    world.fake.addLabel(REPO, world.pr, 'approved');
    world.fake.addLabel(REPO, second, 'approved');
    const group = world.fake.createMergeGroup(REPO, 'release/1.4', [world.pr, second], { method });
    const result = await world.gate('merge_group', mergeGroupEvent(world.fake, REPO, group));
    expect(result.exitCode, logOf(result)).toBe(0);
    expect(statusOn(world, group.headSha)).toMatchObject({ state: 'success', description: `Ready: #${world.pr}, #${second} in this merge group` });
    expect(result.outputs).toMatchObject({ state: 'success', ready: 'true' });
  });

  it('a group with one PR not ready: failure, naming it', async () => {
    const { world, second } = await twoPrs();
    world.fake.addLabel(REPO, world.pr, 'approved');
    const group = world.fake.createMergeGroup(REPO, 'release/1.4', [world.pr, second]);
    await world.gate('merge_group', mergeGroupEvent(world.fake, REPO, group));
    expect(statusOn(world, group.headSha)).toMatchObject({ state: 'failure', description: `Blocked: #${second}: Blocked: approved labels` });
  });

  it('a PR pushed to after it was queued: the group is not what was judged', async () => {
    const { world, second } = await twoPrs();
    world.fake.addLabel(REPO, world.pr, 'approved');
    world.fake.addLabel(REPO, second, 'approved');
    const group = world.fake.createMergeGroup(REPO, 'release/1.4', [world.pr, second]);
    world.fake.pushToPullRequest(REPO, second, { 'docs/notes.md': 'other notes\n' });
    await world.gate('merge_group', mergeGroupEvent(world.fake, REPO, group));
    expect(statusOn(world, group.headSha)).toMatchObject({ state: 'failure', description: expect.stringContaining(`#${second} was queued at`) });
  });

  it('the group’s own CI counts when the policy’s ci check says so', async () => {
    const policy = `${POLICY}  - id: ci\n    name: CI\n    ci: { merge_group: true }\n`;
    const { world, second } = await twoPrs(policy);
    for (const pr of [world.pr, second]) {
      world.fake.addLabel(REPO, pr, 'approved');
      world.fake.addCheckRun(REPO, world.fake.headSha(REPO, pr), { name: 'build', status: 'completed', conclusion: 'success' });
      await world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, pr, 'labeled'));
    }
    const group = world.fake.createMergeGroup(REPO, 'release/1.4', [world.pr, second]);
    world.fake.addCheckRun(REPO, group.headSha, { name: 'build', status: 'completed', conclusion: 'failure' });
    await world.gate('merge_group', mergeGroupEvent(world.fake, REPO, group));
    expect(statusOn(world, group.headSha)).toMatchObject({ state: 'failure', description: expect.stringContaining('group CI (CI): 1 failing') });
  });
});
