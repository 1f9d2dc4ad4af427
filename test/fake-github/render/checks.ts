// check-run, status, and combined-commit-status objects.
import { formatTime } from '../clock.ts';
import type { CheckRunRecord, StatusRecord } from '../state/model.ts';
import type { RenderContext, Json } from './context.ts';
import { renderRepo } from './repo.ts';
import { renderUser } from './user.ts';

// Fixed facts about GitHub's apps, as GitHub reports them.
const appCreatedAt = formatTime(Date.parse('2018-07-30T09:30:17Z'));

/** An `integration` object; a registered App (registerApp) shows its own client id, permissions, events and date. */
export function renderApp(ctx: RenderContext, slug: string): Json {
  const app = ctx.store.apps.get(slug);
  if (!app) throw new Error(`Unknown app ${slug}`);
  const registration = ctx.store.appRegistrations.get(app.id);
  const rendered: Json = {
    id: app.id,
    slug: app.slug,
    node_id: app.nodeId,
    owner: renderUser(ctx, app.owner),
    name: app.name,
    description: app.slug === 'github-actions' ? 'Automate your workflow from idea to production' : '',
    external_url: app.slug === 'github-actions' ? 'https://help.github.com/en/actions' : `https://github.com/apps/${app.slug}`,
    html_url: `https://github.com/apps/${app.slug}`,
    created_at: appCreatedAt,
    updated_at: appCreatedAt,
    permissions: { checks: 'write', contents: 'write', metadata: 'read', pull_requests: 'write', statuses: 'write' },
    events: ['check_run', 'check_suite', 'pull_request', 'push'],
  };
  if (!registration) return rendered;
  const { clientId, createdAt, description, externalUrl, permissions, events } = registration;
  return { ...rendered, client_id: clientId, description, external_url: externalUrl, created_at: createdAt, updated_at: createdAt, permissions, events };
}

/**
 * `pull-request-minimal` objects for the open pull requests of `repoName` whose
 * head is `sha`. Like GitHub, pull requests from forks are not included.
 */
export function minimalPulls(ctx: RenderContext, repoName: string, sha: string): Json[] {
  const { store } = ctx;
  const repo = store.repo(repoName);
  const side = (ref: string, headOrBase: string) => ({ ref, sha: headOrBase, repo: { id: repo.id, url: `${ctx.api}/repos/${repo.fullName}`, name: repo.name } });
  return [...repo.issues.values()]
    .filter((i) => i.pull && i.state === 'open' && i.pull.headRepo === repo.fullName && store.headSha(i) === sha)
    .map((i) => ({
      id: i.pull!.id,
      number: i.number,
      url: `${ctx.api}/repos/${repo.fullName}/pulls/${i.number}`,
      head: side(i.pull!.head, sha),
      base: side(i.pull!.base, repo.branches.get(i.pull!.base) ?? sha),
    }));
}

export function renderCheckRun(ctx: RenderContext, run: CheckRunRecord): Json {
  const { store } = ctx;
  const repo = store.repo(run.repo);
  const url = `${ctx.api}/repos/${repo.fullName}/check-runs/${run.id}`;
  const pullRequests = minimalPulls(ctx, run.repo, run.headSha);
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: run.nodeId,
    external_id: run.externalId,
    url,
    html_url: run.htmlUrl,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotationsCount,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.suiteId },
    app: renderApp(ctx, run.app),
    pull_requests: pullRequests,
  };
}

function statusCommon(ctx: RenderContext, status: StatusRecord): Json {
  const creator = ctx.store.user(status.creator);
  return {
    url: `${ctx.api}/repos/${status.repo}/statuses/${status.sha}`,
    avatar_url: creator.type === 'Bot' ? `https://avatars.githubusercontent.com/in/15368?v=4` : `https://avatars.githubusercontent.com/u/${creator.id}?v=4`,
    id: status.id,
    node_id: status.nodeId,
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.updatedAt,
  };
}

export function renderStatus(ctx: RenderContext, status: StatusRecord): Json {
  return { ...statusCommon(ctx, status), creator: renderUser(ctx, status.creator) };
}

/**
 * The combined status: the latest status per context; `failure` if any is an
 * error or failure, `pending` if any is pending or there are none, else `success`.
 */
export function combineStatuses(newestFirst: StatusRecord[]): StatusRecord[] {
  const seen = new Set<string>();
  return newestFirst.filter((s) => !seen.has(s.context) && seen.add(s.context));
}

export function combinedState(latest: StatusRecord[]): string {
  if (latest.some((s) => s.state === 'error' || s.state === 'failure')) return 'failure';
  if (latest.length === 0 || latest.some((s) => s.state === 'pending')) return 'pending';
  return 'success';
}

export function renderCombinedStatus(ctx: RenderContext, repoName: string, sha: string, latest: StatusRecord[], page: StatusRecord[]): Json {
  const repo = ctx.store.repo(repoName);
  return {
    state: combinedState(latest),
    statuses: page.map((s) => statusCommon(ctx, s)),
    sha,
    total_count: latest.length,
    repository: renderRepo(ctx, repo),
    commit_url: `${ctx.api}/repos/${repo.fullName}/commits/${sha}`,
    url: `${ctx.api}/repos/${repo.fullName}/commits/${sha}/status`,
  };
}
