import { describe, expect, it } from 'vitest';
import { checkSuiteCompletedEvent, pullRequestReviewEvent } from '../support/payloads.ts';
import { logOf, POLICY, REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();
let world: ReleaseWorld;

function greenCi(w: ReleaseWorld): void {
  w.fake.addCheckRun(REPO, w.head(), { name: 'build', status: 'completed', conclusion: 'success' });
  w.fake.addCheckRun(REPO, w.head(), { name: 'test', status: 'completed', conclusion: 'success' });
}

async function approve(w: ReleaseWorld, ...users: string[]): Promise<void> {
  for (const user of users) {
    const id = w.fake.addReview(REPO, w.pr, { user, state: 'APPROVED' });
    await w.gate('pull_request_review', pullRequestReviewEvent(w.fake, REPO, w.pr, id, 'submitted'));
  }
}

describe('a release PR through its life', () => {
  it('is not gated when it is not a release PR: no comment, and no status by default', async () => {
    world = await newWorld({ base: 'main' });
    const result = await world.gateOnPullRequest();
    expect(result.exitCode).toBe(0);
    // A success here would let the PR merge at once if it were retargeted to a release branch.
    expect(world.gateStatuses()).toEqual([]);
    expect(world.gateComments()).toHaveLength(0);
    expect(result.outputs).toMatchObject({ state: 'success', ready: 'true', 'comment-url': '' });
  });

  it('is not gated when it is not a release PR: success, with non_release_status: success', async () => {
    world = await newWorld({ base: 'main', policy: `${POLICY}non_release_status: success\n` });
    await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'success', description: 'Not a release pull request: the readiness gate does not apply' });
    expect(world.gateComments()).toHaveLength(0);
  });

  it('opened with nothing in: pending, one comment that says what is missing', async () => {
    world = await newWorld();
    const result = await world.gateOnPullRequest();
    expect(result.exitCode, logOf(result)).toBe(0);
    const [status] = world.gateStatuses();
    expect(status).toMatchObject({ state: 'pending', description: 'Waiting for 2 sign-offs (security, sre), CI and 2 approvals' });
    const comments = world.gateComments();
    expect(comments).toHaveLength(1);
    expect(status!.target_url).toBe(comments[0]!.html_url);
    expect(comments[0]!.body).toContain('⏳ Not ready yet');
    expect(comments[0]!.body).toContain('`/signoff security`');
    expect(comments[0]!.body).toContain(world.head());
    expect(comments[0]!.user?.type).toBe('Bot');
    expect(result.outputs).toMatchObject({ state: 'pending', ready: 'false', 'comment-url': comments[0]!.html_url });
    expect(JSON.parse(result.outputs['report']!)).toMatchObject({ state: 'pending', pullRequest: { number: world.pr, head: world.head() }, ledger: [] });
    expect(result.summary).toContain('Not ready yet');
  });

  it('CI running → pending; CI failed → failure with a link to the failing run', async () => {
    world = await newWorld();
    await world.gateOnPullRequest();
    const run = world.fake.addCheckRun(REPO, world.head(), { name: 'test (ubuntu)', status: 'in_progress' });
    await world.gate('check_suite', checkSuiteCompletedEvent(world.fake, REPO, world.head()));
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending' });
    expect(world.gateComments()[0]!.body).toContain('Waiting for');

    world.fake.updateCheckRun(run, { status: 'completed', conclusion: 'failure' });
    const result = await world.gate('check_suite', checkSuiteCompletedEvent(world.fake, REPO, world.head()));
    expect(result.exitCode).toBe(0);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure', description: 'Blocked: 1 CI job failing; waiting for 2 sign-offs (security, sre) and 2 approvals' });
    const body = world.gateComments()[0]!.body!;
    expect(body).toContain('❌ Blocked');
    expect(body).toMatch(/Fix or re-run on `[0-9a-f]{7}`: \[`test \(ubuntu\)`\]\(https:\/\/github\.com\/acme\/rocket\/runs\/\d+\)/);
    expect(world.gateComments()).toHaveLength(1);
  });

  it('counts approvals by each reviewer’s latest review, never the author’s', async () => {
    world = await newWorld();
    await world.gateOnPullRequest();
    await approve(world, 'alice', 'dave');
    expect(world.gateStatuses()[0]!.description).toContain('1 more approval');
    const changes = world.fake.addReview(REPO, world.pr, { user: 'alice', state: 'CHANGES_REQUESTED' });
    await world.gate('pull_request_review', pullRequestReviewEvent(world.fake, REPO, world.pr, changes, 'submitted'));
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure' });
    await approve(world, 'alice', 'bob');
    expect(world.gateStatuses()[0]!.description).not.toContain('approval');
    expect(world.gateComments()[0]!.body).toMatch(/Approved by \[alice\].*\[bob\]/);
  });

  it('goes green when CI passes, two people approve and both roles sign off', async () => {
    world = await newWorld();
    await world.gateOnPullRequest();
    greenCi(world);
    await approve(world, 'alice', 'bob');
    const security = await world.comment('alice', 'Reviewed the auth changes.\n/signoff security');
    expect(world.fake.reactions(security.id).map((r) => [r.user?.login, r.content])).toEqual([['github-actions[bot]', '+1']]);
    expect(world.gateStatuses()[0]!.description).toBe('Waiting for 1 sign-off (sre)');
    const { result } = await world.comment('carol', '/signoff sre paged the on-call');
    expect(result.outputs).toMatchObject({ state: 'success', ready: 'true' });
    // The audit ledger: in the job summary for people, in the report for machines.
    expect(result.summary).toContain('### Audit ledger');
    expect(result.summary).toMatch(/\| carol \| `\/signoff sre paged the on-call` \| `[0-9a-f]{7}` \| GitHub’s record of pushes \| ✅ counts \|/);
    const report = JSON.parse(result.outputs['report']!);
    expect(report.ledger.map((e: { login: string; verb: string; target: string; counts: boolean; commit: string }) => [e.login, e.verb, e.target, e.counts, e.commit])).toEqual([
      ['alice', 'signoff', 'security', true, world.head()],
      ['carol', 'signoff', 'sre', true, world.head()],
    ]);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'success', description: 'Ready: 3 checks pass, 2 sign-offs in' });
    const body = world.gateComments()[0]!.body!;
    expect(body).toContain('✅ Ready to release');
    expect(body).toMatch(/\[alice\]\(https:\/\/github.com\/alice\) at 2026-11-21 \d\d:\d\d UTC/);
  });
});

