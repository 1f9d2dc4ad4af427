// GET /repos/{owner}/{repo}/activity: every branch move the world makes
// (pushes, amends and force pushes, branch creation), who pushed it, the
// filters, cursor pagination as Octokit follows it, the feed's lag behind a
// push, the contents permission, and a fork's own feed.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity, FakeGitHub } from './index.ts';
import { call, linkTo, octokitFor, useSeededFake } from './test-helpers.ts';

const repo = 'acme/rocket';
const r = { owner: 'acme', repo: 'rocket' };
const zero = '0'.repeat(40);
let fake: FakeGitHub;
let number: number;
let head: string;

useSeededFake((seeded) => ({ fake, number, head } = seeded));

async function feed(query = '', path = `/repos/${repo}/activity`): Promise<Activity[]> {
  const res = await call(fake, 'GET', `${path}${query}`);
  expect(res.status).toBe(200);
  return res.json() as Activity[];
}

const moves = (items: Activity[]) => items.map((a) => [a.activity_type, a.ref, a.actor?.login]);

describe('moves', () => {
  it('records the seed: the initial commit and a branch created by commit(), newest first', async () => {
    const main = fake.branchSha(repo, 'main');
    const items = await feed();
    expect(moves(items)).toEqual([
      ['branch_creation', 'refs/heads/release/1.2', 'acme'],
      ['branch_creation', 'refs/heads/main', 'acme'],
    ]);
    expect(items[0]).toMatchObject({ before: zero, after: head });
    expect(items[1]).toMatchObject({ before: zero, after: main });
    expect(items[0]!.node_id).toMatch(/^PSH_/);
    expect(items).toEqual(fake.activity(repo));
  });

  it('records a push, an amend and a force push, with who pushed and when', async () => {
    const pushed = fake.pushToPullRequest(repo, number, { 'docs/notes.md': 'notes\n' });
    const pushedAt = fake.clock.iso();
    const amended = fake.amendPullRequest(repo, number, { committer: 'bob' });
    fake.commit(repo, 'main', { 'unrelated.txt': 'base moved\n' });
    const rewritten = fake.forcePushPullRequest(repo, number, { 'src/app.ts': 'export const a = 3;\n' }, { pusher: 'carol' });
    const forcedAt = fake.clock.iso();

    const { data } = await octokitFor(fake).rest.repos.listActivities({ ...r, ref: 'release/1.2' });
    expect(data.map((a) => [a.activity_type, a.before, a.after, a.actor?.login])).toEqual([
      ['force_push', amended, rewritten, 'carol'],
      ['force_push', pushed, amended, 'bob'],
      ['push', head, pushed, 'alice'],
      ['branch_creation', zero, head, 'acme'],
    ]);
    expect([data[0]!.timestamp, data[2]!.timestamp]).toEqual([forcedAt, pushedAt]);
    expect(data[0]!.actor).toEqual(fake.user('carol'));
  });

  it('names the pusher when someone else pushes to a pull request or commits', async () => {
    fake.pushToPullRequest(repo, number, { 'a.txt': 'a\n' }, { pusher: 'dave' });
    fake.amendPullRequest(repo, number, { pusher: 'erin' });
    fake.amendPullRequest(repo, number);
    fake.commit(repo, 'main', { 'b.txt': 'b\n' }, { author: 'bob', pusher: 'github-actions[bot]' });
    fake.commit(repo, 'main', { 'c.txt': 'c\n' }, { author: 'carol' });
    expect(moves(fake.activity(repo)).slice(0, 5)).toEqual([
      ['push', 'refs/heads/main', 'carol'],
      ['push', 'refs/heads/main', 'github-actions[bot]'],
      ['force_push', 'refs/heads/release/1.2', 'alice'],
      ['force_push', 'refs/heads/release/1.2', 'erin'],
      ['push', 'refs/heads/release/1.2', 'dave'],
    ]);
    expect(() => fake.pushToPullRequest(repo, number, { 'd.txt': 'd\n' }, { pusher: 'nobody' })).toThrow(/Unknown user nobody/);
    expect(fake.activity(repo)).toHaveLength(7);
  });

  it('records branch creation by openPullRequest and by commit()', async () => {
    const main = fake.branchSha(repo, 'main');
    const pr = fake.openPullRequest(repo, { base: 'main', head: 'feature/x', title: 'X', author: 'bob' });
    const created = fake.commit(repo, 'hotfix/1', { 'fix.txt': 'fix\n' }, { author: 'dave' });
    const [hotfix, feature] = await feed();
    expect(hotfix).toMatchObject({ activity_type: 'branch_creation', ref: 'refs/heads/hotfix/1', before: zero, after: created, actor: { login: 'dave' } });
    expect(feature).toMatchObject({ activity_type: 'branch_creation', ref: 'refs/heads/feature/x', before: zero, after: main, actor: { login: 'bob' } });
    // The branch was created before the pull request was opened.
    expect(Date.parse(feature!.timestamp)).toBeLessThan(Date.parse(fake.pullRequest(repo, pr).created_at));
    // A head branch that already exists is not pushed again.
    fake.openPullRequest(repo, { base: 'main', head: 'hotfix/1', title: 'Hotfix', author: 'dave' });
    expect(fake.activity(repo)).toHaveLength(4);
  });

  it('counts a forced push onto the base that happens to fast-forward as a push', async () => {
    const pr = fake.openPullRequest(repo, { base: 'main', head: 'feature/y', title: 'Y', author: 'bob' });
    fake.forcePushPullRequest(repo, pr, { 'y.txt': 'y\n' });
    expect(fake.activity(repo)[0]).toMatchObject({ activity_type: 'push', ref: 'refs/heads/feature/y', before: fake.branchSha(repo, 'main') });
  });
});

