// simple-user objects, with every URL GitHub includes.
import type { UserRecord } from '../state/model.ts';
import type { RenderContext, Json } from './context.ts';
import { webOrigin } from './context.ts';

export function renderUser(ctx: RenderContext, user: UserRecord | string): Json {
  const u = typeof user === 'string' ? ctx.store.user(user) : user;
  const base = `${ctx.api}/users/${encodeURIComponent(u.login)}`;
  // Bots' profile pages live under /apps/<slug>.
  const html = u.type === 'Bot' ? `${webOrigin}/apps/${u.login.replace(/\[bot\]$/, '')}` : `${webOrigin}/${u.login}`;
  return {
    login: u.login,
    id: u.id,
    node_id: u.nodeId,
    avatar_url: u.type === 'Bot' ? `https://avatars.githubusercontent.com/in/${u.id}?v=4` : `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: '',
    url: base,
    html_url: html,
    followers_url: `${base}/followers`,
    following_url: `${base}/following{/other_user}`,
    gists_url: `${base}/gists{/gist_id}`,
    starred_url: `${base}/starred{/owner}{/repo}`,
    subscriptions_url: `${base}/subscriptions`,
    organizations_url: `${base}/orgs`,
    repos_url: `${base}/repos`,
    events_url: `${base}/events{/privacy}`,
    received_events_url: `${base}/received_events`,
    type: u.type,
    user_view_type: 'public',
    site_admin: false,
  };
}
