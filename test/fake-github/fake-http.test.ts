// The fake's endpoints over real HTTP: shapes, GitHub semantics, pagination.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { createFakeGitHub } from './index.ts';
import type { FakeGitHub } from './index.ts';
import { call, seedRepo } from './test-helpers.ts';

type Obj = Record<string, unknown>;
let fake: FakeGitHub;

beforeEach(async () => {
  fake = await createFakeGitHub();
});
afterEach(async () => {
  expectNoViolations(fake);
  await fake.close();
});

describe('pagination', () => {
  it('pages with per_page and page, and links prev/next/last/first on the fake origin', async () => {
    const { repo, number } = seedRepo(fake);
    for (let i = 1; i <= 7; i++) fake.addComment(repo, number, { user: 'bob', body: `comment ${i}` });

    const first = await call(fake, 'GET', `/repos/${repo}/issues/${number}/comments?per_page=3`);
    expect((first.json() as Obj[]).map((c) => c.body)).toEqual(['comment 1', 'comment 2', 'comment 3']);
    expect(first.headers.get('link')).toBe(
      `<${fake.url}/repos/${repo}/issues/${number}/comments?per_page=3&page=2>; rel="next", <${fake.url}/repos/${repo}/issues/${number}/comments?per_page=3&page=3>; rel="last"`,
    );

    const middle = await call(fake, 'GET', `/repos/${repo}/issues/${number}/comments?per_page=3&page=2`);
    const rels = [...(middle.headers.get('link') ?? '').matchAll(/page=(\d)>; rel="(\w+)"/g)].map((m) => `${m[2]}=${m[1]}`);
    expect(rels).toEqual(['prev=1', 'next=3', 'last=3', 'first=1']);

    const last = await call(fake, 'GET', `/repos/${repo}/issues/${number}/comments?per_page=3&page=3`);
    expect((last.json() as Obj[]).map((c) => c.body)).toEqual(['comment 7']);
    expect(last.headers.get('link')).not.toContain('rel="next"');
  });

  it('defaults to 30 per page and sends no Link header for a single page', async () => {
    const { repo, number } = seedRepo(fake);
    for (let i = 0; i < 31; i++) fake.addComment(repo, number, { user: 'bob', body: `c${i}` });
    const res = await call(fake, 'GET', `/repos/${repo}/issues/${number}/comments`);
    expect(res.json()).toHaveLength(30);
    expect(res.headers.get('link')).toContain('page=2>; rel="next"');
    const reviews = await call(fake, 'GET', `/repos/${repo}/pulls/${number}/reviews`);
    expect(reviews.headers.get('link')).toBeNull();
  });
});

describe('pull requests', () => {
  it('returns a complete pull request with the head and base of the world', async () => {
    const { repo, number, head } = seedRepo(fake);
    const res = await call(fake, 'GET', `/repos/${repo}/pulls/${number}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    const pr = res.json() as Obj & { head: Obj; base: Obj; labels: Obj[] };
    expect(pr).toMatchObject({ number, title: 'Release 1.2', state: 'open', changed_files: 2, additions: 2, deletions: 1, commits: 1 });
    expect(pr.head).toMatchObject({ ref: 'release/1.2', sha: head, label: 'acme:release/1.2' });
    expect(pr.base).toMatchObject({ ref: 'main', sha: fake.branchSha(repo, 'main') });
    expect(pr.labels.map((l) => l.name)).toEqual(['release']);
    expect(pr.html_url).toBe(`https://github.com/${repo}/pull/${number}`);
  });

  it('moves the head on push and lists the files of the three-dot diff', async () => {
    const { repo, number } = seedRepo(fake);
    fake.commit(repo, 'main', { 'unrelated.txt': 'base moved\n' });
    const sha = fake.pushToPullRequest(repo, number, { 'CHANGELOG.md': null, 'docs/new.md': 'new\n' });
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(fake.pullRequest(repo, number).head.sha).toBe(sha);
    const files = (await call(fake, 'GET', `/repos/${repo}/pulls/${number}/files`)).json() as Obj[];
    expect(files.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ['docs/new.md', 'added', 1, 0],
      ['src/app.ts', 'modified', 1, 1],
    ]);
    expect(files[1]).toMatchObject({ changes: 2, patch: '@@ -1 +1 @@\n-export const a = 1;\n+export const a = 2;' });
  });

  it('filters and sorts the list like GitHub', async () => {
    const { repo } = seedRepo(fake);
    const second = fake.openPullRequest(repo, { base: 'main', head: 'feature/x', title: 'X', author: 'bob' });
    fake.setPullRequest(repo, second, { state: 'closed' });
    const open = (await call(fake, 'GET', `/repos/${repo}/pulls`)).json() as Obj[];
    expect(open.map((p) => p.number)).toEqual([1]);
    const all = (await call(fake, 'GET', `/repos/${repo}/pulls?state=all`)).json() as Obj[];
    expect(all.map((p) => p.number)).toEqual([2, 1]);
    const byHead = (await call(fake, 'GET', `/repos/${repo}/pulls?state=all&head=acme:feature/x`)).json() as Obj[];
    expect(byHead.map((p) => p.number)).toEqual([2]);
  });

  it('answers 404 for a missing pull request', async () => {
    seedRepo(fake);
    const res = await call(fake, 'GET', '/repos/acme/rocket/pulls/99');
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ message: 'Not Found', status: '404' });
  });
});

