import type { GateState } from '../core/evaluation/result.ts';
import type { StatusFact } from '../core/evidence/snapshot.ts';
import type { GitHubClient } from './octokit-client.ts';
import type { RepoRef } from './repository.ts';
import { requireFields } from './response-shape.ts';

export interface GateStatus {
  state: GateState;
  description: string;
  targetUrl: string;
}

/** The newest status in our context on the commit: GitHub lists statuses newest first. */
export function latestGateStatus(statuses: readonly StatusFact[], context: string): StatusFact | undefined {
  return statuses.find((status) => status.context === context);
}

function same(previous: StatusFact | undefined, next: GateStatus): boolean {
  return (
    previous !== undefined &&
    previous.creator?.type === 'Bot' &&
    previous.state === next.state &&
    previous.description === next.description &&
    previous.targetUrl === next.targetUrl
  );
}

/** Sets the required status; skipped when the latest one already says exactly this. */
export async function publishStatus(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  context: string,
  status: GateStatus,
  previous: StatusFact | undefined,
): Promise<'posted' | 'unchanged'> {
  if (same(previous, status)) return 'unchanged';
  const { data } = await client.rest.repos.createCommitStatus({
    ...repo,
    sha,
    context,
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
  });
  requireFields(data, ['id', 'state'], 'setting the status');
  return 'posted';
}
