import type { CheckRunFact, StatusFact } from '../../core/evidence/snapshot.ts';
import type { GitHubClient } from '../octokit-client.ts';
import { toActor } from '../pull-requests.ts';
import type { RepoRef } from '../repository.ts';

/** The latest check run per name and app on a commit (or a branch's head). */
export async function listCheckRuns(client: GitHubClient, repo: RepoRef, ref: string): Promise<CheckRunFact[]> {
  const runs = await client.paginate(client.rest.checks.listForRef, { ...repo, ref, per_page: 100, filter: 'latest' });
  return runs.map((run) => ({
    id: run.id,
    name: run.name,
    status: run.status,
    conclusion: run.conclusion ?? null,
    htmlUrl: run.html_url ?? null,
    appSlug: run.app?.slug ?? null,
    outputTitle: run.output?.title ?? null,
    outputSummary: run.output?.summary ?? null,
  }));
}

/** Every status on a commit, newest first, as GitHub lists them. */
export async function listStatuses(client: GitHubClient, repo: RepoRef, ref: string): Promise<StatusFact[]> {
  const statuses = await client.paginate(client.rest.repos.listCommitStatusesForRef, { ...repo, ref, per_page: 100 });
  return statuses.map((status) => ({
    id: status.id,
    context: status.context,
    state: status.state,
    description: status.description ?? null,
    targetUrl: status.target_url ?? null,
    createdAt: status.created_at,
    creator: toActor(status.creator),
  }));
}
