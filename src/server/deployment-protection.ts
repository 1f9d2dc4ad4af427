import { errorMessage } from '../core/errors/error-message.ts';
import { decideDeployment } from '../gate/decide-deployment.ts';
import { openGateRun } from '../gate/open-gate-run.ts';
import type { RepoRef } from '../github/repository.ts';
import { deliveryScope, protectionRequest } from '../gate/gate-event.ts';
import type { Delivery, GateServer } from './gate-delivery.ts';

/** GitHub's review endpoint for the App's own rule, and nothing else: the token goes nowhere else. */
function reviewPath(callback: string, apiUrl: string, repo: RepoRef): string | null {
  if (!callback.startsWith(`${apiUrl}/`)) return null;
  const path = callback.slice(apiUrl.length);
  const match = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/deployment_protection_rule$/.exec(path);
  if (!match || match[1]!.toLowerCase() !== repo.owner.toLowerCase() || match[2]!.toLowerCase() !== repo.repo.toLowerCase()) return null;
  return path;
}

/**
 * `deployment_protection_rule` `requested`: GitHub holds a job's deployment to an environment
 * until the App answers. A note says the gate is looking; then it approves or rejects, with a
 * comment that links the release PR's living comment. Any failure to decide rejects, saying why.
 */
export function queueDeploymentReview(server: GateServer, delivery: Delivery, apiUrl: string): { queued: boolean; reason: string; done?: Promise<void> } {
  const scope = deliveryScope(delivery.payload);
  if (typeof scope === 'string') return { queued: false, reason: scope };
  const { installationId, repo } = scope;
  const request = protectionRequest(delivery.payload);
  if (typeof request === 'string') return { queued: false, reason: request };
  const { environment, sha } = request;
  const path = reviewPath(request.callbackUrl, apiUrl, repo);
  if (!path) return { queued: false, reason: `the deployment_callback_url is not this repository's review endpoint on ${apiUrl}: not sending the token there` };
  const log = server.log.with({ delivery: delivery.id, event: delivery.name, installation: installationId, repo: `${repo.owner}/${repo.repo}`, environment, sha: sha.slice(0, 7) });
  const { done } = server.work.run(`deployment ${delivery.id}`, async () => {
    const setup = await server.installations.setupFor(installationId, repo, log);
    const review = (body: Record<string, string>) => setup.client.request(`POST ${path}`, { environment_name: environment, ...body });
    await review({ comment: `Release Readiness is checking whether ${sha.slice(0, 7)} was ready when its release PR merged, and still is.` });
    let decision;
    try {
      const { context } = openGateRun(setup, { name: delivery.name, payload: delivery.payload, sha });
      decision = await decideDeployment(context, { sha, environment });
    } catch (error) {
      decision = { approve: false, pullRequest: null, comment: `Release Readiness could not decide (${errorMessage(error)}); re-run the job to ask again.` };
    }
    await review({ state: decision.approve ? 'approved' : 'rejected', comment: decision.comment });
    const ms = Math.round(performance.now() - delivery.receivedAt);
    log.with({ pr: decision.pullRequest, state: decision.approve ? 'approved' : 'rejected', ms }).info(decision.comment);
  });
  return { queued: true, reason: `reviewing the deployment of ${sha.slice(0, 7)} to ${environment}`, done };
}
