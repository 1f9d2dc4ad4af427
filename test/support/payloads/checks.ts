// Payloads of events about CI results on a commit: check_suite, check_run,
// workflow_run (all `completed`) and status.
import type { CheckRunCompletedEvent, CheckSuiteCompletedEvent, StatusEvent, WorkflowRunCompletedEvent } from '@octokit/webhooks-types';
import type { FakeGitHub } from '../../fake-github/index.ts';
import { sha1 } from '../../fake-github/ids.ts';
import { minimalPulls, renderApp, renderCheckRun } from '../../fake-github/render/checks.ts';
import { renderRepo } from '../../fake-github/render/repo.ts';
import { renderUser } from '../../fake-github/render/user.ts';
import { commitTreeSha } from '../../fake-github/state/trees.ts';
import type { CheckConclusion } from '../../fake-github/state/model.ts';
import { envelope, example, withOffset } from './examples.ts';

type Json = Record<string, unknown>;

/** The branch whose tip is `sha`, preferring a non-default branch (a pull request head). */
function branchAt(fake: FakeGitHub, repoName: string, sha: string): string | null {
  const repo = fake.store.repo(repoName);
  const names = [...repo.branches].filter(([, tip]) => tip === sha).map(([name]) => name);
  return names.find((n) => n !== repo.defaultBranch) ?? names[0] ?? null;
}

function headCommit(fake: FakeGitHub, sha: string): Json {
  const c = fake.store.commit(sha);
  const person = { name: c.author, email: `${c.author}@users.noreply.github.com` };
  return { id: sha, tree_id: commitTreeSha(fake.store, sha), message: c.message, timestamp: c.date, author: person, committer: { name: 'GitHub', email: 'noreply@github.com' } };
}

function suiteFor(fake: FakeGitHub, repoName: string, sha: string, appSlug: string): number {
  const repo = fake.store.repo(repoName);
  const key = `${repo.fullName}@${sha}@${appSlug}`;
  let id = fake.store.checkSuites.get(key);
  if (id === undefined) {
    id = fake.store.ids.next('checkSuite');
    fake.store.checkSuites.set(key, id);
  }
  return id;
}

function suiteObject(fake: FakeGitHub, base: Json, repoName: string, sha: string, appSlug: string, conclusion: CheckConclusion | null): Json {
  const id = suiteFor(fake, repoName, sha, appSlug);
  const url = `${fake.url}/repos/${fake.store.repo(repoName).fullName}/check-suites/${id}`;
  const runs = [...fake.store.checkRuns.values()].filter((r) => r.suiteId === id);
  return {
    ...base,
    id,
    node_id: `CS_kwDO${Buffer.from(String(id)).toString('base64url')}`,
    head_branch: branchAt(fake, repoName, sha),
    head_sha: sha,
    status: conclusion ? 'completed' : 'in_progress',
    conclusion,
    url,
    before: fake.store.commit(sha).parents[0] ?? sha,
    after: sha,
    pull_requests: minimalPulls(fake.render, repoName, sha),
    app: renderApp(fake.render, appSlug),
    created_at: runs[0]?.startedAt ?? fake.clock.iso(),
    updated_at: fake.clock.iso(),
    latest_check_runs_count: runs.length,
    check_runs_url: `${url}/check-runs`,
    head_commit: headCommit(fake, sha),
  };
}

export interface CheckSuiteOptions {
  appSlug?: string;
  /** Defaults to failure if any run of the suite failed, else success. */
  conclusion?: CheckConclusion;
  sender?: string;
}

export function checkSuiteCompletedEvent(fake: FakeGitHub, repo: string, sha: string, options: CheckSuiteOptions = {}): CheckSuiteCompletedEvent {
  const appSlug = options.appSlug ?? 'github-actions';
  const base = example('check_suite', 'completed');
  const id = suiteFor(fake, repo, sha, appSlug);
  const failed = [...fake.store.checkRuns.values()].some((r) => r.suiteId === id && r.conclusion === 'failure');
  const payload = envelope(fake, base, repo, options.sender ?? 'github-actions[bot]');
  payload.action = 'completed';
  payload.check_suite = suiteObject(fake, base.check_suite as Json, repo, sha, appSlug, options.conclusion ?? (failed ? 'failure' : 'success'));
  return payload as unknown as CheckSuiteCompletedEvent;
}

export function checkRunCompletedEvent(fake: FakeGitHub, checkRunId: number, options: { sender?: string } = {}): CheckRunCompletedEvent {
  const run = fake.store.checkRuns.get(checkRunId);
  if (!run) throw new Error(`No check run ${checkRunId}`);
  const base = example('check_run', 'completed');
  const baseRun = base.check_run as Json;
  const payload = envelope(fake, base, run.repo, options.sender ?? 'github-actions[bot]');
  payload.action = 'completed';
  const suite = suiteObject(fake, baseRun.check_suite as Json, run.repo, run.headSha, run.app, run.conclusion);
  payload.check_run = { ...baseRun, ...renderCheckRun(fake.render, run), check_suite: suite };
  return payload as unknown as CheckRunCompletedEvent;
}

