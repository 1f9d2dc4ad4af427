import type { Actor, PullRequestFacts } from '../core/evidence/snapshot.ts';
import type { GitHubClient } from './octokit-client.ts';
import type { RepoRef } from './repository.ts';
import { requireFields } from './response-shape.ts';

interface ApiUser {
  login: string;
  type?: string;
}

export function toActor(user: ApiUser | null | undefined): Actor | null {
  return user ? { login: user.login, type: user.type ?? 'User' } : null;
}

type ApiPullRequest = Awaited<ReturnType<GitHubClient['rest']['pulls']['get']>>['data'];
type ApiPullRequestListItem = Awaited<ReturnType<GitHubClient['rest']['pulls']['list']>>['data'][number];

export function toPullRequestFacts(pr: ApiPullRequest | ApiPullRequestListItem): PullRequestFacts {
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body ?? '',
    htmlUrl: pr.html_url,
    state: pr.state === 'closed' ? 'closed' : 'open',
    merged: Boolean(pr.merged_at),
    draft: Boolean(pr.draft),
    author: toActor(pr.user) ?? { login: 'ghost', type: 'User' },
    createdAt: pr.created_at,
    base: { ref: pr.base.ref, sha: pr.base.sha },
    head: { ref: pr.head.ref, sha: pr.head.sha, repo: pr.head.repo ? { owner: pr.head.repo.owner.login, name: pr.head.repo.name } : null },
    labels: pr.labels.map((label) => label.name ?? '').filter(Boolean),
  };
}

/** Always read the PR afresh: an event payload can be stale by the time the job runs. */
export async function getPullRequest(client: GitHubClient, repo: RepoRef, number: number): Promise<PullRequestFacts> {
  const { data } = await client.rest.pulls.get({ ...repo, pull_number: number });
  return toPullRequestFacts(requireFields<ApiPullRequest>(data, ['number', 'head', 'base', 'user'], `pull request #${number}`));
}

export async function listOpenPullRequests(client: GitHubClient, repo: RepoRef): Promise<PullRequestFacts[]> {
  const items = await client.paginate(client.rest.pulls.list, { ...repo, state: 'open', per_page: 100 });
  return items.map(toPullRequestFacts);
}

/** The open PRs whose head is exactly this commit (GitHub lists every PR whose head contains it). */
export async function openPullRequestsWithHead(client: GitHubClient, repo: RepoRef, sha: string): Promise<PullRequestFacts[]> {
  const items = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, { ...repo, commit_sha: sha, per_page: 100 });
  return items.filter((pr) => pr.state === 'open' && pr.head.sha === sha).map(toPullRequestFacts);
}
