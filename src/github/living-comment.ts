import type { CommentFact } from '../core/evidence/snapshot.ts';
import { isLivingComment } from '../core/render/marker.ts';
import { httpStatusOf } from './api-problem.ts';
import type { GitHubClient } from './octokit-client.ts';
import { listComments } from './evidence/pull-readers.ts';
import type { RepoRef } from './repository.ts';
import { requireFields } from './response-shape.ts';

export interface PublishedComment {
  id: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged';
}

interface KnownComment {
  id: number;
  body: string;
  htmlUrl: string;
}

function gateComments(comments: readonly CommentFact[]): KnownComment[] {
  return comments.filter((comment) => isLivingComment(comment.body, comment.user?.type)).sort((a, b) => a.id - b.id);
}

async function listGateComments(client: GitHubClient, repo: RepoRef, number: number): Promise<KnownComment[]> {
  return gateComments(await listComments(client, repo, number));
}

async function deleteQuietly(client: GitHubClient, repo: RepoRef, id: number): Promise<void> {
  try {
    await client.rest.issues.deleteComment({ ...repo, comment_id: id });
  } catch (error) {
    // Another run may have removed the same duplicate first.
    if (httpStatusOf(error) !== 404) throw error;
  }
}

/** Keeps the oldest gate comment, removes the others, and makes it say `body`. */
async function settle(client: GitHubClient, repo: RepoRef, ours: KnownComment[], body: string, created: boolean): Promise<PublishedComment> {
  const [keep, ...duplicates] = ours;
  for (const duplicate of duplicates) await deleteQuietly(client, repo, duplicate.id);
  if (keep!.body === body) return { id: keep!.id, url: keep!.htmlUrl, action: created ? 'created' : 'unchanged' };
  const { data } = await client.rest.issues.updateComment({ ...repo, comment_id: keep!.id, body });
  const updated = requireFields<{ id: number; html_url: string }>(data, ['id', 'html_url'], 'editing the readiness comment');
  return { id: updated.id, url: updated.html_url, action: created ? 'created' : 'updated' };
}

/**
 * One living comment per PR: found again by its hidden marker and a Bot author,
 * edited in place, and not re-sent when unchanged. Two runs that both create one
 * converge: after creating, each re-reads and keeps only the oldest.
 */
export async function publishLivingComment(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
  body: string,
  known: readonly CommentFact[] | null,
): Promise<PublishedComment> {
  const existing = known ? gateComments(known) : await listGateComments(client, repo, number);
  if (existing.length > 0) return settle(client, repo, existing, body, false);

  const { data } = await client.rest.issues.createComment({ ...repo, issue_number: number, body });
  requireFields(data, ['id', 'html_url'], 'creating the readiness comment');
  return settle(client, repo, await listGateComments(client, repo, number), body, true);
}

/** The gate's comment, if it already has one on this PR. */
export function findLivingComment(known: readonly CommentFact[]): KnownComment | undefined {
  return gateComments(known)[0];
}
