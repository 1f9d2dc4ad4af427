import type { ChangedFilesFact, CommentFact, ReviewFact, TreeFact } from '../../core/evidence/snapshot.ts';
import type { GitHubClient } from '../octokit-client.ts';
import { toActor } from '../pull-requests.ts';
import type { RepoRef } from '../repository.ts';
import type { ReaderContext } from './reader-context.ts';

/** GitHub lists at most this many files of a pull request. */
const MAX_LISTED_FILES = 3000;

export async function listReviews({ client, repo, pr }: ReaderContext): Promise<ReviewFact[]> {
  const reviews = await client.paginate(client.rest.pulls.listReviews, { ...repo, pull_number: pr.number, per_page: 100 });
  return reviews.map((review) => ({
    id: review.id,
    user: toActor(review.user),
    state: review.state,
    commitId: review.commit_id ?? null,
    submittedAt: review.submitted_at ?? null,
    htmlUrl: review.html_url,
  }));
}

/** Every comment of the PR, oldest first: the sign-offs and the gate's own comment are among them. */
export async function listComments(client: GitHubClient, repo: RepoRef, number: number, since?: string): Promise<CommentFact[]> {
  const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100, ...(since ? { since } : {}) });
  return comments.map((comment) => ({
    id: comment.id,
    user: toActor(comment.user),
    body: comment.body ?? '',
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
    htmlUrl: comment.html_url,
    plusOneReactions: comment.reactions?.['+1'] ?? 0,
    viaApp: comment.performed_via_github_app ? (comment.performed_via_github_app.slug ?? comment.performed_via_github_app.name) : null,
  }));
}

export async function listChangedFiles({ client, repo, pr }: ReaderContext): Promise<ChangedFilesFact> {
  const files = await client.paginate(client.rest.pulls.listFiles, { ...repo, pull_number: pr.number, per_page: 100 });
  return {
    files: files.map((file) => ({ path: file.filename, status: file.status, previousPath: file.previous_filename ?? null })),
    truncated: files.length >= MAX_LISTED_FILES,
  };
}

/** Every file path at the head commit, in one request. */
export async function readHeadTree({ client, repo, pr }: ReaderContext): Promise<TreeFact> {
  const { data } = await client.rest.git.getTree({ ...repo, tree_sha: pr.head.sha, recursive: 'true' });
  return {
    paths: data.tree.filter((entry) => entry.type === 'blob' && entry.path).map((entry) => entry.path!),
    truncated: data.truncated,
  };
}
