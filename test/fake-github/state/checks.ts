// Check runs (owned by an app, grouped in one suite per app and commit) and
// commit statuses (owned by the user or bot that posted them).
import { nodeId } from '../ids.ts';
import type { AppRecord, CheckConclusion, CheckRunRecord, CheckStatus, StatusRecord, StatusState } from './model.ts';
import type { Store } from './store.ts';

export interface CheckRunOptions {
  name: string;
  status: CheckStatus;
  conclusion?: CheckConclusion | null;
  /** Slug of the app that owns the run; defaults to `github-actions`. Unknown slugs create an app. */
  appSlug?: string;
  htmlUrl?: string;
  detailsUrl?: string;
  output?: { title?: string | null; summary?: string | null; text?: string | null; annotationsCount?: number };
}

export function ensureApp(store: Store, slug: string): AppRecord {
  let app = store.apps.get(slug);
  if (!app) {
    const id = store.ids.next('app');
    const name = slug.replace(/(^|-)(\w)/g, (_m, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase());
    app = { id, slug, name, nodeId: nodeId('A', id), owner: 'github' };
    store.apps.set(slug, app);
  }
  return app;
}

export function addCheckRun(store: Store, repoName: string, sha: string, options: CheckRunOptions): CheckRunRecord {
  const repo = store.repo(repoName);
  store.commit(sha);
  const app = ensureApp(store, options.appSlug ?? 'github-actions');
  const suiteKey = `${repo.fullName}@${sha}@${app.slug}`;
  let suiteId = store.checkSuites.get(suiteKey);
  if (suiteId === undefined) {
    suiteId = store.ids.next('checkSuite');
    store.checkSuites.set(suiteKey, suiteId);
  }
  const now = store.clock.tick();
  const id = store.ids.next('checkRun');
  const htmlUrl = options.htmlUrl ?? `https://github.com/${repo.fullName}/runs/${id}`;
  const run: CheckRunRecord = {
    id,
    nodeId: nodeId('CR', id),
    repo: repo.fullName,
    headSha: sha,
    name: options.name,
    status: options.status,
    conclusion: null,
    app: app.slug,
    suiteId,
    htmlUrl,
    detailsUrl: options.detailsUrl ?? htmlUrl,
    externalId: '',
    startedAt: options.status === 'queued' ? null : now,
    completedAt: null,
    output: { title: null, summary: null, text: null, annotationsCount: 0 },
  };
  store.checkRuns.set(id, run);
  applyCheckRun(run, options, now);
  return run;
}

export function updateCheckRun(store: Store, id: number, changes: Partial<CheckRunOptions>): CheckRunRecord {
  const run = store.checkRuns.get(id);
  if (!run) throw new Error(`No check run ${id}`);
  applyCheckRun(run, changes, store.clock.tick());
  return run;
}

function applyCheckRun(run: CheckRunRecord, changes: Partial<CheckRunOptions>, now: string): void {
  if (changes.name !== undefined) run.name = changes.name;
  if (changes.htmlUrl !== undefined) run.htmlUrl = changes.htmlUrl;
  if (changes.detailsUrl !== undefined) run.detailsUrl = changes.detailsUrl;
  // Only the fields given change, as with PATCH /check-runs/{id}.
  if (changes.output) run.output = { ...run.output, ...Object.fromEntries(Object.entries(changes.output).filter(([, v]) => v !== undefined)) };
  // GitHub: providing a conclusion sets the status to completed.
  if (changes.conclusion && changes.status === undefined) changes = { ...changes, status: 'completed' };
  if (changes.status !== undefined) {
    run.status = changes.status;
    if (changes.status !== 'queued') run.startedAt ??= now;
  }
  if (changes.conclusion !== undefined) run.conclusion = changes.conclusion;
  // A completed run always has a conclusion and a completion time, as on GitHub.
  if (run.status === 'completed') {
    run.conclusion ??= 'success';
    run.completedAt ??= now;
  } else {
    run.conclusion = null;
    run.completedAt = null;
  }
}

export interface StatusOptions {
  context?: string;
  state: StatusState;
  description?: string | null;
  targetUrl?: string | null;
  creator: string;
}

export function addStatus(store: Store, repoName: string, sha: string, options: StatusOptions): StatusRecord {
  const repo = store.repo(repoName);
  store.commit(sha);
  const now = store.clock.tick();
  const id = store.ids.next('status');
  const status: StatusRecord = {
    id,
    nodeId: nodeId('SC', id),
    repo: repo.fullName,
    sha,
    context: options.context ?? 'default',
    state: options.state,
    description: options.description ?? null,
    targetUrl: options.targetUrl ?? null,
    creator: store.user(options.creator).login,
    createdAt: now,
    updatedAt: now,
  };
  store.statuses.push(status);
  return status;
}

/** Newest first, as the statuses endpoint lists them. */
export function statusesFor(store: Store, repoName: string, sha: string): StatusRecord[] {
  const repo = store.repo(repoName);
  return store.statuses.filter((s) => s.repo === repo.fullName && s.sha === sha).reverse();
}
