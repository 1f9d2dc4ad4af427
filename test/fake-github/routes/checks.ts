// GET /repos/{owner}/{repo}/commits/{ref}/check-runs
import { paginate } from '../pagination.ts';
import { renderCheckRun } from '../render/checks.ts';
import type { CheckRunRecord } from '../state/model.ts';
import type { RouteTable } from './types.ts';
import { json, repoName, unprocessable } from './types.ts';

export const checkRoutes: RouteTable = {
  'checks/list-for-ref': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const ref = String(ctx.params.ref);
    const sha = ctx.store.resolveRef(repo, ref);
    if (!sha) return unprocessable(ctx, `No commit found for SHA: ${ref}`);
    const { check_name, status, filter = 'latest', app_id } = ctx.query as Record<string, string | number | undefined>;
    // Newest first, as GitHub lists them.
    let runs: CheckRunRecord[] = [...ctx.store.checkRuns.values()].filter((r) => r.repo === repo.fullName && r.headSha === sha).sort((a, b) => b.id - a.id);
    if (check_name !== undefined) runs = runs.filter((r) => r.name === check_name);
    if (app_id !== undefined) runs = runs.filter((r) => ctx.store.apps.get(r.app)?.id === app_id);
    if (filter === 'latest') {
      // Only the most recent run per name per app: a re-run replaces the earlier attempt.
      const seen = new Set<string>();
      runs = runs.filter((r) => {
        const key = `${r.app}\0${r.name}`;
        return !seen.has(key) && Boolean(seen.add(key));
      });
    }
    if (status !== undefined) runs = runs.filter((r) => r.status === status);
    const page = paginate(runs, ctx.query, ctx.url);
    return json(
      200,
      { total_count: runs.length, check_runs: page.items.map((r) => renderCheckRun(ctx.render, r)) },
      page.link ? { link: page.link } : undefined,
    );
  },
};
