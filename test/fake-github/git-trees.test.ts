// GET /repos/{owner}/{repo}/git/trees/{tree_sha}: real git SHAs, commit-ish
// arguments, `recursive`, truncation, and the contents permission.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { commitTreeSha, createFakeGitHub } from './index.ts';
import type { FakeGitHub } from './index.ts';
import { call, octokitFor, seedRepo } from './test-helpers.ts';

interface Entry {
  path: string;
  mode: string;
  type: string;
  sha: string;
  size?: number;
  url: string;
}
interface Tree {
  sha: string;
  url: string;
  tree: Entry[];
  truncated: boolean;
}

let fake: FakeGitHub;
const repo = 'acme/rocket';

beforeEach(async () => {
  fake = await createFakeGitHub();
  seedRepo(fake);
});
afterEach(async () => {
  expectNoViolations(fake);
  await fake.close();
});

async function tree(treeish: string, query = ''): Promise<Tree> {
  const res = await call(fake, 'GET', `/repos/${repo}/git/trees/${treeish}${query}`);
  expect(res.status).toBe(200);
  return res.json() as Tree;
}

// What `git write-tree` and `git ls-tree -r -t` give for the seeded main branch.
const mainTree = 'afc4954e79a5618ef932a059f38440d97c9987b3';
const mainListing = [
  ['.github', '040000', 'tree', '0d93d16abe3559456338051dc99ccb4b308d2c89'],
  ['.github/readiness.yml', '100644', 'blob', 'af23897607bb80e4b0f8f30c92aa98554ec0bea6'],
  ['src', '040000', 'tree', 'd51318adb5941c3c5b0cb839806efc0056b43d57'],
  ['src/app.ts', '100644', 'blob', 'cc798ff50da9473effe8bdb31c8c120fe42b61e3'],
];

describe('trees', () => {
  it('lists a branch’s whole tree recursively with the SHAs git computes', async () => {
    const main = await tree('main', '?recursive=1');
    expect(main.sha).toBe(mainTree);
    expect(main.url).toBe(`${fake.url}/repos/${repo}/git/trees/${mainTree}`);
    expect(main.truncated).toBe(false);
    expect(main.tree.map((e) => [e.path, e.mode, e.type, e.sha])).toEqual(mainListing);
    expect(main.tree[1]).toMatchObject({ size: 18, url: `${fake.url}/repos/${repo}/git/blobs/af23897607bb80e4b0f8f30c92aa98554ec0bea6` });
    expect(main.tree[0]).not.toHaveProperty('size');
    expect(commitTreeSha(fake.store, fake.branchSha(repo, 'main'))).toBe(mainTree);
  });

  it('takes a commit SHA, refs/heads/…, or a tree SHA; lists one level without `recursive`', async () => {
    const sha = fake.branchSha(repo, 'main');
    expect((await tree(sha, '?recursive=true')).sha).toBe(mainTree);
    expect((await tree(mainTree)).tree.map((e) => e.path)).toEqual(['.github', 'src']);
    // Any value turns recursion on, even 0 or false, as GitHub documents.
    expect((await tree(mainTree, '?recursive=false')).tree).toHaveLength(4);
    const head = await tree('release/1.2', '?recursive=1');
    expect(head.tree.map((e) => e.path)).toEqual(['.github', '.github/readiness.yml', 'CHANGELOG.md', 'src', 'src/app.ts']);
  });

  it('lists a subtree with paths relative to it, and agrees with the contents API', async () => {
    fake.commit(repo, 'main', { 'docs/guide/intro.md': '# Intro\n', 'docs/index.md': '# Docs\n' });
    const docs = (await tree('main')).tree.find((e) => e.path === 'docs')!;
    const sub = await tree(docs.sha, '?recursive=1');
    expect(sub.sha).toBe(docs.sha);
    expect(sub.tree.map((e) => e.path)).toEqual(['guide', 'guide/intro.md', 'index.md']);
    const listing = (await call(fake, 'GET', `/repos/${repo}/contents/docs`)).json() as { name: string; sha: string }[];
    expect(listing.map((e) => [e.name, e.sha])).toEqual(sub.tree.filter((e) => !e.path.includes('/')).map((e) => [e.path, e.sha]));
  });

  it('answers 404 for a tree or ref that does not exist', async () => {
    expect((await call(fake, 'GET', `/repos/${repo}/git/trees/${'0'.repeat(40)}`)).status).toBe(404);
    expect((await call(fake, 'GET', `/repos/${repo}/git/trees/no-such-branch`)).json()).toMatchObject({ message: 'Not Found', status: '404' });
    // Another repository's tree is not in this one.
    fake.createRepo('acme/other', { files: { 'only-here.txt': 'x\n' } });
    const other = commitTreeSha(fake.store, fake.branchSha('acme/other', 'main'));
    expect((await call(fake, 'GET', `/repos/${repo}/git/trees/${other}`)).status).toBe(404);
  });

  it('can be made to answer truncated: true with a partial listing', async () => {
    fake.setTreeTruncated(repo, true);
    const cut = await tree('main', '?recursive=1');
    expect(cut.truncated).toBe(true);
    expect(cut.tree.length).toBeLessThan(mainListing.length);
    fake.setTreeTruncated(repo, false);
    expect((await tree('main', '?recursive=1')).truncated).toBe(false);
  });

  it('is served to Octokit, and needs contents: read', async () => {
    const { data } = await octokitFor(fake).rest.git.getTree({ owner: 'acme', repo: 'rocket', tree_sha: 'main', recursive: 'true' });
    expect(data.tree.filter((e) => e.type === 'blob').map((e) => e.path)).toEqual(['.github/readiness.yml', 'src/app.ts']);
    fake.addToken('ghs_no_contents', { actor: 'github-actions[bot]', permissions: { pull_requests: 'read' } });
    const res = await call(fake, 'GET', `/repos/${repo}/git/trees/main`, { token: 'ghs_no_contents' });
    expect([res.status, res.headers.get('x-accepted-github-permissions')]).toEqual([403, 'contents=read']);
  });
});
