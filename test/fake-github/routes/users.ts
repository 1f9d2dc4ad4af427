// GET /user: the account a token belongs to. GitHub answers it for a person's
// token and refuses installation tokens (a workflow's GITHUB_TOKEN, an App's),
// which tell nothing about their App this way.
import { renderUser } from '../render/user.ts';
import { notAccessible } from '../auth.ts';
import type { RouteTable } from './types.ts';
import { docsUrl, json } from './types.ts';

export const userRoutes: RouteTable = {
  'users/get-authenticated': (ctx) => {
    if (ctx.tokenKind !== 'user') return { status: 403, body: { message: notAccessible(ctx.tokenKind), documentation_url: docsUrl(ctx.operation), status: '403' } };
    const user = ctx.store.user(ctx.actor);
    return json(200, {
      ...renderUser(ctx.render, user),
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2020-01-01T00:00:00Z',
    });
  },
};
