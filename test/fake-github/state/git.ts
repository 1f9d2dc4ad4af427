// Users, repositories, branches and commits. A commit stores a full tree, so a
// file's content at any ref is a map lookup, and diffs compare two trees.
import { nodeId, sha1 } from '../ids.ts';
import { recordActivity, zeroSha } from './activity.ts';
import type { CommitRecord, RepoRecord, UserRecord, UserType } from './model.ts';
import type { Store } from './store.ts';
import { FakeNotFound } from './store.ts';
import { makeUser } from './users.ts';

export function addUser(store: Store, login: string, type: UserType = 'User'): UserRecord {
  const existing = store.users.get(login.toLowerCase());
  if (existing) return existing;
  const user = makeUser(login, store.ids.next('user'), type);
  store.users.set(login.toLowerCase(), user);
  return user;
}

export interface CreateRepoOptions {
  defaultBranch?: string;
  files?: Record<string, string>;
  private?: boolean;
}

export function createRepo(store: Store, fullName: string, options: CreateRepoOptions = {}): RepoRecord {
  const [owner, name, extra] = fullName.split('/');
  if (!owner || !name || extra !== undefined) throw new Error(`Repository name must be owner/name, got ${fullName}`);
  if (store.repos.has(fullName.toLowerCase())) throw new Error(`Repository ${fullName} already exists`);
  // An unknown owner is taken to be an organisation, the usual case for a product repo.
  const ownerUser = store.users.get(owner.toLowerCase()) ?? addUser(store, owner, 'Organization');
  const now = store.clock.tick();
  const id = store.ids.next('repo');
  const repo: RepoRecord = {
    id,
    nodeId: nodeId('R', id),
    owner: ownerUser.login,
    name,
    fullName: `${ownerUser.login}/${name}`,
    defaultBranch: options.defaultBranch ?? 'main',
    private: options.private ?? false,
    branches: new Map(),
    labels: new Map(),
    associations: new Map(),
    lastNumber: 0,
    issues: new Map(),
    createdAt: now,
    updatedAt: now,
    pushedAt: now,
  };
  store.repos.set(fullName.toLowerCase(), repo);
  writeCommit(store, repo, repo.defaultBranch, undefined, options.files ?? { 'README.md': `# ${name}\n` }, 'Initial commit', ownerUser.login);
  return repo;
}

/** A fork shares the parent's objects and starts with copies of its branches. */
export function forkRepo(store: Store, source: string, newOwner: string): RepoRecord {
  const parent = store.repo(source);
  const ownerUser = store.users.get(newOwner.toLowerCase()) ?? addUser(store, newOwner);
  const fullName = `${ownerUser.login}/${parent.name}`;
  if (store.repos.has(fullName.toLowerCase())) throw new Error(`Repository ${fullName} already exists`);
  const now = store.clock.tick();
  const id = store.ids.next('repo');
  const fork: RepoRecord = {
    ...parent,
    id,
    nodeId: nodeId('R', id),
    owner: ownerUser.login,
    fullName,
    branches: new Map(parent.branches),
    labels: new Map(),
    associations: new Map(),
    lastNumber: 0,
    issues: new Map(),
    createdAt: now,
    updatedAt: now,
    pushedAt: now,
    forkOf: parent.fullName,
  };
  store.repos.set(fullName.toLowerCase(), fork);
  return fork;
}

export interface CommitOptions {
  message?: string;
  /** Defaults to the repository's owner. */
  author?: string;
  /** Who pushed the commit, as the activity feed names them; defaults to the author. */
  pusher?: string;
}

/**
 * Commits on `branch` (created from the default branch when missing). `files`
 * overlays the parent's tree; a `null` content deletes that path.
 */
export function commit(store: Store, repoName: string, branch: string, files: Record<string, string | null>, options: CommitOptions = {}): string {
  const repo = store.repo(repoName);
  const parent = repo.branches.get(branch) ?? repo.branches.get(repo.defaultBranch);
  const author = options.author ?? repo.owner;
  return writeCommit(store, repo, branch, parent, files, options.message ?? `Update ${Object.keys(files).join(', ')}`, author, options.pusher ?? author);
}

function writeCommit(
  store: Store,
  repo: RepoRecord,
  branch: string,
  parent: string | undefined,
  files: Record<string, string | null>,
  message: string,
  author: string,
  pusher = author,
): string {
  return recordCommit(store, repo, branch, { parents: parent ? [parent] : [], files: overlay(store, parent, files), message, author }, pusher);
}

