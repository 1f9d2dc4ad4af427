import type { GitHubClient } from '../octokit-client.ts';
import type { RepoRef } from '../repository.ts';
import type { ReaderContext } from './reader-context.ts';

/** GitHub lists at most this many files in a comparison: a longer list may be cut short. */
const MAX_COMPARED_FILES = 300;
/** Pages of 100 commits read at most for the PR's authors. */
const MAX_COMMIT_PAGES = 30;

/** GitHub's own committer on commits made in its web interface and on merges: not a person. */
const GITHUB_COMMITTER = 'web-flow';

/**
 * Lower-cased login → a commit of the PR that account authored or committed. Read through
 * the comparison with the base, which pages through every commit (the PR's own list stops at 250).
 */
export async function readCommitAuthors({ client, repo, pr }: ReaderContext): Promise<Record<string, string>> {
  const authors: Record<string, string> = {};
  const basehead = `${pr.base.sha}...${pr.head.sha}`;
  for (let page = 1, seen = 0; ; page++) {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead, per_page: 100, page });
    for (const commit of data.commits) {
      for (const login of [commit.author?.login, commit.committer?.login]) {
        if (login && login !== GITHUB_COMMITTER) authors[login.toLowerCase()] ??= commit.sha;
      }
    }
    seen += data.commits.length;
    if (seen >= data.total_commits || data.commits.length === 0) return authors;
    if (page >= MAX_COMMIT_PAGES) throw new Error(`the pull request has ${data.total_commits} commits, more than the ${MAX_COMMIT_PAGES * 100} the gate reads`);
  }
}

type TreeEntries = Map<string, string>;

async function treeEntries(client: GitHubClient, repo: RepoRef, sha: string): Promise<TreeEntries> {
  const { data } = await client.rest.git.getTree({ ...repo, tree_sha: sha, recursive: 'true' });
  if (data.truncated) throw new Error(`GitHub cut the file listing of ${sha.slice(0, 7)} short (too many files)`);
  return new Map(data.tree.filter((entry) => entry.type !== 'tree' && entry.path).map((entry) => [entry.path!, `${entry.mode ?? ''} ${entry.sha ?? ''}`]));
}

/**
 * The paths whose content differs between two commits' files (a two-tree diff, not what one
 * added since a merge base: a push that drops signed changes must show them). The comparison
 * answers in one request when `from` is an ancestor of `to` and fewer files than GitHub's cap
 * changed; otherwise the two trees are compared.
 */
export async function changedBetween({ client, repo }: ReaderContext, from: string, to: string): Promise<string[]> {
  const { data } = await client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${from}...${to}` });
  const files = data.files ?? [];
  if ((data.status === 'ahead' || data.status === 'identical') && files.length < MAX_COMPARED_FILES) {
    return files.flatMap((file) => (file.previous_filename ? [file.filename, file.previous_filename] : [file.filename]));
  }
  const [before, after] = await Promise.all([treeEntries(client, repo, from), treeEntries(client, repo, to)]);
  const changed = new Set<string>();
  for (const [path, entry] of after) if (before.get(path) !== entry) changed.add(path);
  for (const path of before.keys()) if (!after.has(path)) changed.add(path);
  return [...changed];
}
