// Issue comments (a pull request's conversation) and their reactions. Deleted
// comments are kept, flagged, so that an `issue_comment.deleted` payload can
// still describe them.
import { nodeId } from '../ids.ts';
import type { CommentRecord, ReactionContent, ReactionRecord } from './model.ts';
import { ensureApp } from './checks.ts';
import type { Store } from './store.ts';

/** `viaApp`: the slug of a GitHub App that posted it on the author's behalf (performed_via_github_app). */
export function addComment(store: Store, repoName: string, number: number, author: string, body: string, viaApp?: string): CommentRecord {
  const repo = store.repo(repoName);
  const issue = store.issue(repoName, number);
  const now = store.clock.tick();
  const id = store.ids.next('comment');
  const comment: CommentRecord = {
    id,
    nodeId: nodeId('IC', id),
    repo: repo.fullName,
    issueNumber: number,
    author: store.user(author).login,
    body,
    createdAt: now,
    updatedAt: now,
    deleted: false,
  };
  if (viaApp !== undefined) comment.viaApp = ensureApp(store, viaApp).slug;
  store.comments.set(id, comment);
  issue.updatedAt = now;
  return comment;
}

export function editComment(store: Store, id: number, body: string, by?: string): CommentRecord {
  const comment = store.comment(id);
  const editor = store.user(by ?? comment.author).login;
  const at = store.clock.tick();
  (comment.edits ??= []).push({ by: editor, at, previousBody: comment.body });
  comment.previousBody = comment.body;
  comment.editedBy = editor;
  comment.body = body;
  comment.updatedAt = at;
  return comment;
}

export function deleteComment(store: Store, id: number): CommentRecord {
  const comment = store.comment(id);
  comment.deleted = true;
  store.clock.tick();
  return comment;
}

export function commentsOn(store: Store, repoName: string, number: number): CommentRecord[] {
  const repo = store.repo(repoName);
  return [...store.comments.values()]
    .filter((c) => !c.deleted && c.repo === repo.fullName && c.issueNumber === number)
    .sort((a, b) => a.id - b.id);
}

/** Adds a reaction unless the user already has that one; `created` tells which. */
export function addReaction(store: Store, commentId: number, user: string, content: ReactionContent): { reaction: ReactionRecord; created: boolean } {
  store.comment(commentId);
  const login = store.user(user).login;
  const existing = store.reactions.find((r) => r.commentId === commentId && r.user === login && r.content === content);
  if (existing) return { reaction: existing, created: false };
  const id = store.ids.next('reaction');
  const reaction: ReactionRecord = { id, nodeId: nodeId('REA', id), commentId, user: login, content, createdAt: store.clock.tick() };
  store.reactions.push(reaction);
  return { reaction, created: true };
}

export function reactionsOn(store: Store, commentId: number): ReactionRecord[] {
  return store.reactions.filter((r) => r.commentId === commentId);
}
