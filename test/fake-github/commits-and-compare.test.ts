// A pull request's commits and GET /compare/{BASE...HEAD}, through history
// that moves the way pull requests do: pushes, empty and amended commits
// (new SHA, same tree), force pushes onto the base, renames, retargeting.
import { describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/payloads.ts';
import type { FakeGitHub } from './index.ts';
import { call, linkTo, octokitFor, useSeededFake } from './test-helpers.ts';

interface Commit {
  sha: string;
  url: string;
  commit: { message: string; tree: { sha: string; url: string }; author: { name: string; date: string }; committer: { name: string; date: string } };
  author: { login: string };
  parents: { sha: string }[];
}
interface File {
  filename: string;
  status: string;
  previous_filename?: string;
  additions: number;
  deletions: number;
  changes: number;
  sha: string;
  blob_url: string;
  raw_url: string;
  contents_url: string;
}
interface Comparison {
  status: string;
  ahead_by: number;
  behind_by: number;
  total_commits: number;
  merge_base_commit: Commit;
  base_commit: Commit;
  commits: Commit[];
  files?: File[];
  permalink_url: string;
}

let fake: FakeGitHub;
let number: number;
let head: string;
const repo = 'acme/rocket';

useSeededFake((seeded) => ({ fake, number, head } = seeded));

async function prCommits(query = ''): Promise<Commit[]> {
  const res = await call(fake, 'GET', `/repos/${repo}/pulls/${number}/commits${query}`);
  expect(res.status).toBe(200);
  return res.json() as Commit[];
}

async function compare(basehead: string, query = ''): Promise<Comparison> {
  const res = await call(fake, 'GET', `/repos/${repo}/compare/${basehead}${query}`);
  expect(res.status).toBe(200);
  return res.json() as Comparison;
}

describe('pull request commits', () => {
  it('lists the head’s commits oldest first, with parents and git tree SHAs', async () => {
    const second = fake.pushToPullRequest(repo, number, { 'docs/notes.md': 'notes\n' }, { message: 'Add notes' });
    const commits = await prCommits();
    expect(commits.map((c) => c.sha)).toEqual([head, second]);
    expect(commits[1]!.parents.map((p) => p.sha)).toEqual([head]);
    expect(commits[0]!.parents.map((p) => p.sha)).toEqual([fake.branchSha(repo, 'main')]);
    expect(commits[1]!.commit).toMatchObject({ message: 'Add notes', tree: { sha: fake.treeSha(second), url: `${fake.url}/repos/${repo}/git/trees/${fake.treeSha(second)}` } });
    expect(commits[1]!.author.login).toBe('alice');
    // The tree SHA is the one the git trees endpoint serves for that commit.
    const tree = (await call(fake, 'GET', `/repos/${repo}/git/trees/${second}`)).json() as { sha: string };
    expect(tree.sha).toBe(commits[1]!.commit.tree.sha);
  });

  it('gives an empty commit and an amended commit new SHAs with an unchanged tree', async () => {
    const empty = fake.pushToPullRequest(repo, number, {}, { allowEmpty: true, message: 'Re-run checks' });
    expect(() => fake.pushToPullRequest(repo, number, { 'src/app.ts': 'export const a = 2;\n' })).toThrow(/changes nothing/);
    let commits = await prCommits();
    expect(commits.map((c) => c.sha)).toEqual([head, empty]);
    // An empty commit has the same tree as its parent.
    expect(commits[1]!.commit.tree.sha).toBe(commits[0]!.commit.tree.sha);

    fake.clock.advance(600);
    const amended = fake.amendPullRequest(repo, number, { message: 'Re-run checks (signed)' });
    expect(amended).not.toBe(empty);
    expect(fake.headSha(repo, number)).toBe(amended);
    commits = await prCommits();
    expect(commits.map((c) => c.sha)).toEqual([head, amended]);
    // Amending keeps the tree, the parent and the author date; only the committer date moves.
    expect(commits[1]!.commit.tree.sha).toBe(commits[0]!.commit.tree.sha);
    expect(commits[1]!.parents.map((p) => p.sha)).toEqual([head]);
    expect(commits[1]!.commit.message).toBe('Re-run checks (signed)');
    expect(Date.parse(commits[1]!.commit.committer.date) - Date.parse(commits[1]!.commit.author.date)).toBeGreaterThanOrEqual(600_000);
    // The synchronize event names the replaced head as `before`, not the parent.
    expect(pullRequestEvent(fake, repo, number, 'synchronize')).toMatchObject({ before: empty, after: amended });
  });

  it('pages like GitHub and stops at 250 commits', async () => {
    for (let i = 0; i < 254; i++) fake.pushToPullRequest(repo, number, { 'counter.txt': `${i}\n` });
    const first = await call(fake, 'GET', `/repos/${repo}/pulls/${number}/commits?per_page=100`);
    expect(linkTo(first, 'last')).toContain('page=3');
    const all = await octokitFor(fake).paginate(octokitFor(fake).rest.pulls.listCommits, { owner: 'acme', repo: 'rocket', pull_number: number, per_page: 100 });
    expect(all).toHaveLength(250);
    expect(all[0]!.sha).toBe(head);
    expect(fake.pullRequest(repo, number).commits).toBe(255);
  });

  it('needs pull_requests: read', async () => {
    fake.addToken('ghs_contents_only', { actor: 'github-actions[bot]', permissions: { contents: 'read' } });
    const res = await call(fake, 'GET', `/repos/${repo}/pulls/${number}/commits`, { token: 'ghs_contents_only' });
    expect([res.status, res.headers.get('x-accepted-github-permissions')]).toEqual([403, 'pull_requests=read']);
    expect((await call(fake, 'GET', `/repos/${repo}/pulls/99/commits`)).status).toBe(404);
  });
});

describe('compare', () => {
  it('reports ahead, behind, diverged and identical with the merge base', async () => {
    const main = fake.branchSha(repo, 'main');
    expect(await compare('main...release/1.2')).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1, merge_base_commit: { sha: main }, base_commit: { sha: main } });
    expect(await compare('release/1.2...main')).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 1, commits: [], files: [] });
    expect(await compare(`${head}...${head}`)).toMatchObject({ status: 'identical', ahead_by: 0, behind_by: 0, commits: [], files: [] });
    const moved = fake.commit(repo, 'main', { 'unrelated.txt': 'base moved\n' });
    const diverged = await compare(`main...${head.slice(0, 12)}`);
    expect(diverged).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 1, merge_base_commit: { sha: main }, base_commit: { sha: moved } });
    expect(diverged.commits.map((c) => c.sha)).toEqual([head]);
    expect(diverged.permalink_url).toBe(`https://github.com/${repo}/compare/acme:${moved}...acme:${head}`);
  });

  it('lists the files changed from the merge base to the head (three dots)', async () => {
    fake.commit(repo, 'main', { 'unrelated.txt': 'base moved\n' });
    const before = fake.headSha(repo, number);
    const after = fake.pushToPullRequest(repo, number, { 'CHANGELOG.md': null, 'docs/guide.md': '# Guide\n' });
    const { files, commits } = await compare(`${before}...${after}`);
    expect(commits.map((c) => c.sha)).toEqual([after]);
    expect(files!.map((f) => [f.filename, f.status, f.additions, f.deletions, f.changes])).toEqual([
      ['CHANGELOG.md', 'removed', 0, 1, 1],
      ['docs/guide.md', 'added', 1, 0, 1],
    ]);
    expect(files![1]).toMatchObject({
      blob_url: `https://github.com/${repo}/blob/${after}/docs/guide.md`,
      raw_url: `https://github.com/${repo}/raw/${after}/docs/guide.md`,
      contents_url: `${fake.url}/repos/${repo}/contents/docs/guide.md?ref=${after}`,
    });
    // Against the branch: the base's own change is not part of a three-dot
    // comparison, and CHANGELOG.md, added then removed, is no change at all.
    expect((await compare('main...release/1.2')).files!.map((f) => f.filename)).toEqual(['docs/guide.md', 'src/app.ts']);
  });

  it('shows a file moved unchanged as renamed, as the pull request files do', async () => {
    fake.pushToPullRequest(repo, number, { '.github/readiness.yml': null, 'config/readiness.yml': 'checks:\n  - build\n' });
    const renamed = { filename: 'config/readiness.yml', status: 'renamed', previous_filename: '.github/readiness.yml', additions: 0, deletions: 0, changes: 0 };
    const { files } = await compare(`main...release/1.2`);
    expect(files!.map((f) => f.filename)).toEqual(['CHANGELOG.md', 'config/readiness.yml', 'src/app.ts']);
    expect(files).toContainEqual(expect.objectContaining(renamed));
    expect(files![1]).not.toHaveProperty('patch');
    const pullFiles = (await call(fake, 'GET', `/repos/${repo}/pulls/${number}/files`)).json() as File[];
    expect(pullFiles).toContainEqual(expect.objectContaining(renamed));
  });

  it('follows a force push that rewrites the pull request onto the base', async () => {
    const old = fake.headSha(repo, number);
    fake.commit(repo, 'main', { 'unrelated.txt': 'base moved\n' });
    const mainTip = fake.branchSha(repo, 'main');
    const rewritten = fake.forcePushPullRequest(repo, number, { 'src/app.ts': 'export const a = 3;\n' });
    expect(fake.pullRequest(repo, number)).toMatchObject({ head: { sha: rewritten }, commits: 1, changed_files: 1 });
    const commits = await prCommits();
    expect(commits.map((c) => [c.sha, c.parents.map((p) => p.sha)])).toEqual([[rewritten, [mainTip]]]);
    const comparison = await compare('main...release/1.2');
    expect(comparison).toMatchObject({ status: 'ahead', ahead_by: 1, merge_base_commit: { sha: mainTip } });
    expect(comparison.files!.map((f) => [f.filename, f.status])).toEqual([['src/app.ts', 'modified']]);
    // The old head is no ancestor of the new one any more: the new side has the moved base and the rewrite.
    expect(await compare(`${old}...${rewritten}`)).toMatchObject({ status: 'diverged', ahead_by: 2, behind_by: 1 });
    expect(pullRequestEvent(fake, repo, number, 'synchronize')).toMatchObject({ before: old, after: rewritten });
  });

  it('pages commits when asked, with files on the first page only, and answers 404 like GitHub', async () => {
    for (let i = 0; i < 3; i++) fake.pushToPullRequest(repo, number, { [`f${i}.txt`]: `${i}\n` });
    const page2 = await call(fake, 'GET', `/repos/${repo}/compare/main...release/1.2?per_page=2&page=2`);
    const body = page2.json() as Comparison;
    expect([body.commits.length, body.total_commits, body.files]).toEqual([2, 4, undefined]);
    expect(linkTo(page2, 'prev')).toContain('page=1');
    expect((await compare('main...release/1.2', '?per_page=2')).files).toHaveLength(5);
    for (const basehead of ['main...nope', 'main..release/1.2', 'main']) {
      expect((await call(fake, 'GET', `/repos/${repo}/compare/${basehead}`)).status).toBe(404);
    }
    fake.addToken('ghs_no_contents', { actor: 'github-actions[bot]', permissions: { pull_requests: 'read' } });
    const res = await call(fake, 'GET', `/repos/${repo}/compare/main...release/1.2`, { token: 'ghs_no_contents' });
    expect([res.status, res.headers.get('x-accepted-github-permissions')]).toEqual([403, 'contents=read']);
  });

  it('compares with a branch of a fork as owner:branch, and is served to Octokit', async () => {
    fake.forkRepo(repo, 'mallory');
    const forked = fake.commit('mallory/rocket', 'patch-1', { 'src/app.ts': 'export const a = 666;\n' });
    const { data } = await octokitFor(fake).rest.repos.compareCommitsWithBasehead({ owner: 'acme', repo: 'rocket', basehead: 'main...mallory:patch-1' });
    expect(data).toMatchObject({ status: 'ahead', ahead_by: 1, commits: [{ sha: forked }], files: [{ filename: 'src/app.ts', status: 'modified' }] });
  });
});

describe('retargeting', () => {
  it('moves base.ref and base.sha, and the commits and files with them', async () => {
    // A stacked pull request onto the release branch, then retargeted to main.
    const stacked = fake.openPullRequest(repo, { base: 'release/1.2', head: 'feature/x', title: 'X', author: 'bob' });
    fake.pushToPullRequest(repo, stacked, { 'src/x.ts': 'export const x = 1;\n' });
    const files = async () => ((await call(fake, 'GET', `/repos/${repo}/pulls/${stacked}/files`)).json() as File[]).map((f) => f.filename);
    expect(await files()).toEqual(['src/x.ts']);
    fake.retargetPullRequest(repo, stacked, 'main');
    expect(fake.pullRequest(repo, stacked)).toMatchObject({ base: { ref: 'main', sha: fake.branchSha(repo, 'main') }, commits: 2 });
    expect(await files()).toEqual(['CHANGELOG.md', 'src/app.ts', 'src/x.ts']);
    expect(() => fake.retargetPullRequest(repo, stacked, 'no-such-branch')).toThrow(/No base branch/);
  });
});
