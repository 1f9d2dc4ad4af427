// GET /repos/{owner}/{repo}/dependabot/alerts: comma-list filters, and cursor
// pagination only. GitHub removed `page` (and `first`/`last`) on 2025-10-14 and
// answers 400 to them, so an action paging by number gets caught here.
import { cursorPaginate } from '../cursor-pagination.ts';
import type { SortKey } from '../cursor-pagination.ts';
import { renderDependabotAlert } from '../render/dependabot.ts';
import type { DependabotAlertRecord } from '../state/alert-model.ts';
import type { RouteTable } from './types.ts';
import { badRequest, byKey, commaList, json, repoName, unknownValues } from './types.ts';

const states = ['auto_dismissed', 'dismissed', 'fixed', 'open'] as const;
const severities = ['low', 'medium', 'high', 'critical'] as const;
const classifications = ['malware', 'general'] as const;

export const dependabotRoutes: RouteTable = {
  'dependabot/list-alerts-for-repo': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    for (const name of ['page', 'first', 'last']) {
      if (ctx.query[name] !== undefined) return badRequest(ctx, `Pagination using the \`${name}\` parameter is not supported.`);
    }
    const q = ctx.query as Record<string, string | undefined>;
    const state = commaList(q.state);
    const severity = commaList(q.severity);
    const classification = commaList(q.classification);
    const invalid = unknownValues(ctx, 'state', state, states) ?? unknownValues(ctx, 'severity', severity, severities) ?? unknownValues(ctx, 'classification', classification, classifications);
    if (invalid) return invalid;
    const ecosystem = commaList(q.ecosystem);
    const packages = commaList(q.package);
    const manifests = commaList(q.manifest);
    const has = [q.has].flat().filter(Boolean);
    const alerts = ctx.store.security(repo.fullName).dependabot.filter(
      (a) =>
        (!state || state.includes(a.state)) &&
        (!severity || severity.includes(a.severity)) &&
        (!classification || classification.includes(a.classification)) &&
        (!ecosystem || ecosystem.includes(a.ecosystem)) &&
        (!packages || packages.includes(a.packageName)) &&
        (!manifests || manifests.includes(a.manifestPath)) &&
        (!q.scope || a.scope === q.scope) &&
        (!has.includes('patch') || a.firstPatchedVersion !== null),
    );
    const sort = q.sort ?? 'created';
    const direction = q.direction === 'asc' ? 'asc' : 'desc';
    // No EPSS data in the fake: sorting by it keeps creation order.
    const key = (a: DependabotAlertRecord): SortKey => [sort === 'updated' ? a.updatedAt : sort === 'epss_percentage' ? 0 : a.createdAt, a.number];
    const page = cursorPaginate(alerts.sort(byKey(key, direction)), key, direction, ctx.query, ctx.url);
    if ('error' in page) return badRequest(ctx, page.error);
    return json(
      200,
      page.items.map((a) => renderDependabotAlert(ctx.render, repo, a)),
      page.link ? { link: page.link } : undefined,
    );
  },
};
