import type { CommentFact, GateIdentity } from '../../core/evidence/snapshot.ts';
import { isLivingComment } from '../../core/markers/gate-comments.ts';
import { httpStatusOf } from '../api-problem.ts';
import { expectWrittenAs } from '../gate-identity.ts';
import type { GitHubClient } from '../octokit-client.ts';
import { listComments } from '../evidence/pull-readers.ts';
import type { RepoRef } from '../repository.ts';
import { requireFields } from '../response-shape.ts';

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

/** Only the gate's own login makes a comment the gate's: anyone can copy the marker. */
function gateComments(comments: readonly CommentFact[], identity: GateIdentity): KnownComment[] {
  return comments.filter((comment) => isLivingComment(comment, identity)).sort((a, b) => a.id - b.id);
}

async function listGateComments(client: GitHubClient, repo: RepoRef, number: number, identity: GateIdentity, since?: string): Promise<KnownComment[]> {
  return gateComments(await listComments(client, repo, number, since), identity);
}

export interface CommentTarget {
  repo: RepoRef;
  number: number;
  identity: GateIdentity;
}

/** A race is between runs of the same event burst: minutes apart at most. */
const RACE_WINDOW_MS = 10 * 60_000;

async function deleteQuietly(client: GitHubClient, repo: RepoRef, id: number): Promise<void> {
  try {
    await client.rest.issues.deleteComment({ ...repo, comment_id: id });
  } catch (error) {
    // Another run may have removed the same duplicate first.
    if (httpStatusOf(error) !== 404) throw error;
  }
}

/** Keeps the oldest gate comment, removes the others, and makes it say `body`. */
async function settle(client: GitHubClient, target: CommentTarget, ours: KnownComment[], body: string, created: boolean): Promise<PublishedComment> {
  const { repo } = target;
  const [keep, ...duplicates] = ours;
  for (const duplicate of duplicates) await deleteQuietly(client, repo, duplicate.id);
  if (keep!.body === body) return { id: keep!.id, url: keep!.htmlUrl, action: created ? 'created' : 'unchanged' };
  const { data } = await client.rest.issues.updateComment({ ...repo, comment_id: keep!.id, body });
  const updated = requireFields<{ id: number; html_url: string; user?: { login: string } | null }>(data, ['id', 'html_url'], 'editing the readiness comment');
  expectWrittenAs(target.identity, updated.user?.login, 'the readiness comment');
  return { id: updated.id, url: updated.html_url, action: created ? 'created' : 'updated' };
}

/**
 * One living comment per PR: found again by its hidden marker and a Bot author,
 * edited in place, and not re-sent when unchanged. Two runs that both create one
 * converge: after creating, each re-reads and keeps only the oldest.
 */
export async function publishLivingComment(client: GitHubClient, target: CommentTarget, body: string, known: readonly CommentFact[] | null): Promise<PublishedComment> {
  const { repo, number, identity } = target;
  const existing = known ? gateComments(known, identity) : await listGateComments(client, repo, number, identity);
  if (existing.length > 0) return settle(client, target, existing, body, false);

  const { data } = await client.rest.issues.createComment({ ...repo, issue_number: number, body });
  const created = requireFields<{ created_at: string; user?: { login: string } | null }>(data, ['id', 'html_url', 'created_at'], 'creating the readiness comment');
  expectWrittenAs(identity, created.user?.login, 'the readiness comment');
  // Only comments from around now can be a racing run's: on a PR with thousands of comments
  // this re-reads one page, not all of them.
  const since = new Date(Date.parse(created.created_at) - RACE_WINDOW_MS).toISOString();
  return settle(client, target, await listGateComments(client, repo, number, identity, since), body, true);
}
