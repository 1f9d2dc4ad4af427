// Evidence counts only from those who may give it: reviews from people who can write,
// statuses from the writer the policy expects.
import { describe, expect, it } from 'vitest';
import { pullRequestReviewEvent } from '../support/payloads.ts';
import { REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();
const checkRow = (world: ReleaseWorld, name: string) => new RegExp(`\\| [^|]* \\| ${name} \\|[^\\n]*`).exec(world.gateComments()[0]?.body ?? '')?.[0] ?? '';

describe('reviews count as GitHub counts them', () => {
  it('an approval and a change request by a triage user do not count, and say why', async () => {
    const world = await newWorld();
    world.fake.addUser('trina');
    world.fake.setRepoPermission(REPO, 'trina', 'triage');
    world.fake.addReview(REPO, world.pr, { user: 'alice', state: 'APPROVED' });
    const approval = world.fake.addReview(REPO, world.pr, { user: 'trina', state: 'APPROVED' });
    await world.gate('pull_request_review', pullRequestReviewEvent(world.fake, REPO, world.pr, approval, 'submitted'));
    expect(world.gateStatuses()[0]!.description).toContain('reviews 1/2');
    expect(checkRow(world, 'Code peer-reviewed')).toContain('trina has `triage` permission; GitHub counts reviews only from people with write access');

    world.fake.addReview(REPO, world.pr, { user: 'bob', state: 'APPROVED' });
    const objection = world.fake.addReview(REPO, world.pr, { user: 'trina', state: 'CHANGES_REQUESTED' });
    await world.gate('pull_request_review', pullRequestReviewEvent(world.fake, REPO, world.pr, objection, 'submitted'));
    expect(world.gateStatuses()[0]!.description).not.toContain('changes requested');
    expect(checkRow(world, 'Code peer-reviewed')).toMatch(/^\| ✅ \| Code peer-reviewed \| Approved by \[alice\].*\[bob\].*trina.*did not count/);
  });
});
