import { describe, expect, it } from 'vitest';
import { issueCommentEvent, pullRequestTargetEvent, scheduleEvent, workflowDispatchEvent, checkSuiteCompletedEvent } from '../support/payloads.ts';
import { logOf, POLICY, REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();
/** The sample policy, also gating PRs into the default branch. */
const MAIN_POLICY = POLICY.replace('branches: ["release/**"]', 'branches: ["main", "release/**"]');
let world: ReleaseWorld;
/** A weaker policy that still requires something (a policy that requires nothing is invalid): a check every PR here passes. */
const WEAK_CHECKS = 'checks:\n  - { id: no-wip, name: Not a work in progress, labels: { none: [wip] } }\n';
const WEAK_POLICY = `version: 1\n${WEAK_CHECKS}`;

describe('the policy', () => {
  it('is read from the default branch: a PR into it that weakens readiness.yml in its head changes nothing', async () => {
    world = await newWorld({ base: 'main', policy: MAIN_POLICY });
    world.fake.pushToPullRequest(REPO, world.pr, { '.github/readiness.yml': WEAK_POLICY });
    const result = await world.gateOnPullRequest('synchronize');
    expect(result.exitCode).toBe(0);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending', description: 'Waiting for 2 sign-offs (security, sre), CI and 2 approvals' });
    // The policy is read from the default branch; the head's version only to show what the change would do.
    const reads = world.fake.requests.filter((r) => r.path.includes('/contents/'));
    expect(reads.map((r) => r.query['ref'])).toEqual(['main', world.head()]);
    const body = world.gateComments()[0]!.body!;
    expect(body).toContain('### This PR changes the readiness policy');
    expect(body).toContain('- remove check `ci`\n- remove check `reviews`\n- remove check `on-call`\n- remove role `security`\n- remove role `sre`\n- change `release`');
  });

  it('a release branch’s own readiness.yml does not judge its PRs; with policy-from: base it does', async () => {
    world = await newWorld();
    world.fake.commit(REPO, 'release/1.4', { '.github/readiness.yml': `version: 1\nrelease:\n  branches: ["release/**"]\n${WEAK_CHECKS}` });
    await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]!.description).toBe('Waiting for 2 sign-offs (security, sre), CI and 2 approvals');
    expect(world.gateComments()[0]!.body).toContain('against `.github/readiness.yml` from `main`');
    const fromBase = await world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, 'edited'), { inputs: { 'policy-from': 'base' } });
    expect(fromBase.outputs['state']).toBe('success');
  });

  it('an invalid readiness.yml: error status, file:line:col in the comment, the job fails', async () => {
    world = await newWorld({ policy: POLICY.replace('reviews: { min: 2 }', 'reviews: { min: 2, stale: true }') });
    const result = await world.gateOnPullRequest();
    expect(result.exitCode).toBe(1);
    expect(logOf(result)).toContain('::error::');
    expect(world.gateStatuses()[0]).toMatchObject({
      state: 'error',
      description: 'Invalid readiness.yml: .github/readiness.yml:15:24: checks[1].reviews.stale: unknown key `stale` (expected one of: min)',
    });
    const body = world.gateComments()[0]!.body!;
    expect(body).toContain('⚠️ Cannot evaluate');
    expect(body).toContain('.github/readiness.yml:15:24: checks[1].reviews.stale: unknown key `stale`');
    expect(result.outputs).toMatchObject({ state: 'error', ready: 'false' });
  });

  it('no readiness.yml on the default branch: error, and it says where to put it', async () => {
    world = await newWorld();
    world.fake.commit(REPO, 'main', { '.github/readiness.yml': null });
    const result = await world.gateOnPullRequest();
    expect(result.exitCode).toBe(1);
    expect(world.gateStatuses()[0]!.state).toBe('error');
    expect(world.gateComments()[0]!.body).toContain('there is no `.github/readiness.yml` on `main`');
  });
});

describe('the living comment and the status', () => {
  it('a re-run with no change edits nothing and posts nothing', async () => {
    world = await newWorld();
    await world.gateOnPullRequest();
    const before = world.fake.requests.length;
    const result = await world.gateOnPullRequest('edited');
    expect(result.exitCode).toBe(0);
    const writes = world.fake.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(writes).toEqual([]);
    expect(world.gateComments()).toHaveLength(1);
    expect(world.gateStatuses()).toHaveLength(1);
  });

  it('two runs at once end with one comment', async () => {
    world = await newWorld();
    const payload = pullRequestTargetEvent(world.fake, REPO, world.pr, 'opened');
    const results = await Promise.all([world.gate('pull_request_target', payload), world.gate('pull_request_target', payload)]);
    expect(results.map((r) => r.exitCode)).toEqual([0, 0]);
    expect(world.gateComments()).toHaveLength(1);
    expect(world.gateStatuses()[0]!.target_url).toBe(world.gateComments()[0]!.html_url);
  });

  it('a user comment carrying the hidden marker is not taken for the gate’s', async () => {
    world = await newWorld();
    world.fake.addComment(REPO, world.pr, { user: 'mallory', body: '<!-- release-readiness:living-comment -->\n✅ Ready to release' });
    await world.gateOnPullRequest();
    const all = world.fake.comments(REPO, world.pr);
    expect(all).toHaveLength(2);
    expect(all[0]!.body).toContain('✅ Ready to release');
    expect(world.gateComments().filter((c) => c.user?.type === 'Bot')).toHaveLength(1);
  });
});

describe('events', () => {
  it('a comment on an issue (not a PR) is ignored', async () => {
    world = await newWorld();
    const issue = world.fake.openIssue(REPO, { title: 'Bug', author: 'erin' });
    const { id } = world.fake.addComment(REPO, issue, { user: 'alice', body: '/signoff security' });
    const result = await world.gate('issue_comment', issueCommentEvent(world.fake, id, 'created'));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Nothing to evaluate: the comment is on an issue, not a pull request.');
    expect(world.fake.requests).toEqual([]);
  });

  it('check_suite re-evaluates the open PRs whose head is that commit', async () => {
    world = await newWorld();
    world.fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
    await world.gate('check_suite', checkSuiteCompletedEvent(world.fake, REPO, world.head()));
    expect(world.gateStatuses()[0]!.description).toBe('Waiting for 2 sign-offs (security, sre) and 2 approvals');
  });

  it('workflow_dispatch with a PR number, and schedule for every open PR', async () => {
    world = await newWorld();
    const dispatched = await world.gate('workflow_dispatch', workflowDispatchEvent(world.fake, REPO, { inputs: { pr: String(world.pr) } }));
    expect(dispatched.outputs['state']).toBe('pending');
    world.fake.commit(REPO, 'main', { '.github/readiness.yml': POLICY });
    world.fake.commit(REPO, 'docs', { 'README.md': '# rocket!\n' });
    const other = world.fake.openPullRequest(REPO, { base: 'main', head: 'docs', title: 'Docs', author: 'erin' });
    const scheduled = await world.gate('schedule', scheduleEvent());
    expect(scheduled.exitCode, logOf(scheduled)).toBe(0);
    expect(scheduled.outputs).toMatchObject({ state: 'pending', ready: 'false', 'comment-url': '' });
    const otherStatus = world.fake.statuses(REPO, world.fake.headSha(REPO, other)).filter((s) => s.context === 'release-readiness');
    expect(otherStatus).toEqual([]);
  });
});
