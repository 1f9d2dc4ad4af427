// issue_comment payloads (created, edited, deleted) for a comment of the fake;
// a deleted comment is still known to the fake, so its payload can be built.
import type { IssueCommentEvent } from '@octokit/webhooks-types';
import type { FakeGitHub } from '../../fake-github/index.ts';
import { renderComment } from '../../fake-github/render/comment.ts';
import { renderIssue } from '../../fake-github/render/issue.ts';
import { envelope, example } from './examples.ts';

export interface CommentEventOptions {
  /** Defaults to the author (created, deleted) or the last editor (edited). */
  sender?: string;
}

export function issueCommentEvent(fake: FakeGitHub, commentId: number, action: 'created' | 'edited' | 'deleted', options: CommentEventOptions = {}): IssueCommentEvent {
  const comment = fake.store.comments.get(commentId);
  if (!comment) throw new Error(`No comment ${commentId}`);
  const issue = fake.store.issue(comment.repo, comment.issueNumber);
  const base = example('issue_comment', action);
  const sender = options.sender ?? (action === 'edited' ? (comment.editedBy ?? comment.author) : comment.author);
  const payload = envelope(fake, base, comment.repo, sender);
  payload.action = action;
  payload.issue = { ...(base.issue as object), ...renderIssue(fake.render, comment.repo, issue) };
  payload.comment = { ...(base.comment as object), ...renderComment(fake.render, comment) };
  if (action === 'edited') payload.changes = { body: { from: comment.previousBody ?? comment.body } };
  else delete payload.changes;
  return payload as unknown as IssueCommentEvent;
}
