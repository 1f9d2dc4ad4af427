import type { PolicyFile, PullRequestFacts, Readable } from '../core/evidence/snapshot.ts';
import { describeApiError } from '../github/api-problem.ts';
import { readDefaultBranch, readPolicy } from '../github/policy-reader.ts';
import type { GateContext } from './gate-context.ts';

/** The branch whose readiness.yml judges this PR. */
function policyRef(context: GateContext, pr: PullRequestFacts): Promise<string> {
  if (context.policyFrom === 'base') return Promise.resolve(pr.base.ref);
  context.defaultBranch.read ??= readDefaultBranch(context.client, context.repo);
  return context.defaultBranch.read;
}

/** The policy that judges this PR, read once per branch in a run. */
export async function policyFor(context: GateContext, pr: PullRequestFacts): Promise<Readable<PolicyFile>> {
  let ref: string;
  try {
    ref = await policyRef(context, pr);
  } catch (error) {
    return { ok: false, problem: describeApiError(error, 'the repository’s default branch, where readiness.yml is read') };
  }
  let policy = context.policies.get(ref);
  if (!policy) {
    policy = readPolicy(context.client, context.repo, context.policyPath, ref);
    context.policies.set(ref, policy);
  }
  return policy;
}
