// Every implemented operation, by OpenAPI operationId.
import { checkRoutes } from './checks.ts';
import { commentRoutes } from './comments.ts';
import { contentRoutes } from './contents.ts';
import { pullRoutes } from './pulls.ts';
import { repoRoutes } from './repos.ts';
import { statusRoutes } from './statuses.ts';
import type { RouteTable } from './types.ts';

export const routes: RouteTable = { ...repoRoutes, ...pullRoutes, ...contentRoutes, ...checkRoutes, ...statusRoutes, ...commentRoutes };
