// pull-request-review objects.
import type { ReviewRecord } from '../state/model.ts';
import type { RenderContext, Json } from './context.ts';
import { webOrigin } from './context.ts';
import { renderUser } from './user.ts';

export function renderReview(ctx: RenderContext, review: ReviewRecord): Json {
  const repo = ctx.store.repo(review.repo);
  const html = `${webOrigin}/${repo.fullName}/pull/${review.number}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: review.nodeId,
    user: renderUser(ctx, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: `${ctx.api}/repos/${repo.fullName}/pulls/${review.number}`,
    author_association: ctx.store.association(repo, review.user),
    _links: { html: { href: html }, pull_request: { href: `${ctx.api}/repos/${repo.fullName}/pulls/${review.number}` } },
    submitted_at: review.submittedAt,
    commit_id: review.commitId,
  };
}
