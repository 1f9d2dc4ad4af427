import type { DeploymentFact } from '../../core/evidence/snapshot.ts';
import { toActor } from '../pull-requests.ts';
import type { ReaderContext } from './reader-context.ts';

/** The newest deployments of an environment the gate looks at: a release is deployed recently or not at all. */
const NEWEST = 30;
/** Their latest statuses are read for the head's deployments and for a few more (a commit with the same tree). */
const WITH_STATUS = 6;

/**
 * An environment's newest deployments, newest first, each with its latest status: one request for
 * the list, one per deployment for its status (GitHub lists a deployment's statuses newest first).
 */
export async function readDeployments({ client, repo, pr }: ReaderContext, environment: string): Promise<DeploymentFact[]> {
  const { data } = await client.rest.repos.listDeployments({ ...repo, environment, per_page: NEWEST });
  const head = data.filter((deployment) => deployment.sha === pr.head.sha);
  const others = data.filter((deployment) => deployment.sha !== pr.head.sha).slice(0, Math.max(0, WITH_STATUS - head.length));
  const wanted = new Set([...head, ...others].map((deployment) => deployment.id));
  return Promise.all(
    data.map(async (deployment): Promise<DeploymentFact> => {
      const fact: DeploymentFact = {
        id: deployment.id,
        environment: deployment.environment,
        sha: deployment.sha,
        createdAt: deployment.created_at,
        creator: toActor(deployment.creator),
        status: null,
      };
      if (!wanted.has(deployment.id)) return fact;
      const statuses = await client.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: deployment.id, per_page: 1 });
      const latest = statuses.data[0];
      if (!latest) return fact;
      return {
        ...fact,
        status: {
          state: latest.state,
          createdAt: latest.created_at,
          environmentUrl: latest.environment_url || null,
          logUrl: latest.log_url || latest.target_url || null,
          creator: toActor(latest.creator),
        },
      };
    }),
  );
}
