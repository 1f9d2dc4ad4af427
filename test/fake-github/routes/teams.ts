// GET /orgs/{org}/teams/{team_slug}/memberships/{username}: a user's role and
// state in a team; 404 alike for an unknown organisation, team or user and
// for a user outside the team, as GitHub answers.
import { findTeam } from '../state/teams.ts';
import type { RouteTable } from './types.ts';
import { json, notFound } from './types.ts';

export const teamRoutes: RouteTable = {
  'teams/get-membership-for-user-in-org': (ctx) => {
    const team = findTeam(ctx.store, String(ctx.params.org), String(ctx.params.team_slug));
    const member = team?.members.get(String(ctx.params.username).toLowerCase());
    if (!team || !member) return notFound(ctx);
    const org = ctx.store.user(team.org);
    return json(200, {
      url: `${ctx.render.api}/organizations/${org.id}/team/${team.id}/memberships/${encodeURIComponent(member.login)}`,
      role: member.role,
      state: member.state,
    });
  },
};