describe('filters', () => {
  beforeEach(() => {
    fake.pushToPullRequest(repo, number, { 'a.txt': 'a\n' });
    fake.amendPullRequest(repo, number, { committer: 'bob' });
    fake.commit(repo, 'main', { 'b.txt': 'b\n' }, { author: 'carol' });
  });

  it('filters by ref given as refs/heads/X or X', async () => {
    const full = await feed('?ref=refs/heads/release/1.2');
    expect(full.map((a) => a.activity_type)).toEqual(['force_push', 'push', 'branch_creation']);
    expect(await feed('?ref=release/1.2')).toEqual(full);
    expect(await feed('?ref=no-such-branch')).toEqual([]);
  });

  it('filters by actor and activity type, and sorts oldest first when asked', async () => {
    expect(moves(await feed('?actor=BOB'))).toEqual([['force_push', 'refs/heads/release/1.2', 'bob']]);
    expect(moves(await feed('?activity_type=push'))).toEqual([
      ['push', 'refs/heads/main', 'carol'],
      ['push', 'refs/heads/release/1.2', 'alice'],
    ]);
    expect((await feed('?direction=asc')).map((a) => a.id)).toEqual(fake.activity(repo).map((a) => a.id).reverse());
  });

  it('filters by a time period counted back from the fake’s clock', async () => {
    fake.clock.advance(2 * 24 * 3600);
    fake.commit(repo, 'main', { 'c.txt': 'c\n' });
    expect(await feed('?time_period=day')).toHaveLength(1);
    expect(await feed('?time_period=week')).toHaveLength(6);
    fake.clock.advance(8 * 24 * 3600);
    expect(await feed('?time_period=week')).toEqual([]);
    expect(await feed('?time_period=month')).toHaveLength(6);
  });

  it('answers 422 to a type GitHub does not know, and 404 for an unknown repository', async () => {
    expect((await call(fake, 'GET', `/repos/${repo}/activity?activity_type=merge`)).status).toBe(422);
    expect(fake.violations).toEqual([expect.objectContaining({ kind: 'request', message: expect.stringContaining('activity_type') })]);
    fake.violations.length = 0;
    expect((await call(fake, 'GET', '/repos/acme/nope/activity')).status).toBe(404);
  });
});

describe('cursor pagination', () => {
  beforeEach(() => {
    for (let i = 0; i < 120; i++) fake.pushToPullRequest(repo, number, { 'counter.txt': `${i}\n` });
  });

  it('links rel="next" and rel="prev" with after/before cursors, 30 a page by default', async () => {
    const path = `/repos/${repo}/activity`;
    const first = await call(fake, 'GET', path);
    expect(first.json()).toHaveLength(30);
    const next = linkTo(first, 'next');
    expect(next).toMatch(new RegExp(`^${fake.url}${path}\\?after=[A-Za-z0-9%]+$`));
    expect(linkTo(first, 'prev')).toBeUndefined();
    expect(first.headers.get('link')).not.toMatch(/rel="(last|first)"|[?&]page=/);
    const second = await call(fake, 'GET', next!.slice(fake.url.length));
    expect((second.json() as Activity[])[0]!.id).toBe(fake.activity(repo)[30]!.id);
    const back = await call(fake, 'GET', linkTo(second, 'prev')!.slice(fake.url.length));
    expect(back.json()).toEqual(first.json());
  });

  it('is followed to the end by Octokit’s paginate, 100 a page', async () => {
    const octokit = octokitFor(fake);
    const all = await octokit.paginate(octokit.rest.repos.listActivities, { ...r, per_page: 100 });
    expect(all).toHaveLength(122);
    expect(all).toEqual(fake.activity(repo));
    expect(fake.requests.filter((q) => q.operationId === 'repos/list-activities')).toHaveLength(2);
  });

  it('lets paginate.iterator stop early at the move it looks for', async () => {
    const octokit = octokitFor(fake);
    const wanted = fake.activity(repo)[45]!.after;
    let found: Activity | undefined;
    for await (const { data } of octokit.paginate.iterator(octokit.rest.repos.listActivities, { ...r, ref: 'release/1.2', per_page: 20 })) {
      found = data.find((a) => a.after === wanted);
      if (found) break;
    }
    expect(found).toMatchObject({ activity_type: 'push', actor: { login: 'alice' } });
    expect(fake.requests.filter((q) => q.operationId === 'repos/list-activities')).toHaveLength(3);
  });

  it('rejects per_page over 100 and a cursor it did not issue', async () => {
    expect((await call(fake, 'GET', `/repos/${repo}/activity?per_page=101`)).status).toBe(422);
    expect((await call(fake, 'GET', `/repos/${repo}/activity?after=bm90LWEtY3Vyc29y`)).status).toBe(400);
    expect(fake.violations).toHaveLength(2);
    fake.violations.length = 0;
  });
});

