// Commit statuses: list for a ref (newest first), the combined status, and
// creating one (as the token's actor).
import { paginate } from '../pagination.ts';
import { combineStatuses, renderCombinedStatus, renderStatus } from '../render/checks.ts';
import { addStatus, statusesFor } from '../state/checks.ts';
import type { StatusState } from '../state/model.ts';
import type { RouteContext, RouteTable } from './types.ts';
import { json, notFound, repoName, unprocessable, validationFailed } from './types.ts';

function refSha(ctx: RouteContext): string | undefined {
  return ctx.store.resolveRef(ctx.store.repo(repoName(ctx)), String(ctx.params.ref));
}

export const statusRoutes: RouteTable = {
  'repos/list-commit-statuses-for-ref': (ctx) => {
    const sha = refSha(ctx);
    if (!sha) return notFound(ctx, `No commit found for SHA: ${String(ctx.params.ref)}`);
    const page = paginate(statusesFor(ctx.store, repoName(ctx), sha), ctx.query, ctx.url);
    return json(
      200,
      page.items.map((s) => renderStatus(ctx.render, s)),
      page.link ? { link: page.link } : undefined,
    );
  },

  'repos/get-combined-status-for-ref': (ctx) => {
    const sha = refSha(ctx);
    if (!sha) return notFound(ctx, `No commit found for SHA: ${String(ctx.params.ref)}`);
    const latest = combineStatuses(statusesFor(ctx.store, repoName(ctx), sha));
    const page = paginate(latest, ctx.query, ctx.url);
    return json(200, renderCombinedStatus(ctx.render, repoName(ctx), sha, latest, page.items), page.link ? { link: page.link } : undefined);
  },

  'repos/create-commit-status': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const sha = String(ctx.params.sha);
    if (!ctx.store.commits.has(sha)) return unprocessable(ctx, `No commit found for SHA: ${sha}`);
    const body = ctx.body as { state: StatusState; target_url?: string | null; description?: string | null; context?: string };
    // GitHub enforces this limit although the OpenAPI description does not state it.
    if (body.description && body.description.length > 140) {
      return validationFailed(ctx, [{ resource: 'Status', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' }]);
    }
    const status = addStatus(ctx.store, repo.fullName, sha, {
      state: body.state,
      context: body.context ?? 'default',
      description: body.description ?? null,
      targetUrl: body.target_url ?? null,
      creator: ctx.actor,
    });
    return json(201, renderStatus(ctx.render, status), { location: `${ctx.render.api}/repos/${repo.fullName}/statuses/${sha}` });
  },
};
