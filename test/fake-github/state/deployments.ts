// Deployments of a repository and their statuses. A deployment pins a commit
// (the SHA its ref had at creation) to an environment; its statuses record
// what happened to it, and a `success` retires earlier successes of the same
// environment (auto_inactive), which is how GitHub tells the live deployment.
import { nodeId } from '../ids.ts';
import type { Store } from './store.ts';
import { FakeNotFound } from './store.ts';

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export type DeploymentPayload = Record<string, unknown> | string;

export interface DeploymentRecord {
  id: number;
  nodeId: string;
  repo: string;
  sha: string;
  /** As given at creation: a branch name, or the SHA itself. */
  ref: string;
  task: string;
  payload: DeploymentPayload;
  /** The current environment: a status may move the deployment to another one. */
  environment: string;
  originalEnvironment: string;
  description: string | null;
  creator: string;
  transient: boolean;
  production: boolean;
  createdAt: string;
  /** Moves with every new status. */
  updatedAt: string;
}

export interface DeploymentStatusRecord {
  id: number;
  nodeId: string;
  deploymentId: number;
  state: DeploymentState;
  creator: string;
  /** GitHub stores "" for what was not given, and answers it so. */
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  createdAt: string;
}

/** Names as in the REST API's create-deployment body. */
export interface DeploymentOptions {
  /** The commit; with `ref` as well, it must be what the ref resolves to. */
  sha?: string;
  /** A branch or SHA; recorded as given. Defaults to the SHA. */
  ref?: string;
  /** GitHub's default: production. */
  environment?: string;
  /** A user, or an app's bot such as github-actions[bot] (add others with addUser(login, 'Bot')). */
  creator: string;
  /** GitHub's default: deploy. */
  task?: string;
  description?: string | null;
  payload?: DeploymentPayload;
  transient_environment?: boolean;
  /** GitHub's default: true for the environment `production`, else false. */
  production_environment?: boolean;
}

export interface DeploymentStatusOptions {
  state: DeploymentState;
  creator: string;
  environment_url?: string;
  log_url?: string;
  description?: string;
  /** Moves the deployment to this environment (original_environment keeps the first). */
  environment?: string;
  /** GitHub's default: true. */
  auto_inactive?: boolean;
}

export function addDeployment(store: Store, repoName: string, options: DeploymentOptions): DeploymentRecord {
  const repo = store.repo(repoName);
  const sha = deployedSha(store, repoName, options);
  const environment = options.environment ?? 'production';
  const now = store.clock.tick();
  const id = store.ids.next('deployment');
  const deployment: DeploymentRecord = {
    id,
    nodeId: nodeId('DE', id),
    repo: repo.fullName,
    sha,
    ref: options.ref ?? sha,
    task: options.task ?? 'deploy',
    payload: options.payload ?? {},
    environment,
    originalEnvironment: environment,
    description: options.description ?? null,
    creator: store.user(options.creator).login,
    transient: options.transient_environment ?? false,
    production: options.production_environment ?? environment === 'production',
    createdAt: now,
    updatedAt: now,
  };
  store.deployments.set(id, deployment);
  return deployment;
}

function deployedSha(store: Store, repoName: string, options: DeploymentOptions): string {
  const repo = store.repo(repoName);
  const fromRef = options.ref === undefined ? undefined : store.resolveRef(repo, options.ref);
  if (options.ref !== undefined && !fromRef) throw new Error(`No ref ${options.ref} in ${repoName}`);
  if (options.sha === undefined) {
    if (!fromRef) throw new Error('A deployment needs a sha or a ref');
    return fromRef;
  }
  const sha = store.commit(options.sha).sha;
  // GitHub takes the SHA from the ref when it creates the deployment; any other pairing never exists.
  if (fromRef && fromRef !== sha) throw new Error(`${options.ref} is at ${fromRef}, not ${sha}`);
  return sha;
}

export function deploymentIn(store: Store, repoName: string, id: number): DeploymentRecord {
  const deployment = store.deployments.get(id);
  if (!deployment || deployment.repo !== store.repo(repoName).fullName) throw new FakeNotFound(`No deployment ${id} in ${repoName}`);
  return deployment;
}

/** Newest first, as GET /deployments lists them. */
export function deploymentsOf(store: Store, repoName: string): DeploymentRecord[] {
  const full = store.repo(repoName).fullName;
  return [...store.deployments.values()].filter((d) => d.repo === full).reverse();
}

/** Newest first, as GET /deployments/{id}/statuses lists them. */
export function statusesOf(store: Store, deploymentId: number): DeploymentStatusRecord[] {
  return [...store.deploymentStatuses.values()].filter((s) => s.deploymentId === deploymentId).reverse();
}

export function addDeploymentStatus(store: Store, repoName: string, deploymentId: number, options: DeploymentStatusOptions): DeploymentStatusRecord {
  const deployment = deploymentIn(store, repoName, deploymentId);
  const creator = store.user(options.creator).login;
  const now = store.clock.tick();
  if (options.environment !== undefined) deployment.environment = options.environment;
  const status = recordStatus(store, deployment, {
    state: options.state,
    creator,
    description: options.description ?? '',
    environmentUrl: options.environment_url ?? '',
    logUrl: options.log_url ?? '',
    createdAt: now,
  });
  if (options.state === 'success' && options.auto_inactive !== false) retireEarlier(store, deployment, creator, now);
  return status;
}

function recordStatus(store: Store, deployment: DeploymentRecord, fields: Omit<DeploymentStatusRecord, 'id' | 'nodeId' | 'deploymentId' | 'environment'>): DeploymentStatusRecord {
  const id = store.ids.next('deploymentStatus');
  const status: DeploymentStatusRecord = { id, nodeId: nodeId('DES', id), deploymentId: deployment.id, environment: deployment.environment, ...fields };
  store.deploymentStatuses.set(id, status);
  deployment.updatedAt = fields.createdAt;
  return status;
}

/**
 * auto_inactive: every earlier, non-transient deployment of the repository
 * to the same environment whose latest status is `success` gets an
 * `inactive` status from the same actor at the same time. The REST reference
 * still says "non-production" as well, a leftover of the 2020 flash preview
 * that brought production deployments in; GitHub retires those too.
 */
function retireEarlier(store: Store, deployment: DeploymentRecord, creator: string, now: string): void {
  for (const earlier of deploymentsOf(store, deployment.repo)) {
    if (earlier.id >= deployment.id || earlier.transient || earlier.environment !== deployment.environment) continue;
    if (statusesOf(store, earlier.id)[0]?.state !== 'success') continue;
    recordStatus(store, earlier, { state: 'inactive', creator, description: '', environmentUrl: '', logUrl: '', createdAt: now });
  }
}
