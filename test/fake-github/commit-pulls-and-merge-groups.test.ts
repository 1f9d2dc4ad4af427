// GET /commits/{sha}/pulls (the pull requests a commit is associated with) and
// merge queues: a merge group's branch, its commits per merge method, and what
// compare, the activity feed and the associated pull requests say about it.
import { describe, expect, it } from 'vitest';
import type { FakeGitHub, MergeMethod } from './index.ts';
import { call, linkTo, octokitFor, useSeededFake } from './test-helpers.ts';

const repo = 'acme/rocket';
const [owner, name] = ['acme', 'rocket'];
let fake: FakeGitHub;
let number: number;
let head: string;

useSeededFake((seeded) => ({ fake, number, head } = seeded));

async function associated(commitSha: string, token?: string): Promise<number[]> {
  const { data } = await octokitFor(fake, token).rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo: name, commit_sha: commitSha });
  return data.map((p) => p.number);
}

/** A second pull request from the seed's head branch release/1.2, into a new branch `base`. */
function sameHeadInto(base: string): number {
  fake.commit(repo, base, { [`${base}.txt`]: `${base}\n` });
  return fake.openPullRequest(repo, { base, head: 'release/1.2', title: `Release 1.2 into ${base}`, author: 'alice' });
}

describe('pull requests associated with a commit', () => {
  it('lists every open pull request whose commits hold it, as pull-request-simple', async () => {
    const second = sameHeadInto('develop');
    const { data } = await octokitFor(fake).rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo: name, commit_sha: head });
    expect(data.map((p) => [p.number, p.state, p.head.ref, p.head.sha, p.base.ref])).toEqual([
      [number, 'open', 'release/1.2', head, 'main'],
      [second, 'open', 'release/1.2', head, 'develop'],
    ]);
    // An older commit of the head, and the head branch's name, name the same pull requests.
    const newer = fake.pushToPullRequest(repo, number, { 'docs/notes.md': 'notes\n' });
    expect(await associated(head)).toEqual([number, second]);
    expect(await associated(newer)).toEqual([number, second]);
    expect(await associated('release/1.2')).toEqual([number, second]);
    // A commit already on the default branch was brought by no pull request here.
    expect(await associated(fake.branchSha(repo, 'main'))).toEqual([]);
    // Nor does an open pull request carrying it to another branch (a back-merge) count for it.
    const onMain = fake.commit(repo, 'main', { 'hotfix.txt': 'fix\n' });
    const sync = fake.commit(repo, 'sync/main', { 'sync.txt': 'sync\n' });
    const backMerge = fake.openPullRequest(repo, { base: 'develop', head: 'sync/main', title: 'Sync main', author: 'carol' });
    expect(await associated(onMain)).toEqual([]);
    expect(await associated(sync)).toEqual([backMerge]);
    // A commit only on the base of a stacked pull request is not one of its commits.
    const stacked = fake.openPullRequest(repo, { base: 'release/1.2', head: 'feature/x', title: 'X', author: 'bob' });
    const x = fake.pushToPullRequest(repo, stacked, { 'src/x.ts': 'export const x = 1;\n' });
    expect(await associated(x)).toEqual([stacked]);
    expect(await associated(newer)).toEqual([number, second]);
  });

  it('leaves out a pull request closed without merging, and keeps a merged one', async () => {
    const second = sameHeadInto('develop');
    fake.setPullRequest(repo, second, { state: 'closed' });
    expect(await associated(head)).toEqual([number]);
    fake.setPullRequest(repo, number, { merged: true, mergedBy: 'bob' });
    expect(await associated(head)).toEqual([number]);
    const { data } = await octokitFor(fake).rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo: name, commit_sha: head });
    expect(data[0]).toMatchObject({ state: 'closed', merged_at: expect.any(String) });
    // Reopening brings the unmerged one back.
    fake.setPullRequest(repo, second, { state: 'open' });
    expect(await associated(head)).toEqual([number, second]);
  });

  it('lists a pull request from a fork in the base repository', async () => {
    fake.forkRepo(repo, 'mallory');
    const forked = fake.commit('mallory/rocket', 'patch-1', { 'src/app.ts': 'export const a = 666;\n' });
    const fromFork = fake.openPullRequest(repo, { base: 'main', head: 'patch-1', headRepo: 'mallory/rocket', title: 'Patch', author: 'mallory' });
    expect(await associated(forked)).toEqual([fromFork]);
  });

  it('pages like other lists, with a Link header', async () => {
    const more = ['develop', 'staging', 'qa'].map(sameHeadInto);
    const first = await call(fake, 'GET', `/repos/${repo}/commits/${head}/pulls?per_page=2`);
    expect((first.json() as { number: number }[]).map((p) => p.number)).toEqual([number, more[0]]);
    expect(linkTo(first, 'next')).toContain('page=2');
    expect(linkTo(first, 'last')).toContain('page=2');
    const second = await call(fake, 'GET', `/repos/${repo}/commits/${head}/pulls?per_page=2&page=2`);
    expect((second.json() as { number: number }[]).map((p) => p.number)).toEqual([more[1], more[2]]);
    expect(linkTo(second, 'prev')).toContain('page=1');
    const all = await octokitFor(fake).paginate(octokitFor(fake).rest.repos.listPullRequestsAssociatedWithCommit, { owner, repo: name, commit_sha: head, per_page: 1 });
    expect(all.map((p) => p.number)).toEqual([number, ...more]);
  });

  it('needs pull_requests: read, and answers 422 for a commit it does not know', async () => {
    fake.addToken('ghs_contents_only', { actor: 'github-actions[bot]', permissions: { contents: 'read' } });
    const denied = await call(fake, 'GET', `/repos/${repo}/commits/${head}/pulls`, { token: 'ghs_contents_only' });
    expect([denied.status, denied.headers.get('x-accepted-github-permissions')]).toEqual([403, 'pull_requests=read']);
    const unknown = await call(fake, 'GET', `/repos/${repo}/commits/${'f'.repeat(40)}/pulls`);
    expect([unknown.status, (unknown.json() as { message: string }).message]).toEqual([422, `No commit found for SHA: ${'f'.repeat(40)}`]);
    expect(fake.violations.splice(0)).toEqual([expect.objectContaining({ kind: 'request', message: expect.stringContaining('No commit found') })]);
  });
});

