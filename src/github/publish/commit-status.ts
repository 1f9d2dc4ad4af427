import type { GateState } from '../../core/model/outcomes.ts';
import type { GateIdentity, StatusFact } from '../../core/evidence/snapshot.ts';
import { expectWrittenAs } from '../gate-identity.ts';
import type { GitHubClient } from '../octokit-client.ts';
import type { RepoRef } from '../repository.ts';
import { requireFields } from '../response-shape.ts';

export interface GateStatus {
  state: GateState;
  description: string;
  targetUrl: string;
}

function same(previous: StatusFact | undefined, next: GateStatus, identity: GateIdentity): boolean {
  return (
    previous !== undefined &&
    previous.creator?.login === identity.login &&
    previous.state === next.state &&
    previous.description === next.description &&
    previous.targetUrl === next.targetUrl
  );
}

export interface StatusTarget {
  repo: RepoRef;
  sha: string;
  context: string;
  identity: GateIdentity;
}

/** Sets a status; skipped when the latest one, written by the gate's identity, already says exactly this. */
export async function setCommitStatus(client: GitHubClient, target: StatusTarget, status: GateStatus, previous: StatusFact | undefined): Promise<'posted' | 'unchanged'> {
  const { repo, sha, context } = target;
  if (same(previous, status, target.identity)) return 'unchanged';
  const { data } = await client.rest.repos.createCommitStatus({
    ...repo,
    sha,
    context,
    state: status.state,
    description: status.description,
    ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
  });
  const posted = requireFields<{ creator?: { login: string } | null }>(data, ['id', 'state'], 'setting the status');
  expectWrittenAs(target.identity, posted.creator?.login, `the \`${context}\` status`);
  return 'posted';
}
