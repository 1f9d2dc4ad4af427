// GET /repos/{owner}/{repo}/activity: the repository's branch moves, newest
// first by default, filtered by ref (`refs/heads/X` or `X`), actor, type and a
// time period counted back from the fake's clock, and paged by cursor only,
// like the security alert lists. Moves still lagging (see activity.ts) are
// left out, and every answer brings them one answer closer to showing.
import { formatTime } from '../clock.ts';
import { cursorPaginate } from '../cursor-pagination.ts';
import type { SortKey } from '../cursor-pagination.ts';
import { renderActivity } from '../render/activity.ts';
import { countActivityRead, visibleActivity } from '../state/activity.ts';
import type { ActivityRecord } from '../state/activity.ts';
import type { RouteTable } from './types.ts';
import { badRequest, byKey, json, repoName } from './types.ts';

const day = 24 * 60 * 60 * 1000;
// GitHub documents day (24 hours) and week (168 hours) only; the longer periods are taken as 30, 90 and 365 days.
const periods: Record<string, number> = { day, week: 7 * day, month: 30 * day, quarter: 90 * day, year: 365 * day };

export const activityRoutes: RouteTable = {
  'repos/list-activities': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const q = ctx.query as Record<string, string | undefined>;
    const branch = q.ref?.replace(/^refs\/heads\//, '');
    const actor = q.actor?.toLowerCase();
    const period = q.time_period ? periods[q.time_period] : undefined;
    const since = period === undefined ? undefined : formatTime(ctx.store.clock.now().getTime() - period);
    const moves = visibleActivity(ctx.store, repo).filter(
      (a) =>
        (branch === undefined || a.branch === branch) &&
        (actor === undefined || a.actor.toLowerCase() === actor) &&
        (q.activity_type === undefined || a.type === q.activity_type) &&
        (since === undefined || a.at >= since),
    );
    const direction = q.direction === 'asc' ? 'asc' : 'desc';
    const key = (a: ActivityRecord): SortKey => [a.at, a.id];
    const page = cursorPaginate(moves.sort(byKey(key, direction)), key, direction, ctx.query, ctx.url);
    if ('error' in page) return badRequest(ctx, page.error);
    countActivityRead(ctx.store, repo);
    return json(
      200,
      page.items.map((a) => renderActivity(ctx.render, a)),
      page.link ? { link: page.link } : undefined,
    );
  },
};
