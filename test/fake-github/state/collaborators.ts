// Repository roles of users. The owner of a personal repository is its admin;
// everyone else has only what a test grants. Outside any grant, a public
// repository still lets anyone read it, a private one lets no one.
import type { RepoRecord, RepoRole } from './model.ts';
import type { Store } from './store.ts';

/** GitHub's legacy base permission for each built-in role (`permission` in the API). */
export type BasePermission = 'admin' | 'write' | 'read' | 'none';

export const basePermission: Record<RepoRole, BasePermission> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
};

const rank: Record<RepoRole | 'none', number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export function roleAtLeast(role: RepoRole | 'none' | undefined, needed: RepoRole): boolean {
  return rank[role ?? 'none'] >= rank[needed];
}

function roles(store: Store, repo: RepoRecord): Map<string, RepoRole> {
  const k = repo.fullName.toLowerCase();
  let map = store.repoRoles.get(k);
  if (!map) store.repoRoles.set(k, (map = new Map()));
  return map;
}

export function setRepoPermission(store: Store, repoName: string, login: string, role: RepoRole): void {
  const user = store.user(login);
  if (user.type === 'Organization') throw new Error(`${user.login} is an organisation and cannot be a collaborator`);
  roles(store, store.repo(repoName)).set(user.login.toLowerCase(), role);
  store.clock.tick();
}

export function removeRepoPermission(store: Store, repoName: string, login: string): void {
  roles(store, store.repo(repoName)).delete(store.user(login).login.toLowerCase());
  store.clock.tick();
}

/** The role a user holds on the repository, or undefined when they hold none (they are no collaborator). */
export function repoRole(store: Store, repo: RepoRecord, login: string): RepoRole | undefined {
  const explicit = store.repoRoles.get(repo.fullName.toLowerCase())?.get(login.toLowerCase());
  if (login.toLowerCase() === repo.owner.toLowerCase() && store.user(repo.owner).type === 'User') return 'admin';
  return explicit;
}

/** What GET …/collaborators/{username}/permission reports as `role_name`, with `none` for no access. */
export function effectiveRole(store: Store, repo: RepoRecord, login: string): RepoRole | 'none' {
  return repoRole(store, repo, login) ?? (repo.private ? 'none' : 'read');
}

/** Whether the user's role is at least `needed`. */
export function hasRole(store: Store, repo: RepoRecord, login: string, needed: RepoRole): boolean {
  return roleAtLeast(repoRole(store, repo, login), needed);
}