interface Commit {
  sha: string;
  commit: { message: string; author: { name: string }; committer: { name: string } };
  parents: { sha: string }[];
}
interface Comparison {
  status: string;
  ahead_by: number;
  behind_by: number;
  commits: Commit[];
  files: { filename: string; status: string }[];
}

describe('merge groups', () => {
  /** The seed's #1 and a docs pull request #2 off main, then main moves on: the group starts from main's new tip. */
  function queueTwo(): { second: number; secondHead: string; main: string } {
    const second = fake.openPullRequest(repo, { base: 'main', head: 'docs/guide', title: 'Guide', author: 'bob' });
    const secondHead = fake.pushToPullRequest(repo, second, { 'docs/guide.md': '# Guide\n' }, { message: 'Add the guide' });
    const main = fake.commit(repo, 'main', { 'unrelated.txt': 'base moved\n' });
    return { second, secondHead, main };
  }

  it.each<MergeMethod>(['merge', 'squash'])('%s: puts each pull request in order on the base tip', async (method) => {
    const { second, secondHead, main } = queueTwo();
    const group = fake.createMergeGroup(repo, 'main', [number, second], { method });
    expect(group).toEqual({ headSha: expect.stringMatching(/^[0-9a-f]{40}$/), headRef: `gh-readonly-queue/main/pr-${second}-${main}`, baseSha: main });
    expect(fake.branchSha(repo, group.headRef)).toBe(group.headSha);

    // The head's tree: the base tip with both pull requests' changes.
    expect(fake.fileAt(repo, group.headSha, 'unrelated.txt')).toBe('base moved\n');
    expect(fake.fileAt(repo, group.headSha, 'src/app.ts')).toBe('export const a = 2;\n');
    expect(fake.fileAt(repo, group.headSha, 'CHANGELOG.md')).toBe('# 1.2\n');
    expect(fake.fileAt(repo, group.headSha, 'docs/guide.md')).toBe('# Guide\n');

    const res = await call(fake, 'GET', `/repos/${repo}/compare/${main}...${group.headSha}`);
    const comparison = res.json() as Comparison;
    expect(comparison).toMatchObject({ status: 'ahead', behind_by: 0 });
    expect(comparison.files.map((f) => [f.filename, f.status])).toEqual([
      ['CHANGELOG.md', 'added'],
      ['docs/guide.md', 'added'],
      ['src/app.ts', 'modified'],
    ]);
    const groupCommits = comparison.commits.filter((c) => c.sha !== head && c.sha !== secondHead);
    if (method === 'merge') {
      // The pull requests' own commits, and a merge commit for each.
      expect(comparison.commits.map((c) => c.sha)).toEqual(expect.arrayContaining([head, secondHead]));
      expect(groupCommits.map((c) => [c.commit.message, c.parents.map((p) => p.sha)])).toEqual([
        [`Merge pull request #${number} from acme/release/1.2\n\nRelease 1.2`, [main, head]],
        [`Merge pull request #${second} from acme/docs/guide\n\nGuide`, [groupCommits[0]!.sha, secondHead]],
      ]);
    } else {
      // One commit per pull request, none of the pull requests' own.
      expect(comparison.commits).toHaveLength(2);
      expect(groupCommits.map((c) => [c.commit.message, c.parents.map((p) => p.sha)])).toEqual([
        [`Release 1.2 (#${number})`, [main]],
        [`Guide (#${second})`, [groupCommits[0]!.sha]],
      ]);
    }
    expect(groupCommits.at(-1)!.sha).toBe(group.headSha);
    expect(groupCommits.map((c) => [c.commit.author.name, c.commit.committer.name])).toEqual([
      ['alice', 'web-flow'],
      ['bob', 'web-flow'],
    ]);
    // Compare also takes the group's branch by name.
    const byName = (await call(fake, 'GET', `/repos/${repo}/compare/main...${group.headRef}`)).json() as Comparison;
    expect(byName.commits.at(-1)!.sha).toBe(group.headSha);

    // The base and the pull requests stay where they were.
    expect(fake.branchSha(repo, 'main')).toBe(main);
    expect(fake.pullRequest(repo, number)).toMatchObject({ state: 'open', head: { sha: head }, merged: false });
    // GitHub associates no pull request with a group's own commits; the queued heads keep theirs.
    expect(await associated(group.headSha)).toEqual([]);
    expect(await associated(secondHead)).toEqual([second]);
  });

  it('records the branch creation by github-merge-queue[bot] in the activity feed', async () => {
    const { second } = queueTwo();
    const group = fake.createMergeGroup(repo, 'main', [number, second]);
    expect(fake.activity(repo)[0]).toMatchObject({
      ref: `refs/heads/${group.headRef}`,
      activity_type: 'branch_creation',
      before: '0'.repeat(40),
      after: group.headSha,
      actor: { login: 'github-merge-queue[bot]', type: 'Bot' },
    });
    const res = await call(fake, 'GET', `/repos/${repo}/activity?actor=github-merge-queue%5Bbot%5D`);
    expect((res.json() as { ref: string }[]).map((a) => a.ref)).toEqual([`refs/heads/${group.headRef}`]);
  });

  it('builds a group of one, and refuses what GitHub would not queue', () => {
    const single = fake.createMergeGroup(repo, 'main', [number], { method: 'squash' });
    expect(single.headRef).toBe(`gh-readonly-queue/main/pr-${number}-${single.baseSha}`);
    expect(() => fake.createMergeGroup(repo, 'main', [number], { method: 'squash' })).toThrow(/already exists/);

    // Two pull requests changing one file differently conflict.
    const rival = fake.openPullRequest(repo, { base: 'main', head: 'rival', title: 'Rival', author: 'bob' });
    fake.pushToPullRequest(repo, rival, { 'src/app.ts': 'export const a = 3;\n' });
    expect(() => fake.createMergeGroup(repo, 'main', [number, rival])).toThrow(/conflicts .* src\/app\.ts/);

    const draft = fake.openPullRequest(repo, { base: 'main', head: 'draft', title: 'Draft', author: 'bob', draft: true });
    expect(() => fake.createMergeGroup(repo, 'main', [draft])).toThrow(/draft/);
    fake.setPullRequest(repo, rival, { state: 'closed' });
    expect(() => fake.createMergeGroup(repo, 'main', [rival])).toThrow(/closed/);
    fake.commit(repo, 'develop', { 'develop.txt': 'x\n' });
    expect(() => fake.createMergeGroup(repo, 'develop', [number])).toThrow(/targets main/);
    expect(() => fake.createMergeGroup(repo, 'main', [])).toThrow(/at least one/);
  });
});