describe('sign-offs that must not count', () => {
  it.each<[string, string, string, RegExp]>([
    ['the PR’s author', 'dave', '/signoff security', /dave opened this pull request and cannot sign off security/],
    ['an outsider', 'mallory', '/signoff security', /mallory is not in role security/],
    ['a bot', 'dependabot[bot]', '/signoff security', /it comes from a bot/],
    ['a quote', 'alice', '> /signoff security', /it is inside a quote/],
    ['a code block', 'alice', '```\n/signoff security\n```', /it is inside code/],
  ])('%s', async (_name, user, body, reason) => {
    world = await newWorld();
    await world.gateOnPullRequest();
    const { id } = await world.comment(user, body);
    expect(world.gateStatuses()[0]!.description).toContain('2 sign-offs (security, sre)');
    const comment = world.gateComments()[0]!.body!;
    expect(comment).toContain('1 command that did not count');
    expect(comment).toMatch(reason);
    expect(world.fake.reactions(id)).toEqual([]);
  });

  it('an edited comment, even when the role member edits it in', async () => {
    world = await newWorld();
    await world.gateOnPullRequest();
    const { id } = world.fake.addComment(REPO, world.pr, { user: 'alice', body: 'Will look at it tomorrow.' });
    world.fake.editComment(id, 'Will look at it tomorrow.\n/signoff security');
    const { issueCommentEvent } = await import('../support/payloads.ts');
    await world.gate('issue_comment', issueCommentEvent(world.fake, id, 'edited'));
    expect(world.gateStatuses()[0]!.description).toContain('2 sign-offs (security, sre)');
    expect(world.gateComments()[0]!.body).toContain('the comment was edited after it was posted');
  });

  it('a push after a sign-off makes it stale', async () => {
    world = await newWorld();
    await world.gateOnPullRequest();
    await world.comment('alice', '/signoff security');
    expect(world.gateStatuses()[0]!.description).toBe('Waiting for 1 sign-off (sre), CI and 2 approvals');
    const before = world.head();
    world.fake.pushToPullRequest(REPO, world.pr, { 'src/app.ts': 'export const version = "1.4.1";\n' });
    expect(world.head()).not.toBe(before);
    await world.gateOnPullRequest('synchronize');
    expect(world.gateStatuses()[0]!.description).toContain('2 sign-offs (security, sre)');
    const body = world.gateComments()[0]!.body!;
    expect(body).toContain('~~alice~~ _stale: signed before the last push_');
    expect(body).toContain(world.head());
    // Signing again on the new head counts.
    await world.comment('alice', '/signoff security');
    expect(world.gateStatuses()[0]!.description).toBe('Waiting for 1 sign-off (sre), CI and 2 approvals');
  });

  it('/signoff cancel withdraws it', async () => {
    world = await newWorld();
    await world.gateOnPullRequest();
    await world.comment('carol', '/signoff sre');
    expect(world.gateStatuses()[0]!.description).not.toContain('sre');
    await world.comment('carol', '/signoff cancel sre');
    expect(world.gateStatuses()[0]!.description).toContain('2 sign-offs (security, sre)');
  });
});
