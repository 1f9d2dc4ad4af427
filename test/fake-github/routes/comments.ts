// Issue comments (the pull request conversation) and their reactions.
import { installationApp } from '../app-auth.ts';
import { paginate } from '../pagination.ts';
import { renderComment, renderReaction } from '../render/comment.ts';
import { hasRole } from '../state/collaborators.ts';
import { addComment, addReaction, commentsOn, deleteComment, editComment, reactionsOn } from '../state/comments.ts';
import type { CommentRecord, ReactionContent } from '../state/model.ts';
import type { Reply, RouteContext, RouteTable } from './types.ts';
import { docsUrl, json, notFound, repoName, validationFailed } from './types.ts';

const maxBody = 65536;

function invalidBody(ctx: RouteContext, body: string): Reply | undefined {
  if (body.length > maxBody) {
    return validationFailed(ctx, [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: `Body is too long (maximum is ${maxBody} characters)` }]);
  }
  if (body.trim() === '') return validationFailed(ctx, [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
  return undefined;
}

/** The comment, if it exists in this repository and is not deleted. */
function commentIn(ctx: RouteContext): CommentRecord | undefined {
  const repo = ctx.store.repo(repoName(ctx));
  const comment = ctx.store.comments.get(Number(ctx.params.comment_id));
  return comment && !comment.deleted && comment.repo === repo.fullName ? comment : undefined;
}

/**
 * A person may edit or delete their own comments, and anyone's with write
 * access to the repository. An app's or a workflow's token edits any comment
 * its issues or pull_requests permission covers.
 */
function mayChange(ctx: RouteContext, comment: CommentRecord): Reply | undefined {
  if (ctx.tokenKind !== 'user' || comment.author.toLowerCase() === ctx.actor.toLowerCase()) return undefined;
  if (hasRole(ctx.store, ctx.store.repo(comment.repo), ctx.actor, 'write')) return undefined;
  return { status: 403, body: { message: 'Resource not accessible by personal access token', documentation_url: docsUrl(ctx.operation), status: '403' } };
}

function withLink(body: unknown[], link: string | undefined): Reply {
  return { status: 200, body, ...(link ? { headers: { link } } : {}) };
}

export const commentRoutes: RouteTable = {
  'issues/list-comments': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const number = Number(ctx.params.issue_number);
    if (!repo.issues.has(number)) return notFound(ctx);
    const since = ctx.query.since as string | undefined;
    const all = commentsOn(ctx.store, repo.fullName, number).filter((c) => !since || Date.parse(c.updatedAt) >= Date.parse(since));
    const page = paginate(all, ctx.query, ctx.url);
    return withLink(
      page.items.map((c) => renderComment(ctx.render, c)),
      page.link,
    );
  },

  'issues/get-comment': (ctx) => {
    const comment = commentIn(ctx);
    return comment ? json(200, renderComment(ctx.render, comment)) : notFound(ctx);
  },

  'issues/create-comment': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const number = Number(ctx.params.issue_number);
    if (!repo.issues.has(number)) return notFound(ctx);
    const body = (ctx.body as { body: string }).body;
    const invalid = invalidBody(ctx, body);
    if (invalid) return invalid;
    const comment = addComment(ctx.store, repo.fullName, number, ctx.actor, body, installationApp(ctx.store, ctx.grant));
    const rendered = renderComment(ctx.render, comment);
    return json(201, rendered, { location: String(rendered.url) });
  },

  'issues/update-comment': (ctx) => {
    const comment = commentIn(ctx);
    if (!comment) return notFound(ctx);
    const refused = mayChange(ctx, comment);
    if (refused) return refused;
    const body = (ctx.body as { body: string }).body;
    const invalid = invalidBody(ctx, body);
    if (invalid) return invalid;
    return json(200, renderComment(ctx.render, editComment(ctx.store, comment.id, body, ctx.actor)));
  },

  'issues/delete-comment': (ctx) => {
    const comment = commentIn(ctx);
    if (!comment) return notFound(ctx);
    const refused = mayChange(ctx, comment);
    if (refused) return refused;
    deleteComment(ctx.store, comment.id);
    return { status: 204 };
  },

  'reactions/list-for-issue-comment': (ctx) => {
    const comment = commentIn(ctx);
    if (!comment) return notFound(ctx);
    const content = ctx.query.content as ReactionContent | undefined;
    const all = reactionsOn(ctx.store, comment.id).filter((r) => !content || r.content === content);
    const page = paginate(all, ctx.query, ctx.url);
    return withLink(
      page.items.map((r) => renderReaction(ctx.render, r)),
      page.link,
    );
  },

  // 201 for a new reaction, 200 with the existing one when the user already reacted so.
  'reactions/create-for-issue-comment': (ctx) => {
    const comment = commentIn(ctx);
    if (!comment) return notFound(ctx);
    const { reaction, created } = addReaction(ctx.store, comment.id, ctx.actor, (ctx.body as { content: ReactionContent }).content);
    return json(created ? 201 : 200, renderReaction(ctx.render, reaction));
  },
};
