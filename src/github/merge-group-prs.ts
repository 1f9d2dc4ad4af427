import type { GitHubClient } from './octokit-client.ts';
import type { RepoRef } from './repository.ts';

/** How many PRs a group may hold before the gate stops following it (GitHub's own limit is 100). */
const MAX_GROUP = 100;

/**
 * The pull requests of a merge group, in order, from the group's own commits. GitHub builds a
 * group as one commit per PR on top of the base: a merge commit "Merge pull request #N from …",
 * or a squash commit whose subject ends "(#N)". Only the first-parent chain is the queue's (a
 * PR's own commits hang off the second parents), and GitHub writes the number last, after
 * the PR's title. A commit of the chain that names no PR stops the gate: fail closed.
 */
export async function mergeGroupPullRequests(client: GitHubClient, repo: RepoRef, baseSha: string, headSha: string): Promise<{ number: number; head: string | null }[]> {
  const commits = new Map<string, { message: string; parents: string[] }>();
  for (let page = 1; page <= 10; page++) {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${baseSha}...${headSha}`, per_page: 100, page });
    for (const commit of data.commits) commits.set(commit.sha, { message: commit.commit.message, parents: commit.parents.map((parent) => parent.sha) });
    if (commits.size >= data.total_commits || data.commits.length === 0) break;
  }
  const prs: { number: number; head: string | null }[] = [];
  for (let sha = headSha; sha !== baseSha; ) {
    const commit = commits.get(sha);
    if (!commit || prs.length >= MAX_GROUP) throw new Error(`the merge group's commit ${sha.slice(0, 7)} could not be followed back to ${baseSha.slice(0, 7)}`);
    const subject = commit.message.split('\n')[0] ?? '';
    const number = /^Merge pull request #(\d+) from /.exec(subject)?.[1] ?? /\(#(\d+)\)\s*$/.exec(subject)?.[1];
    if (!number) throw new Error(`the merge group's commit ${sha.slice(0, 7)} ("${subject.slice(0, 60)}") names no pull request`);
    // A merge commit's second parent is the PR's head as the queue took it.
    prs.unshift({ number: Number(number), head: commit.parents.length > 1 ? commit.parents[1]! : null });
    sha = commit.parents[0]!;
  }
  return prs;
}
