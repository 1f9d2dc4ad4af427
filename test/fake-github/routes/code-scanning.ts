// GET /repos/{owner}/{repo}/code-scanning/alerts: the alerts found on one ref
// (the default branch unless `ref` is given), filtered like GitHub. A
// repository without any analysis answers 404 "no analysis found".
import { paginate } from '../pagination.ts';
import { renderCodeScanningAlert } from '../render/code-scanning.ts';
import type { CodeScanningAlertRecord } from '../state/alert-model.ts';
import { fullRef } from '../state/code-scanning.ts';
import type { RouteTable } from './types.ts';
import { badRequest, byKey, json, notFound, repoName, unknownValues } from './types.ts';

// `severity` matches the security severity for the first four and the rule's
// own (SARIF) severity for the rest. The description lacks this parameter;
// GitHub documents and honours it.
const securitySeverities = ['critical', 'high', 'medium', 'low'] as const;
const ruleSeverities = ['warning', 'note', 'error'] as const;

function severityMatches(alert: CodeScanningAlertRecord, severity: string): boolean {
  return (securitySeverities as readonly string[]).includes(severity) ? alert.securitySeverityLevel === severity : alert.ruleSeverity === severity;
}

export const codeScanningRoutes: RouteTable = {
  'code-scanning/list-alerts-for-repo': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const security = ctx.store.security(repo.fullName);
    if (!security.codeScanningEnabled) return notFound(ctx, 'no analysis found');
    const q = ctx.query as Record<string, string | undefined>;
    const invalid = unknownValues(ctx, 'severity', q.severity === undefined ? undefined : [q.severity], [...securitySeverities, ...ruleSeverities]);
    if (invalid) return invalid;
    // Documented as "either tool_name or tool_guid, but not both".
    if (q.tool_name !== undefined && q.tool_guid !== undefined) return badRequest(ctx, 'Specify either tool_name or tool_guid, not both.');
    const ref = fullRef(q.ref ?? repo.defaultBranch);
    const found = security.codeScanning.flatMap((alert) => {
      const instance = alert.instances.find((i) => i.ref === ref);
      return instance ? [{ alert, instance }] : [];
    });
    const matching = found.filter(
      ({ alert: a }) =>
        (!q.tool_name || a.toolName === q.tool_name) &&
        // The fake's tools report no GUID, so filtering by one finds nothing.
        q.tool_guid === undefined &&
        (!q.state || (q.state === 'closed' ? a.state !== 'open' : a.state === q.state)) &&
        (!q.severity || severityMatches(a, q.severity)),
    );
    const sort = q.sort ?? 'created';
    const direction = q.direction === 'asc' ? 'asc' : 'desc';
    matching.sort(byKey(({ alert: a }) => [sort === 'updated' ? a.updatedAt : sort === 'number' ? 0 : a.createdAt, a.number], direction));
    const page = paginate(matching, ctx.query, ctx.url);
    return json(
      200,
      page.items.map(({ alert, instance }) => renderCodeScanningAlert(ctx.render, repo, alert, instance)),
      page.link ? { link: page.link } : undefined,
    );
  },
};
