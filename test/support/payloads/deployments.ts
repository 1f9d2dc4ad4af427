// The `deployment_status` event: a deployment's latest status, for the gate's `deployment` checks.
import type { DeploymentStatusCreatedEvent } from '@octokit/webhooks-types';
import type { FakeGitHub } from '../../fake-github/index.ts';
import { deploymentIn, statusesOf } from '../../fake-github/state/deployments.ts';
import { envelope, example, withOffset } from './examples.ts';

type Json = Record<string, unknown>;

/** `deployment_status` `created` for the latest status of a deployment added with fake.addDeployment. */
export function deploymentStatusEvent(fake: FakeGitHub, repo: string, deploymentId: number): DeploymentStatusCreatedEvent {
  const deployment = deploymentIn(fake.store, repo, deploymentId);
  const [status] = statusesOf(fake.store, deploymentId);
  if (!status) throw new Error(`Deployment ${deploymentId} has no status yet`);
  const base = example('deployment_status', 'created');
  const payload = envelope(fake, base, repo, status.creator);
  Object.assign(payload, {
    deployment: { ...(base.deployment as Json), id: deployment.id, sha: deployment.sha, ref: deployment.ref, environment: deployment.environment, task: deployment.task },
    deployment_status: { ...(base.deployment_status as Json), id: status.id, state: status.state, environment: status.environment, environment_url: status.environmentUrl, log_url: status.logUrl, description: status.description, created_at: withOffset(status.createdAt), updated_at: withOffset(status.createdAt) },
  });
  return payload as unknown as DeploymentStatusCreatedEvent;
}