/** The parent's tree with `files` applied; `null` deletes a path. */
export function overlay(store: Store, parent: string | undefined, files: Record<string, string | null>): Map<string, string> {
  const tree = new Map(parent ? store.commit(parent).files : []);
  for (const [path, content] of Object.entries(files)) {
    const clean = path.replace(/^\/+/, '');
    if (content === null) tree.delete(clean);
    else tree.set(clean, content);
  }
  return tree;
}

export interface NewCommit {
  parents: string[];
  /** The whole tree; never mutated afterwards (trees are cached by identity). */
  files: Map<string, string>;
  message: string;
  author: string;
  /** The author date, when it is not now (an amended commit keeps its own). */
  authoredAt?: string;
  /** Who committed it, when not the author. */
  committer?: string;
}

/**
 * Stores a commit and has `pusher` (default: the author) point `branch` of
 * `repo` at it: a force push when the branch did not lead there.
 */
export function recordCommit(store: Store, repo: RepoRecord, branch: string, c: NewCommit, pusher = c.author): string {
  // An unknown pusher must fail before anything is stored.
  store.user(pusher);
  const now = store.clock.tick();
  const sha = storeCommit(store, c, now);
  moveBranch(store, repo, branch, sha, pusher, now);
  return sha;
}

/**
 * Stores a commit made at `now` without moving any branch, for commits that
 * reach a branch together (a merge queue writes a group's commits, then
 * creates its branch once). Returns the SHA.
 */
export function storeCommit(store: Store, c: NewCommit, now: string = store.clock.tick()): string {
  const sha = sha1(`commit ${store.commits.size} ${c.parents.join(' ')} ${now} ${c.message}`);
  const record: CommitRecord = { sha, parents: [...c.parents], files: c.files, message: c.message, author: c.author, date: c.authoredAt ?? now };
  if (c.authoredAt !== undefined || c.committer !== undefined) {
    record.committer = c.committer ?? c.author;
    record.committedAt = now;
  }
  store.commits.set(sha, record);
  return sha;
}

/**
 * Points `branch` at `after`, as `pusher`'s push does, and records the move in
 * the repository's activity feed: a branch creation when the branch did not
 * exist, a push when it fast-forwards, a force push otherwise. Every change of
 * `repo.branches` goes through here, so the feed misses no move.
 */
export function moveBranch(store: Store, repo: RepoRecord, branch: string, after: string, pusher: string, at: string = store.clock.iso()): void {
  const actor = store.user(pusher).login;
  const before = repo.branches.get(branch);
  if (before === after) return;
  const type = before === undefined ? 'branch_creation' : reachable(store, after).has(before) ? 'push' : 'force_push';
  repo.branches.set(branch, after);
  repo.pushedAt = at;
  recordActivity(store, repo, { branch, before: before ?? zeroSha, after, at, type, actor });
}

export function branchSha(store: Store, repoName: string, branch: string): string {
  const sha = store.repo(repoName).branches.get(branch);
  if (!sha) throw new FakeNotFound(`No branch ${branch} in ${repoName}`);
  return sha;
}

/** The best common ancestor, for the three-dot diff GitHub shows on a pull request. */
export function mergeBase(store: Store, a: string, b: string): string | undefined {
  const ancestors = new Set<string>();
  for (const queue = [a]; queue.length; ) {
    const sha = queue.shift()!;
    if (ancestors.has(sha)) continue;
    ancestors.add(sha);
    queue.push(...(store.commits.get(sha)?.parents ?? []));
  }
  for (const queue = [b], seen = new Set<string>(); queue.length; ) {
    const sha = queue.shift()!;
    if (ancestors.has(sha)) return sha;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(store.commits.get(sha)?.parents ?? []));
  }
  return undefined;
}

/** Every commit reachable from `sha`, itself included. */
export function reachable(store: Store, sha: string): Set<string> {
  const seen = new Set<string>();
  for (const queue = [sha]; queue.length; ) {
    const next = queue.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(store.commits.get(next)?.parents ?? []));
  }
  return seen;
}

/**
 * Commits reachable from `head` but not from `base` (git's `base..head`),
 * oldest first. Parents are always stored before their children, so the
 * store's insertion order is a topological order.
 */
export function commitsBetween(store: Store, base: string, head: string): string[] {
  const exclude = reachable(store, base);
  const include = reachable(store, head);
  return [...store.commits.keys()].filter((sha) => include.has(sha) && !exclude.has(sha));
}
