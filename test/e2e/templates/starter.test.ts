// The starter template on a sample release PR: blocked when opened, ready once CI, two
// approvals, the rollback plan and the security sign-off are in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO, useReleaseWorlds } from '../release-world.ts';

const newWorld = useReleaseWorlds();
const POLICY = readFileSync(new URL('../../../templates/starter.yml', import.meta.url), 'utf8').replaceAll('[your-security-lead]', '[alice]');

describe('the starter template', () => {
  it('takes a sample PR from blocked to ready', async () => {
    const world = await newWorld({ policy: POLICY });
    await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure' });
    expect(world.gateComments()[0]!.body).toContain('no `## Rollback plan` section');

    world.fake.setPullRequest(REPO, world.pr, { body: '## Rollback plan\nRedeploy the 1.3.0 tag.\n' });
    world.fake.addCheckRun(REPO, world.head(), { name: 'test', status: 'completed', conclusion: 'success' });
    world.fake.addReview(REPO, world.pr, { user: 'bob', state: 'APPROVED' });
    world.fake.addReview(REPO, world.pr, { user: 'carol', state: 'APPROVED' });
    await world.gateOnPullRequest('edited');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending', description: 'Waiting for 1 sign-off (security)' });

    const { result } = await world.comment('alice', '/signoff security');
    expect(result.outputs['state']).toBe('success');
    expect(world.gateComments()[0]!.body).toContain('✅ Ready to release');
  });
});
