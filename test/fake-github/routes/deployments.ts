// Reading deployments: the list (filters match the recorded values exactly,
// newest first, page-numbered) and one deployment. Creating one is in
// deployment-create.ts, statuses in deployment-statuses.ts.
import { paginate } from '../pagination.ts';
import { renderDeployment } from '../render/deployment.ts';
import { deploymentIn, deploymentsOf } from '../state/deployments.ts';
import type { RouteTable } from './types.ts';
import { json, repoName } from './types.ts';

// The description gives these filters the default "none": absent or empty, they filter nothing.
const filters = ['sha', 'ref', 'task', 'environment'] as const;

export const deploymentRoutes: RouteTable = {
  'repos/list-deployments': (ctx) => {
    const given = filters.filter((f) => ctx.query[f] !== undefined && ctx.query[f] !== null && ctx.query[f] !== '');
    const matching = deploymentsOf(ctx.store, repoName(ctx)).filter((d) => given.every((f) => d[f] === String(ctx.query[f])));
    const page = paginate(matching, ctx.query, ctx.url);
    return json(
      200,
      page.items.map((d) => renderDeployment(ctx.render, d)),
      page.link ? { link: page.link } : undefined,
    );
  },

  'repos/get-deployment': (ctx) => json(200, renderDeployment(ctx.render, deploymentIn(ctx.store, repoName(ctx), Number(ctx.params.deployment_id)))),
};