export interface WorkflowRunOptions {
  headSha: string;
  /** Workflow name; defaults to CI. */
  name?: string;
  path?: string;
  conclusion?: CheckConclusion;
  /** The event that triggered the workflow run; defaults to pull_request. */
  event?: string;
  /** Repository holding the head commit (a fork); defaults to `repo`. */
  headRepo?: string;
  runId?: number;
  runAttempt?: number;
  sender?: string;
}

export function workflowRunCompletedEvent(fake: FakeGitHub, repo: string, options: WorkflowRunOptions): WorkflowRunCompletedEvent {
  const base = example('workflow_run', 'completed');
  const record = fake.store.repo(repo);
  const headRepoName = options.headRepo ?? repo;
  const runId = options.runId ?? fake.store.ids.next('workflowRun');
  const name = options.name ?? 'CI';
  const path = options.path ?? '.github/workflows/ci.yml';
  const api = `${fake.url}/repos/${record.fullName}`;
  const workflowId = Number.parseInt(sha1(path).slice(0, 7), 16);
  const payload = envelope(fake, base, repo, options.sender ?? record.owner);
  const suiteId = suiteFor(fake, repo, options.headSha, 'github-actions');
  const now = fake.clock.iso();
  payload.action = 'completed';
  payload.workflow = { ...(base.workflow as Json), id: workflowId, name, path, url: `${api}/actions/workflows/${workflowId}`, html_url: `https://github.com/${record.fullName}/blob/${record.defaultBranch}/${path}` };
  payload.workflow_run = {
    ...(base.workflow_run as Json),
    id: runId,
    name,
    display_title: name,
    path,
    event: options.event ?? 'pull_request',
    status: 'completed',
    conclusion: options.conclusion ?? 'success',
    head_sha: options.headSha,
    head_branch: branchAt(fake, headRepoName, options.headSha),
    head_commit: headCommit(fake, options.headSha),
    // GitHub leaves this empty for pull requests from forks.
    pull_requests: headRepoName === repo ? minimalPulls(fake.render, repo, options.headSha) : [],
    repository: renderRepo(fake.render, record),
    head_repository: renderRepo(fake.render, fake.store.repo(headRepoName)),
    workflow_id: workflowId,
    workflow_url: `${api}/actions/workflows/${workflowId}`,
    check_suite_id: suiteId,
    check_suite_url: `${api}/check-suites/${suiteId}`,
    url: `${api}/actions/runs/${runId}`,
    html_url: `https://github.com/${record.fullName}/actions/runs/${runId}`,
    run_attempt: options.runAttempt ?? 1,
    run_started_at: now,
    created_at: now,
    updated_at: now,
    actor: (payload.sender as Json),
    triggering_actor: (payload.sender as Json),
  };
  return payload as unknown as WorkflowRunCompletedEvent;
}

/** A `status` event for a status already added with fake.addStatus (by id). */
export function statusEvent(fake: FakeGitHub, statusId: number): StatusEvent {
  const status = fake.store.statuses.find((s) => s.id === statusId);
  if (!status) throw new Error(`No status ${statusId}`);
  const base = example('status');
  const repo = fake.store.repo(status.repo);
  const payload = envelope(fake, base, status.repo, status.creator);
  const commitUrl = `${fake.url}/repos/${repo.fullName}/commits/${status.sha}`;
  const c = fake.store.commit(status.sha);
  Object.assign(payload, {
    id: status.id,
    sha: status.sha,
    name: repo.fullName,
    target_url: status.targetUrl,
    context: status.context,
    description: status.description,
    state: status.state,
    created_at: withOffset(status.createdAt),
    updated_at: withOffset(status.updatedAt),
    commit: {
      ...(base.commit as Json),
      sha: status.sha,
      url: commitUrl,
      html_url: `https://github.com/${repo.fullName}/commit/${status.sha}`,
      commit: {
        ...((base.commit as Json).commit as Json),
        message: c.message,
        author: { name: c.author, email: `${c.author}@users.noreply.github.com`, date: c.date },
        committer: { name: 'GitHub', email: 'noreply@github.com', date: c.date },
        tree: { sha: commitTreeSha(fake.store, status.sha), url: `${fake.url}/repos/${repo.fullName}/git/trees/${commitTreeSha(fake.store, status.sha)}` },
        url: `${fake.url}/repos/${repo.fullName}/git/commits/${status.sha}`,
        comment_count: 0,
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
      author: fake.store.users.has(c.author.toLowerCase()) ? renderUser(fake.render, c.author) : null,
      committer: renderUser(fake.render, 'web-flow'),
      parents: c.parents.map((p) => ({ sha: p, url: `${fake.url}/repos/${repo.fullName}/commits/${p}`, html_url: `https://github.com/${repo.fullName}/commit/${p}` })),
    },
    branches: [...repo.branches]
      .filter(([, tip]) => tip === status.sha)
      .map(([name]) => ({ name, commit: { sha: status.sha, url: commitUrl }, protected: name === repo.defaultBranch })),
  });
  return payload as unknown as StatusEvent;
}
