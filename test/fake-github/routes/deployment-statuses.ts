// A deployment's statuses: the list (newest first, page-numbered), one status,
// and creating one as the token's actor, which may retire earlier deployments
// of the environment (auto_inactive, see state/deployments.ts).
import { paginate } from '../pagination.ts';
import { renderDeploymentStatus } from '../render/deployment.ts';
import { addDeploymentStatus, deploymentIn, statusesOf } from '../state/deployments.ts';
import type { DeploymentState } from '../state/deployments.ts';
import { FakeNotFound } from '../state/store.ts';
import type { RouteContext, RouteTable } from './types.ts';
import { json, repoName, validationFailed } from './types.ts';

interface CreateStatusBody {
  state: DeploymentState;
  target_url?: string;
  log_url?: string;
  description?: string;
  environment?: string;
  environment_url?: string;
  auto_inactive?: boolean;
}

function deploymentOf(ctx: RouteContext): number {
  return deploymentIn(ctx.store, repoName(ctx), Number(ctx.params.deployment_id)).id;
}

/** GitHub's documented limit, and URLs it can link to; the request schema states neither. */
function invalidFields(body: CreateStatusBody): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (body.description && body.description.length > 140) errors.push({ field: 'description', message: 'description is too long (maximum is 140 characters)' });
  for (const field of ['target_url', 'log_url', 'environment_url'] as const) {
    const value = body[field];
    if (value && !URL.canParse(value)) errors.push({ field, message: `${field} must be a valid URL` });
  }
  return errors;
}

export const deploymentStatusRoutes: RouteTable = {
  'repos/list-deployment-statuses': (ctx) => {
    const page = paginate(statusesOf(ctx.store, deploymentOf(ctx)), ctx.query, ctx.url);
    return json(
      200,
      page.items.map((s) => renderDeploymentStatus(ctx.render, s)),
      page.link ? { link: page.link } : undefined,
    );
  },

  'repos/get-deployment-status': (ctx) => {
    const status = ctx.store.deploymentStatuses.get(Number(ctx.params.status_id));
    if (!status || status.deploymentId !== deploymentOf(ctx)) throw new FakeNotFound(`No status ${String(ctx.params.status_id)}`);
    return json(200, renderDeploymentStatus(ctx.render, status));
  },

  'repos/create-deployment-status': (ctx) => {
    const deploymentId = deploymentOf(ctx);
    const body = ctx.body as CreateStatusBody;
    const invalid = invalidFields(body);
    if (invalid.length) return validationFailed(ctx, invalid.map((e) => ({ resource: 'DeploymentStatus', code: 'custom', ...e })));
    const status = addDeploymentStatus(ctx.store, repoName(ctx), deploymentId, {
      state: body.state,
      creator: ctx.actor,
      description: body.description,
      environment: body.environment,
      environment_url: body.environment_url,
      // log_url replaced target_url; GitHub still takes either, and sets both.
      log_url: body.log_url ?? body.target_url,
      auto_inactive: body.auto_inactive,
    });
    const rendered = renderDeploymentStatus(ctx.render, status);
    return json(201, rendered, { location: String(rendered.url) });
  },
};
