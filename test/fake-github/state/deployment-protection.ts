// Custom deployment protection rules: a workflow job that targets an
// environment guarded by a GitHub App's rule waits, with a deployment already
// made, until that App approves or rejects it through the run's callback URL.
// Meanwhile the App may post status reports (comments without a state): at
// most 10 of them, of up to 1,024 characters each.
// https://docs.github.com/actions/how-tos/deploy/configure-and-manage-deployments/create-custom-protection-rules
import { appRegistration, installationFor } from './apps.ts';
import { addDeployment } from './deployments.ts';
import type { Store } from './store.ts';
import { FakeNotFound } from './store.ts';
import { gateLogin } from './users.ts';

export type ProtectionDecision = 'approved' | 'rejected';

/** A status report (`state` null) or the decision, as the App's bot posted it. */
export interface DeploymentProtectionReview {
  environment: string;
  state: ProtectionDecision | null;
  comment: string | null;
  author: string;
  at: string;
}

export interface ProtectionRunRecord {
  id: number;
  repo: string;
  appId: number;
  installationId: number;
  environment: string;
  sha: string;
  ref: string;
  event: string;
  sender: string;
  deploymentId: number;
  pullRequests: number[];
  /** `waiting` until the App decides. */
  status: 'waiting' | ProtectionDecision;
  reviews: DeploymentProtectionReview[];
}

export interface DeploymentProtectionOptions {
  /** The App whose rule guards the environment (id or slug); it must be installed on the repository. */
  appId: number | string;
  environment: string;
  sha: string;
  /** The ref that triggered the workflow, as GitHub sends it, e.g. main. */
  ref: string;
  /** The event that triggered the workflow; default push. */
  event?: string;
  /** Default: the open pull requests of the repository whose head is `sha`. */
  pullRequests?: number[];
  /**
   * Who triggered the workflow (the payload's sender, the deployment's creator); default the author of
   * the first pull request, else the commit's author, else (an organisation never acts) github-actions[bot].
   */
  sender?: string;
}

export const maxStatusReports = 10;
export const maxStatusReportLength = 1024;

/** A run waiting on the App's rule, with the deployment GitHub made for its job. */
export function requestProtection(store: Store, repoName: string, options: DeploymentProtectionOptions): ProtectionRunRecord {
  const repo = store.repo(repoName);
  const app = appRegistration(store, options.appId);
  const installation = installationFor(store, app.appId, repo.fullName);
  if (!installation) throw new Error(`${app.slug} is not installed on ${repo.fullName}; installApp() first`);
  if (!app.events.includes('deployment_protection_rule')) throw new Error(`${app.slug} does not subscribe to deployment_protection_rule, so it cannot be a protection rule`);
  const commit = store.commit(options.sha);
  const pullRequests =
    options.pullRequests ??
    [...repo.issues.values()].filter((i) => i.pull && i.state === 'open' && i.pull.headRepo === repo.fullName && store.headSha(i) === commit.sha).map((i) => i.number);
  const pullAuthors = pullRequests.map((number) => store.pull(repo.fullName, number).author);
  const author = store.users.get(commit.author.toLowerCase());
  const sender = store.user(options.sender ?? pullAuthors[0] ?? (author && author.type !== 'Organization' ? author.login : gateLogin)).login;
  const deployment = addDeployment(store, repo.fullName, { sha: commit.sha, environment: options.environment, creator: sender });
  // GitHub records the ref that triggered the workflow, which need not resolve here (refs/pull/1/merge).
  deployment.ref = options.ref;
  const run: ProtectionRunRecord = {
    id: store.ids.next('workflowRun'),
    repo: repo.fullName,
    appId: app.appId,
    installationId: installation.id,
    environment: options.environment,
    sha: commit.sha,
    ref: options.ref,
    event: options.event ?? 'push',
    sender,
    deploymentId: deployment.id,
    pullRequests,
    status: 'waiting',
    reviews: [],
  };
  store.protectionRuns.set(run.id, run);
  return run;
}

export function protectionRunIn(store: Store, repoName: string, runId: number): ProtectionRunRecord {
  const run = store.protectionRuns.get(runId);
  if (!run || run.repo !== store.repo(repoName).fullName) throw new FakeNotFound(`No workflow run ${runId} in ${repoName}`);
  return run;
}

export interface ReviewBody {
  environment_name: string;
  state?: ProtectionDecision;
  comment?: string;
}

export type ReviewOutcome = { ok: true } | { ok: false; status: 403 } | { ok: false; status: 422; message: string };

/**
 * Only the rule's own App may review it ("GitHub Apps can only review their
 * own custom deployment protection rules"); GitHub refuses the others as it
 * refuses any integration a resource is closed to. A rule decided once is
 * decided: any later review is refused.
 */
export function reviewProtection(store: Store, run: ProtectionRunRecord, reviewer: { appId: number | undefined; login: string }, body: ReviewBody): ReviewOutcome {
  if (reviewer.appId !== run.appId) return { ok: false, status: 403 };
  if (body.environment_name !== run.environment) return { ok: false, status: 422, message: `No custom deployment protection rule of this app is pending for environment ${body.environment_name}` };
  if (run.status !== 'waiting') return { ok: false, status: 422, message: `The deployment protection rule for environment ${run.environment} was already ${run.status}` };
  if (body.state === undefined) {
    const reports = run.reviews.filter((r) => r.state === null).length;
    if (reports >= maxStatusReports) return { ok: false, status: 422, message: `A deployment takes at most ${maxStatusReports} status reports` };
    if ((body.comment ?? '').length > maxStatusReportLength) return { ok: false, status: 422, message: `comment is too long (maximum is ${maxStatusReportLength} characters)` };
  }
  run.reviews.push({ environment: run.environment, state: body.state ?? null, comment: body.comment ?? null, author: reviewer.login, at: store.clock.tick() });
  if (body.state) run.status = body.state;
  return { ok: true };
}
