// GET /repos/{owner}/{repo}/secret-scanning/alerts: filters, and both kinds of
// pagination GitHub offers here: `page` by default, cursors once `after` or
// `before` is given (even empty, which asks for the first page).
import { cursorPaginate } from '../cursor-pagination.ts';
import type { SortKey } from '../cursor-pagination.ts';
import { paginate } from '../pagination.ts';
import { renderSecretScanningAlert } from '../render/secret-scanning.ts';
import type { SecretScanningAlertRecord } from '../state/alert-model.ts';
import type { RouteTable } from './types.ts';
import { badRequest, byKey, commaList, json, repoName, unknownValues } from './types.ts';

// As the parameter's documentation lists them; the alert schema knows fewer.
const resolutions = ['false_positive', 'wont_fix', 'revoked', 'pattern_edited', 'pattern_deleted', 'used_in_tests'] as const;

export const secretScanningRoutes: RouteTable = {
  'secret-scanning/list-alerts-for-repo': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const q = ctx.query as Record<string, string | boolean | undefined>;
    const resolution = commaList(q.resolution);
    const invalid = unknownValues(ctx, 'resolution', resolution, resolutions);
    if (invalid) return invalid;
    const types = commaList(q.secret_type);
    const excluded = commaList(q.exclude_secret_types);
    if (types && excluded) return badRequest(ctx, 'secret_type and exclude_secret_types cannot be combined.');
    const alerts = ctx.store.security(repo.fullName).secretScanning.filter(
      (a) =>
        (!q.state || a.state === q.state) &&
        (!types || types.includes(a.secretType)) &&
        (!excluded || !excluded.includes(a.secretType)) &&
        (!resolution || (a.resolution !== null && resolution.includes(a.resolution))),
    );
    const sort = q.sort ?? 'created';
    const direction = q.direction === 'asc' ? 'asc' : 'desc';
    const key = (a: SecretScanningAlertRecord): SortKey => [sort === 'updated' ? a.updatedAt : a.createdAt, a.number];
    alerts.sort(byKey(key, direction));
    const cursorMode = q.after !== undefined || q.before !== undefined;
    const page = cursorMode ? cursorPaginate(alerts, key, direction, ctx.query, ctx.url) : paginate(alerts, ctx.query, ctx.url);
    if ('error' in page) return badRequest(ctx, page.error);
    return json(
      200,
      page.items.map((a) => renderSecretScanningAlert(ctx.render, repo, a, q.hide_secret === true)),
      page.link ? { link: page.link } : undefined,
    );
  },
};
