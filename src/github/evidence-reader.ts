import type {
  CheckRunFact,
  CommentFact,
  EvidenceSources,
  PullRequestFacts,
  Readable,
  ReviewFact,
  SourceName,
  StatusFact,
} from '../core/evidence/snapshot.ts';
import { describeApiError } from './api-problem.ts';
import type { GitHubClient } from './octokit-client.ts';
import { toActor } from './pull-requests.ts';
import type { RepoRef } from './repository.ts';

type Reader<T> = (client: GitHubClient, repo: RepoRef, pr: PullRequestFacts) => Promise<T>;

const readCheckRuns: Reader<CheckRunFact[]> = async (client, repo, pr) => {
  const runs = await client.paginate(client.rest.checks.listForRef, { ...repo, ref: pr.head.sha, per_page: 100, filter: 'latest' });
  return runs.map((run) => ({
    id: run.id,
    name: run.name,
    status: run.status,
    conclusion: run.conclusion ?? null,
    htmlUrl: run.html_url ?? null,
    appSlug: run.app?.slug ?? null,
  }));
};

const readStatuses: Reader<StatusFact[]> = async (client, repo, pr) => {
  const statuses = await client.paginate(client.rest.repos.listCommitStatusesForRef, { ...repo, ref: pr.head.sha, per_page: 100 });
  return statuses.map((status) => ({
    id: status.id,
    context: status.context,
    state: status.state,
    description: status.description ?? null,
    targetUrl: status.target_url ?? null,
    createdAt: status.created_at,
    creator: toActor(status.creator),
  }));
};

const readReviews: Reader<ReviewFact[]> = async (client, repo, pr) => {
  const reviews = await client.paginate(client.rest.pulls.listReviews, { ...repo, pull_number: pr.number, per_page: 100 });
  return reviews.map((review) => ({
    id: review.id,
    user: toActor(review.user),
    state: review.state,
    commitId: review.commit_id ?? null,
    submittedAt: review.submitted_at ?? null,
    htmlUrl: review.html_url,
  }));
};

/** Every comment of the PR, oldest first: the sign-offs and the gate's own comment are among them. */
export async function listComments(client: GitHubClient, repo: RepoRef, number: number): Promise<CommentFact[]> {
  const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 });
  return comments.map((comment) => ({
    id: comment.id,
    user: toActor(comment.user),
    body: comment.body ?? '',
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
    htmlUrl: comment.html_url,
    plusOneReactions: comment.reactions?.['+1'] ?? 0,
  }));
}

const readComments: Reader<CommentFact[]> = (client, repo, pr) => listComments(client, repo, pr.number);

const READERS: { [K in SourceName]-?: { what: (pr: PullRequestFacts) => string; read: Reader<NonNullable<EvidenceSources[K]> extends Readable<infer T> ? T : never> } } = {
  checkRuns: { what: (pr) => `check runs of ${pr.head.sha.slice(0, 7)}`, read: readCheckRuns },
  statuses: { what: (pr) => `commit statuses of ${pr.head.sha.slice(0, 7)}`, read: readStatuses },
  reviews: { what: () => 'reviews', read: readReviews },
  comments: { what: () => 'comments', read: readComments },
};

async function readOne<K extends SourceName>(client: GitHubClient, repo: RepoRef, pr: PullRequestFacts, name: K): Promise<EvidenceSources[K]> {
  const reader = READERS[name];
  try {
    return { ok: true, value: await reader.read(client, repo, pr) } as EvidenceSources[K];
  } catch (error) {
    return { ok: false, problem: describeApiError(error, reader.what(pr)) } as EvidenceSources[K];
  }
}

/** Reads exactly the planned sources, each once, in parallel; an unreadable one is recorded, never dropped. */
export async function gatherEvidence(client: GitHubClient, repo: RepoRef, pr: PullRequestFacts, plan: readonly SourceName[]): Promise<EvidenceSources> {
  const entries = await Promise.all(plan.map(async (name) => [name, await readOne(client, repo, pr, name)] as const));
  return Object.fromEntries(entries) as EvidenceSources;
}
