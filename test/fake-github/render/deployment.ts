// deployment and deployment-status objects, fields in the order GitHub sends
// them. performed_via_github_app is null, as in GitHub's recorded answers,
// even for deployments an app's bot made.
import type { DeploymentRecord, DeploymentStatusRecord } from '../state/deployments.ts';
import type { Json, RenderContext } from './context.ts';
import { renderUser } from './user.ts';

function deploymentUrl(ctx: RenderContext, deployment: DeploymentRecord): string {
  return `${ctx.api}/repos/${deployment.repo}/deployments/${deployment.id}`;
}

export function renderDeployment(ctx: RenderContext, deployment: DeploymentRecord): Json {
  const url = deploymentUrl(ctx, deployment);
  return {
    url,
    id: deployment.id,
    node_id: deployment.nodeId,
    task: deployment.task,
    original_environment: deployment.originalEnvironment,
    environment: deployment.environment,
    description: deployment.description,
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: `${ctx.api}/repos/${deployment.repo}`,
    creator: renderUser(ctx, deployment.creator),
    sha: deployment.sha,
    ref: deployment.ref,
    payload: deployment.payload,
    transient_environment: deployment.transient,
    production_environment: deployment.production,
    performed_via_github_app: null,
  };
}

/** URLs not given are "", as GitHub answers them (see the errata in schema.ts); target_url mirrors log_url. */
export function renderDeploymentStatus(ctx: RenderContext, status: DeploymentStatusRecord): Json {
  const deployment = ctx.store.deployments.get(status.deploymentId);
  if (!deployment) throw new Error(`No deployment ${status.deploymentId}`);
  const url = deploymentUrl(ctx, deployment);
  return {
    url: `${url}/statuses/${status.id}`,
    id: status.id,
    node_id: status.nodeId,
    state: status.state,
    creator: renderUser(ctx, status.creator),
    description: status.description,
    environment: status.environment,
    target_url: status.logUrl,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: url,
    repository_url: `${ctx.api}/repos/${deployment.repo}`,
    environment_url: status.environmentUrl,
    log_url: status.logUrl,
    performed_via_github_app: null,
  };
}
