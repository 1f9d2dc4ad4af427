// GET /repos/{owner}/{repo}/collaborators/{username}/permission: the user's
// role (`role_name`) and the legacy base permission it maps to (maintain →
// write, triage → read). A user without a role can still read a public
// repository (read) but not a private one (none); an unknown login is 404.
import { renderUser } from '../render/user.ts';
import { basePermission, effectiveRole, hasRole, roleAtLeast } from '../state/collaborators.ts';
import type { RouteTable } from './types.ts';
import { docsUrl, json, notFound, repoName } from './types.ts';

export const collaboratorRoutes: RouteTable = {
  'repos/get-collaborator-permission-level': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    // A person's own token needs push access; an app's installation token needs only metadata.
    if (ctx.tokenKind === 'user' && !hasRole(ctx.store, repo, ctx.actor, 'write')) {
      return { status: 403, body: { message: 'Must have push access to view collaborator permission.', documentation_url: docsUrl(ctx.operation), status: '403' } };
    }
    const login = String(ctx.params.username);
    const user = ctx.store.users.get(login.toLowerCase());
    if (!user || user.type === 'Organization') return notFound(ctx, `${login} is not a user`);
    const role = effectiveRole(ctx.store, repo, user.login);
    const permission = role === 'none' ? 'none' : basePermission[role];
    return json(200, {
      permission,
      role_name: role,
      user: {
        ...renderUser(ctx.render, user),
        permissions: {
          admin: roleAtLeast(role, 'admin'),
          maintain: roleAtLeast(role, 'maintain'),
          push: roleAtLeast(role, 'write'),
          triage: roleAtLeast(role, 'triage'),
          pull: roleAtLeast(role, 'read'),
        },
        role_name: role,
      },
    });
  },
};
