// issue-comment objects (with the reactions rollup) and reaction objects.
import type { CommentRecord, ReactionRecord } from '../state/model.ts';
import { reactionContents } from '../state/model.ts';
import type { RenderContext, Json } from './context.ts';
import { webOrigin } from './context.ts';
import { renderApp } from './checks.ts';
import { renderUser } from './user.ts';

export function renderComment(ctx: RenderContext, comment: CommentRecord): Json {
  const { store } = ctx;
  const repo = store.repo(comment.repo);
  const issue = store.issue(comment.repo, comment.issueNumber);
  const api = `${ctx.api}/repos/${repo.fullName}`;
  const url = `${api}/issues/comments/${comment.id}`;
  const reactions = store.reactions.filter((r) => r.commentId === comment.id);
  const rollup: Json = { url: `${url}/reactions`, total_count: reactions.length };
  for (const c of reactionContents) rollup[c] = reactions.filter((r) => r.content === c).length;
  return {
    id: comment.id,
    node_id: comment.nodeId,
    url,
    html_url: `${webOrigin}/${repo.fullName}/${issue.pull ? 'pull' : 'issues'}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: renderUser(ctx, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    author_association: store.association(repo, comment.author),
    performed_via_github_app: comment.viaApp ? renderApp(ctx, comment.viaApp) : null,
    reactions: rollup,
  };
}

export function renderReaction(ctx: RenderContext, reaction: ReactionRecord): Json {
  return {
    id: reaction.id,
    node_id: reaction.nodeId,
    user: renderUser(ctx, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}