describe('contents', () => {
  it('serves a file at the default branch, a branch or a SHA, and raw on request', async () => {
    const { repo, head } = seedRepo(fake);
    const file = (await call(fake, 'GET', `/repos/${repo}/contents/src/app.ts`)).json() as Obj;
    expect(file).toMatchObject({ type: 'file', encoding: 'base64', path: 'src/app.ts', size: 20 });
    expect(Buffer.from(String(file.content), 'base64').toString()).toBe('export const a = 1;\n');
    const atSha = (await call(fake, 'GET', `/repos/${repo}/contents/src/app.ts?ref=${head}`)).json() as Obj;
    expect(Buffer.from(String(atSha.content), 'base64').toString()).toBe('export const a = 2;\n');
    const raw = await call(fake, 'GET', `/repos/${repo}/contents/src/app.ts?ref=release/1.2`, { accept: 'application/vnd.github.raw+json' });
    expect(raw.text).toBe('export const a = 2;\n');
  });

  it('answers 404 JSON for a missing file or ref', async () => {
    const { repo } = seedRepo(fake);
    expect((await call(fake, 'GET', `/repos/${repo}/contents/nope.yml`)).json()).toMatchObject({ message: 'Not Found' });
    const badRef = await call(fake, 'GET', `/repos/${repo}/contents/src/app.ts?ref=nope`);
    expect(badRef.status).toBe(404);
  });
});

describe('checks and statuses', () => {
  it('lists only the latest check run per name and app unless filter=all', async () => {
    const { repo, head } = seedRepo(fake);
    fake.addCheckRun(repo, head, { name: 'build', status: 'completed', conclusion: 'failure' });
    const rerun = fake.addCheckRun(repo, head, { name: 'build', status: 'in_progress' });
    fake.addCheckRun(repo, head, { name: 'build', status: 'completed', conclusion: 'success', appSlug: 'circleci' });
    fake.updateCheckRun(rerun, { conclusion: 'success' });
    const latest = (await call(fake, 'GET', `/repos/${repo}/commits/${head}/check-runs`)).json() as { total_count: number; check_runs: Obj[] };
    expect(latest.total_count).toBe(2);
    expect(latest.check_runs.map((r) => [r.id, r.status, r.conclusion])).toContainEqual([rerun, 'completed', 'success']);
    const all = (await call(fake, 'GET', `/repos/${repo}/commits/release/1.2/check-runs?filter=all&check_name=build`)).json() as Obj;
    expect(all.total_count).toBe(3);
    expect((latest.check_runs[0] as { pull_requests: Obj[] }).pull_requests).toEqual([expect.objectContaining({ number: 1 })]);
  });

  it('creates statuses as the token actor and combines the latest per context', async () => {
    const { repo, head } = seedRepo(fake);
    fake.addStatus(repo, head, { context: 'ci/lint', state: 'failure', creator: 'bob' });
    fake.addStatus(repo, head, { context: 'ci/lint', state: 'success', creator: 'bob' });
    const created = await call(fake, 'POST', `/repos/${repo}/statuses/${head}`, { body: { state: 'pending', context: 'release-readiness', description: 'Waiting' } });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ state: 'pending', context: 'release-readiness', creator: { login: 'github-actions[bot]' } });
    const combined = (await call(fake, 'GET', `/repos/${repo}/commits/${head}/status`)).json() as Obj;
    expect(combined).toMatchObject({ state: 'pending', total_count: 2, sha: head });
    const list = (await call(fake, 'GET', `/repos/${repo}/commits/${head}/statuses`)).json() as Obj[];
    expect(list.map((s) => s.state)).toEqual(['pending', 'success', 'failure']);
    expect(fake.statuses(repo, head)[0]?.context).toBe('release-readiness');
  });
});