describe('lag', () => {
  it('leaves the newest move out of the next N answers, then shows it', async () => {
    const pushed = fake.pushToPullRequest(repo, number, { 'a.txt': 'a\n' });
    expect(fake.hideLatestActivity(repo, { reads: 2 })).toMatchObject({ activity_type: 'push', after: pushed });
    // The world always sees the move; only the endpoint lags.
    expect(fake.activity(repo)[0]!.after).toBe(pushed);
    expect((await feed()).map((a) => a.after)).not.toContain(pushed);
    // Any answer counts, whatever its filters.
    expect(await feed('?ref=main')).toHaveLength(1);
    expect((await feed())[0]!.after).toBe(pushed);
  });

  it('counts answers for the repository only, and never time', async () => {
    fake.createRepo('acme/other');
    const pushed = fake.pushToPullRequest(repo, number, { 'a.txt': 'a\n' });
    fake.hideLatestActivity(repo, { reads: 1 });
    fake.clock.advance(3600);
    await feed('', '/repos/acme/other/activity');
    expect((await feed())[0]!.after).not.toBe(pushed);
    expect((await feed())[0]!.after).toBe(pushed);
    expect(() => fake.hideLatestActivity('acme/nope', { reads: 1 })).toThrow(/Unknown repository/);
  });
});

describe('permissions', () => {
  it('needs contents: read', async () => {
    fake.addToken('ghs_pulls_only', { actor: 'github-actions[bot]', permissions: { pull_requests: 'read' } });
    const res = await call(fake, 'GET', `/repos/${repo}/activity`, { token: 'ghs_pulls_only' });
    expect([res.status, res.headers.get('x-accepted-github-permissions')]).toEqual([403, 'contents=read']);
    const error = await octokitFor(fake, 'ghs_pulls_only').rest.repos.listActivities(r).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, response: { headers: { 'x-accepted-github-permissions': 'contents=read' } } });
  });
});

describe('forks', () => {
  it('records a fork’s own moves in its own feed, and not its initial copies', async () => {
    fake.forkRepo(repo, 'mallory');
    const fork = 'mallory/rocket';
    expect(await feed('', `/repos/${fork}/activity`)).toEqual([]);
    const before = fake.activity(repo);

    const patched = fake.commit(fork, 'patch-1', { 'src/app.ts': 'export const a = 666;\n' }, { author: 'mallory' });
    const pr = fake.openPullRequest(repo, { base: 'main', head: 'patch-2', headRepo: fork, title: 'Patch', author: 'mallory' });
    const pushed = fake.pushToPullRequest(repo, pr, { 'src/app.ts': 'export const a = 667;\n' });
    fake.commit(fork, 'main', { 'fork-only.txt': 'x\n' }, { author: 'mallory' });

    const items = await feed('', `/repos/${fork}/activity`);
    expect(items.map((a) => [a.activity_type, a.ref, a.actor?.login])).toEqual([
      ['push', 'refs/heads/main', 'mallory'],
      ['push', 'refs/heads/patch-2', 'mallory'],
      ['branch_creation', 'refs/heads/patch-2', 'mallory'],
      ['branch_creation', 'refs/heads/patch-1', 'mallory'],
    ]);
    expect([items[1]!.after, items[3]!.after]).toEqual([pushed, patched]);
    expect(items).toEqual(fake.activity(fork));
    // The parent's feed is untouched by the fork's moves.
    expect(fake.activity(repo)).toEqual(before);
  });
});
