// POST /repos/{owner}/{repo}/deployments, as the token's actor, with GitHub's
// own checks first: the ref must exist, and every commit status and check run
// on the commit (or the `required_contexts` named) must be a success, else 409.
import { renderDeployment } from '../render/deployment.ts';
import { statusesFor } from '../state/checks.ts';
import { addDeployment } from '../state/deployments.ts';
import type { DeploymentPayload } from '../state/deployments.ts';
import { reachable } from '../state/git.ts';
import type { Store } from '../state/store.ts';
import type { Reply, RouteContext, RouteTable } from './types.ts';
import { docsUrl, json, notFound, repoName, unprocessable } from './types.ts';

interface CreateDeploymentBody {
  ref: string;
  task?: string;
  auto_merge?: boolean;
  required_contexts?: string[];
  payload?: DeploymentPayload;
  environment?: string;
  description?: string | null;
  transient_environment?: boolean;
  production_environment?: boolean;
}

interface ContextState {
  context: string;
  state: string;
}

/** The latest state of every status context and check run name on the commit. */
function contextStates(store: Store, repo: string, sha: string): ContextState[] {
  const states = new Map<string, string>();
  for (const s of statusesFor(store, repo, sha).reverse()) states.set(s.context, s.state);
  for (const run of [...store.checkRuns.values()].filter((r) => r.repo === repo && r.headSha === sha)) {
    states.set(run.name, run.status === 'completed' ? (run.conclusion ?? 'success') : 'pending');
  }
  return [...states].map(([context, state]) => ({ context, state }));
}

/** 409 as GitHub words it: every context it weighed, with its state; one that never reported counts as pending. */
function checksFailed(ctx: RouteContext, ref: string, weighed: ContextState[]): Reply | undefined {
  if (weighed.every((c) => c.state === 'success')) return undefined;
  return {
    status: 409,
    body: {
      message: `Conflict: Commit status checks failed for ${ref}.`,
      errors: [{ contexts: weighed, resource: 'Deployment', field: 'required_contexts', code: 'invalid' }],
      documentation_url: docsUrl(ctx.operation),
      status: '409',
    },
  };
}

export const deploymentCreateRoutes: RouteTable = {
  'repos/create-deployment': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const body = ctx.body as CreateDeploymentBody;
    const sha = ctx.store.resolveRef(repo, body.ref);
    if (!sha) return unprocessable(ctx, `No ref found for: ${body.ref}`);
    const branch = body.ref.replace(/^(refs\/)?heads\//, '');
    const defaultTip = repo.branches.get(repo.defaultBranch);
    // GitHub would merge the default branch into a branch behind it (and answer 202); the fake cannot merge.
    if (body.auto_merge !== false && repo.branches.has(branch) && defaultTip && !reachable(ctx.store, sha).has(defaultTip)) {
      ctx.violation(`auto_merge of ${repo.defaultBranch} into ${branch} is not implemented by the fake GitHub; send auto_merge: false`);
      return notFound(ctx, 'Not implemented by the fake GitHub');
    }
    const present = contextStates(ctx.store, repo.fullName, sha);
    const weighed = body.required_contexts?.map((c) => present.find((p) => p.context === c) ?? { context: c, state: 'pending' }) ?? present;
    const conflict = checksFailed(ctx, body.ref, weighed);
    if (conflict) return conflict;
    const { environment, task, description, payload, transient_environment, production_environment } = body;
    const deployment = addDeployment(ctx.store, repo.fullName, {
      ref: body.ref,
      creator: ctx.actor,
      environment,
      task,
      description,
      payload,
      transient_environment,
      production_environment,
    });
    return json(201, renderDeployment(ctx.render, deployment));
  },
};
