// GET /repos/{owner}/{repo}
import { renderFullRepo } from '../render/repo.ts';
import type { RouteTable } from './types.ts';
import { json, repoName } from './types.ts';

export const repoRoutes: RouteTable = {
  'repos/get': (ctx) => json(200, renderFullRepo(ctx.render, ctx.store.repo(repoName(ctx)))),
};