describe('comments and reactions', () => {
  it('creates, edits, reads and deletes comments', async () => {
    const { repo, number } = seedRepo(fake);
    const created = await call(fake, 'POST', `/repos/${repo}/issues/${number}/comments`, { body: { body: 'Readiness: 1/3' } });
    expect(created.status).toBe(201);
    const comment = created.json() as Obj & { id: number };
    expect(comment).toMatchObject({ user: { login: 'github-actions[bot]', type: 'Bot' }, author_association: 'NONE', reactions: { total_count: 0, '+1': 0 } });
    expect(comment.html_url).toBe(`https://github.com/${repo}/pull/${number}#issuecomment-${comment.id}`);
    expect(created.headers.get('location')).toBe(`${fake.url}/repos/${repo}/issues/comments/${comment.id}`);

    const edited = (await call(fake, 'PATCH', `/repos/${repo}/issues/comments/${comment.id}`, { body: { body: 'Readiness: 2/3' } })).json() as Obj;
    expect(edited.body).toBe('Readiness: 2/3');
    expect(Date.parse(String(edited.updated_at))).toBeGreaterThan(Date.parse(String(edited.created_at)));

    expect((await call(fake, 'DELETE', `/repos/${repo}/issues/comments/${comment.id}`)).status).toBe(204);
    expect((await call(fake, 'DELETE', `/repos/${repo}/issues/comments/${comment.id}`)).status).toBe(404);
    expect((await call(fake, 'GET', `/repos/${repo}/issues/comments/${comment.id}`)).status).toBe(404);
    expect(fake.comments(repo, number)).toEqual([]);
  });

  it('rejects comment bodies over 65536 characters like GitHub', async () => {
    const { repo, number } = seedRepo(fake);
    const res = await call(fake, 'POST', `/repos/${repo}/issues/${number}/comments`, { body: { body: 'x'.repeat(65537) } });
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'IssueComment', message: 'Body is too long (maximum is 65536 characters)' }] });
    expect(fake.violations).toHaveLength(1);
    fake.violations.length = 0;
  });

  it('answers 201 for a new reaction and 200 for a repeated one, and rolls them up', async () => {
    const { repo, number } = seedRepo(fake);
    const comment = fake.addComment(repo, number, { user: 'alice', body: '/approve' });
    fake.addReaction(comment.id, { user: 'bob', content: '+1' });
    const path = `/repos/${repo}/issues/comments/${comment.id}/reactions`;
    expect((await call(fake, 'POST', path, { body: { content: 'eyes' } })).status).toBe(201);
    expect((await call(fake, 'POST', path, { body: { content: 'eyes' } })).status).toBe(200);
    expect((await call(fake, 'GET', path)).json()).toHaveLength(2);
    expect((await call(fake, 'GET', `${path}?content=%2B1`)).json()).toEqual([expect.objectContaining({ content: '+1', user: expect.objectContaining({ login: 'bob' }) })]);
    const rollup = ((await call(fake, 'GET', `/repos/${repo}/issues/comments/${comment.id}`)).json() as { reactions: Obj }).reactions;
    expect(rollup).toMatchObject({ total_count: 2, '+1': 1, eyes: 1, heart: 0 });
    expect(fake.reactions(comment.id).map((r) => r.content)).toEqual(['+1', 'eyes']);
  });
});

describe('repository', () => {
  it('returns the full repository', async () => {
    seedRepo(fake);
    const repo = (await call(fake, 'GET', '/repos/acme/rocket')).json() as Obj;
    expect(repo).toMatchObject({ full_name: 'acme/rocket', default_branch: 'main', owner: { login: 'acme', type: 'Organization' }, organization: { login: 'acme' } });
    expect((await call(fake, 'GET', '/repos/acme/missing')).status).toBe(404);
  });
});
