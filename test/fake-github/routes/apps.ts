// A GitHub App's own endpoints. With its JWT (the server lets nothing else
// through): the App itself, its installations, the installation of a
// repository, and minting an installation access token. With an installation
// token: the repositories that token reaches.
import { notAccessible } from '../auth.ts';
import type { Access, Permissions } from '../auth.ts';
import { newInstallationToken } from '../app-auth.ts';
import { formatTime } from '../clock.ts';
import { linkOf, paginate } from '../pagination.ts';
import { renderInstallation } from '../render/app.ts';
import { renderApp } from '../render/checks.ts';
import { renderRepo } from '../render/repo.ts';
import { installationFor, installationRepos } from '../state/apps.ts';
import type { AppRegistration, InstallationRecord } from '../state/apps.ts';
import type { RepoRecord } from '../state/model.ts';
import type { RouteContext, RouteTable } from './types.ts';
import { docsUrl, json, notFound, repoName, unprocessable } from './types.ts';

const tokenLifetimeMs = 3_600_000;

/** The App a JWT authenticated. */
function callingApp(ctx: RouteContext): AppRegistration {
  const registration = ctx.grant.app && ctx.store.appRegistrations.get(ctx.grant.app.appId);
  if (!registration) throw new Error('The server lets only an App’s JWT reach this route');
  return registration;
}

function installationsOf(ctx: RouteContext, app: AppRegistration): InstallationRecord[] {
  return [...ctx.store.installations.values()].filter((i) => i.appId === app.appId);
}

const rank: Record<string, number> = { read: 1, write: 2, admin: 3 };

/** `repositories` (names) and `repository_ids` narrow the token; each must be one the installation covers. */
function narrowedRepos(covered: RepoRecord[], body: TokenBody): RepoRecord[] | 'inaccessible' | undefined {
  if (body.repositories === undefined && body.repository_ids === undefined) return undefined;
  const byName = (body.repositories ?? []).map((name) => covered.find((r) => r.name.toLowerCase() === name.toLowerCase()));
  const byId = (body.repository_ids ?? []).map((id) => covered.find((r) => r.id === id));
  const found = [...byName, ...byId];
  if (found.some((r) => r === undefined)) return 'inaccessible';
  return [...new Set(found as RepoRecord[])];
}

interface TokenBody {
  repositories?: string[];
  repository_ids?: number[];
  permissions?: Record<string, Access>;
}

export const appRoutes: RouteTable = {
  'apps/get-authenticated': (ctx) => {
    const app = callingApp(ctx);
    return json(200, { ...renderApp(ctx.render, app.slug), installations_count: installationsOf(ctx, app).length });
  },

  'apps/list-installations': (ctx) => {
    const since = ctx.query.since as string | undefined;
    const all = installationsOf(ctx, callingApp(ctx)).filter((i) => !since || Date.parse(i.updatedAt) >= Date.parse(since));
    const page = paginate(all, ctx.query, ctx.url);
    return json(200, page.items.map((i) => renderInstallation(ctx.render, i)), linkOf(page));
  },

  'apps/get-installation': (ctx) => {
    const installation = installationsOf(ctx, callingApp(ctx)).find((i) => i.id === Number(ctx.params.installation_id));
    return installation ? json(200, renderInstallation(ctx.render, installation)) : notFound(ctx);
  },

  'apps/get-repo-installation': (ctx) => {
    const installation = installationFor(ctx.store, callingApp(ctx).appId, repoName(ctx));
    return installation ? json(200, renderInstallation(ctx.render, installation)) : notFound(ctx);
  },

  // One hour, as the App's bot, with the installation's permissions and
  // repositories or fewer; never more.
  'apps/create-installation-access-token': (ctx) => {
    const app = callingApp(ctx);
    const installation = installationsOf(ctx, app).find((i) => i.id === Number(ctx.params.installation_id));
    if (!installation) return notFound(ctx);
    const body = (ctx.body ?? {}) as TokenBody;
    const repos = narrowedRepos(installationRepos(ctx.store, installation), body);
    if (repos === 'inaccessible') return unprocessable(ctx, 'There is at least one repository that does not exist or is not accessible to the parent installation.');
    const permissions: Permissions = body.permissions ?? installation.permissions;
    const exceeding = Object.entries(permissions).some(([name, level]) => (rank[level] ?? 0) > (rank[installation.permissions[name] ?? ''] ?? 0));
    if (exceeding) return unprocessable(ctx, 'The permissions requested are not granted to this installation.');
    const token = newInstallationToken();
    const expiresAt = ctx.store.clock.now().getTime() + tokenLifetimeMs;
    ctx.tokens.add(token, {
      actor: app.botLogin,
      permissions,
      kind: 'app',
      app: { appId: app.appId, installationId: installation.id, expiresAt, ...(repos ? { repositories: repos.map((r) => r.fullName) } : {}) },
    });
    return json(201, {
      token,
      expires_at: formatTime(expiresAt),
      permissions,
      repository_selection: repos ? 'selected' : installation.selection,
      ...(repos ? { repositories: repos.map((r) => renderRepo(ctx.render, r)) } : {}),
    });
  },

  // Only an installation token knows its installation.
  'apps/list-repos-accessible-to-installation': (ctx) => {
    const credential = ctx.grant.app;
    const installation = credential?.installationId === undefined ? undefined : ctx.store.installations.get(credential.installationId);
    if (!credential || !installation) return { status: 403, body: { message: notAccessible(ctx.tokenKind), documentation_url: docsUrl(ctx.operation), status: '403' } };
    const reachable = installationRepos(ctx.store, installation).filter((r) => credential.repositories?.includes(r.fullName) ?? true);
    const page = paginate(reachable, ctx.query, ctx.url);
    const selection = credential.repositories ? 'selected' : installation.selection;
    return json(200, { total_count: reachable.length, repositories: page.items.map((r) => renderRepo(ctx.render, r)), repository_selection: selection }, linkOf(page));
  },
};
