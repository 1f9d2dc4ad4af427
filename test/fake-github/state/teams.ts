// Organisation teams and their memberships. GitHub addresses a team by its
// organisation and slug; a member's state is `pending` until they accept the
// invitation to the organisation.
import { nodeId } from '../ids.ts';
import { addUser } from './git.ts';
import type { TeamMember, TeamMembershipState, TeamRecord, TeamRole } from './model.ts';
import type { Store } from './store.ts';

export interface CreateTeamOptions {
  members: string[];
  /** Also members, with the maintainer role. */
  maintainers?: string[];
}

export interface TeamMemberOptions {
  state?: TeamMembershipState;
  role?: TeamRole;
}

function key(org: string, slug: string): string {
  return `${org.toLowerCase()}/${slug.toLowerCase()}`;
}

export function findTeam(store: Store, org: string, slug: string): TeamRecord | undefined {
  return store.teams.get(key(org, slug));
}

function team(store: Store, org: string, slug: string): TeamRecord {
  const found = findTeam(store, org, slug);
  if (!found) throw new Error(`No team ${org}/${slug}; create it with createTeam()`);
  return found;
}

export function createTeam(store: Store, org: string, slug: string, options: CreateTeamOptions): TeamRecord {
  // Slugs are what GitHub derives from a team name: lower case, digits, - and _.
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(slug)) throw new Error(`A team slug is lower case letters, digits, - and _; got ${slug}`);
  // An unknown owner is taken to be an organisation, as createRepo does.
  const owner = store.users.get(org.toLowerCase()) ?? addUser(store, org, 'Organization');
  if (owner.type !== 'Organization') throw new Error(`${owner.login} is a ${owner.type}, not an organisation: only organisations have teams`);
  if (store.teams.has(key(owner.login, slug))) throw new Error(`Team ${owner.login}/${slug} already exists`);
  const id = store.ids.next('team');
  const record: TeamRecord = { id, nodeId: nodeId('T', id), org: owner.login, slug, members: new Map() };
  store.teams.set(key(owner.login, slug), record);
  store.clock.tick();
  for (const login of options.members) addTeamMember(store, owner.login, slug, login);
  for (const login of options.maintainers ?? []) addTeamMember(store, owner.login, slug, login, { role: 'maintainer' });
  return record;
}

/** Adds `login` to the team, or changes their role or state. */
export function addTeamMember(store: Store, org: string, slug: string, login: string, options: TeamMemberOptions = {}): TeamMember {
  const t = team(store, org, slug);
  const user = store.user(login);
  if (user.type === 'Organization') throw new Error(`${user.login} is an organisation and cannot be a team member`);
  const existing = t.members.get(user.login.toLowerCase());
  const member: TeamMember = { login: user.login, role: options.role ?? existing?.role ?? 'member', state: options.state ?? existing?.state ?? 'active' };
  t.members.set(user.login.toLowerCase(), member);
  store.clock.tick();
  return member;
}

export function removeTeamMember(store: Store, org: string, slug: string, login: string): void {
  const t = team(store, org, slug);
  if (!t.members.delete(login.toLowerCase())) throw new Error(`${login} is not a member of ${t.org}/${t.slug}`);
  store.clock.tick();
}
