// Evidence counts only from those who may give it: reviews from people who can write,
// statuses from the writer the policy expects.
import { describe, expect, it } from 'vitest';
import { pullRequestReviewEvent, statusEvent } from '../support/payloads.ts';
import { POLICY, REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

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
    expect(world.gateStatuses()[0]!.description).toContain('1 more approval');
    expect(checkRow(world, 'Code peer-reviewed')).toContain('trina has `triage` permission; GitHub counts reviews only from people with write access');

    world.fake.addReview(REPO, world.pr, { user: 'bob', state: 'APPROVED' });
    const objection = world.fake.addReview(REPO, world.pr, { user: 'trina', state: 'CHANGES_REQUESTED' });
    await world.gate('pull_request_review', pullRequestReviewEvent(world.fake, REPO, world.pr, objection, 'submitted'));
    expect(world.gateStatuses()[0]!.description).not.toContain('changes requested');
    expect(checkRow(world, 'Code peer-reviewed')).toMatch(/^\| ✅ \| Code peer-reviewed \| Approved by \[alice\].*\[bob\].*trina.*did not count/);
  });
});

describe('statuses count only from the expected writer', () => {
  it('a coverage figure posted by a person with their own token does not count', async () => {
    const world = await newWorld({ policy: `${POLICY}  - id: coverage\n    name: Coverage\n    coverage: { min: 80 }\n` });
    world.fake.addToken('github_pat_dave', { actor: 'dave', kind: 'user', permissions: { statuses: 'write' } });
    const posted = await fetch(`${world.fake.url}/repos/${REPO}/statuses/${world.head()}`, {
      method: 'POST',
      headers: { authorization: 'token github_pat_dave', 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'success', context: 'release-readiness/coverage', description: '99.0% of lines (lcov) · 990/1000' }),
    });
    expect(posted.status).toBe(201);
    await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]!.description).toContain('and coverage');
    expect(checkRow(world, 'Coverage')).toContain('from dave does not count');
  });

  it('a CI context turned green by another account is suspect and blocks, naming the writers', async () => {
    const world = await newWorld();
    world.fake.addUser('jenkins-bot', 'Bot');
    world.fake.addStatus(REPO, world.head(), { context: 'ci/jenkins', state: 'failure', description: 'Tests failed', creator: 'jenkins-bot' });
    await world.gateOnPullRequest();
    const forged = world.fake.addStatus(REPO, world.head(), { context: 'ci/jenkins', state: 'success', description: 'Tests passed', creator: 'erin' });
    await world.gate('status', statusEvent(world.fake, forged.id));
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure', description: expect.stringContaining('1 suspect CI job (more than one writer)') });
    expect(checkRow(world, 'CI/CD pipeline passed')).toContain('Suspect: `ci/jenkins` (written by erin and jenkins-bot)');
  });
});
