// The deployment_protection_rule `requested` payload GitHub sends a rule's App
// for a waiting run, as the description's webhook schema
// (webhook-deployment-protection-rule-requested) lays it out.
import type { DeploymentProtectionRuleRequestedEvent } from '@octokit/webhooks-types';
import { envelope } from '../support/payloads/examples.ts';
import type { FakeGitHub } from './fake.ts';
import { renderDeployment } from './render/deployment.ts';
import { renderPull } from './render/pull.ts';
import type { ProtectionRunRecord } from './state/deployment-protection.ts';

/** webhooks-types leaves out what the schema has: the run's commit and ref. */
export type DeploymentProtectionRuleRequested = DeploymentProtectionRuleRequestedEvent & { sha: string; ref: string };

export function deploymentProtectionRuleEvent(fake: FakeGitHub, run: ProtectionRunRecord): DeploymentProtectionRuleRequested {
  const { store, render } = fake;
  const installation = store.installations.get(run.installationId);
  const deployment = store.deployments.get(run.deploymentId);
  if (!installation || !deployment) throw new Error(`Workflow run ${run.id} lost its installation or deployment`);
  // repository, organisation (for an organisation's repository) and sender, as in every repository event.
  const { repository, organization, sender } = envelope(fake, {}, run.repo, run.sender);
  const payload = {
    action: 'requested',
    environment: run.environment,
    event: run.event,
    sha: run.sha,
    ref: run.ref,
    deployment_callback_url: `${fake.url}/repos/${run.repo}/actions/runs/${run.id}/deployment_protection_rule`,
    deployment: renderDeployment(render, deployment),
    pull_requests: run.pullRequests.map((n) => renderPull(render, run.repo, store.pull(run.repo, n), true)),
    repository,
    ...(organization ? { organization } : {}),
    installation: { id: installation.id, node_id: installation.nodeId },
    sender,
  };
  return payload as unknown as DeploymentProtectionRuleRequested;
}
