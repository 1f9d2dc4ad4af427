// Git tree objects derived from a commit's flat path → content map, with the
// SHAs git itself computes (so blob SHAs agree with contents answers, and a
// subtree's SHA can be asked for in turn). A commit's map never changes, so
// the trees are computed once per commit.
import { createHash } from 'node:crypto';
import { gitBlobSha } from '../ids.ts';
import type { RepoRecord } from './model.ts';
import type { Store } from './store.ts';

export interface TreeEntry {
  /** Full path from the root tree. */
  path: string;
  name: string;
  type: 'blob' | 'tree';
  sha: string;
  /** Blobs only. */
  size?: number;
}

export interface GitTree {
  sha: string;
  /** The direct entries, in git's order. */
  entries: TreeEntry[];
}

interface Dir {
  files: Map<string, string>;
  dirs: Map<string, Dir>;
}

/** Trees of one commit by directory path ('' is the root). */
const cache = new WeakMap<Map<string, string>, Map<string, GitTree>>();

// Git orders entries by name bytes, a tree's name compared as if it ended in "/".
function gitOrder(a: TreeEntry, b: TreeEntry): number {
  return Buffer.compare(Buffer.from(a.type === 'tree' ? `${a.name}/` : a.name), Buffer.from(b.type === 'tree' ? `${b.name}/` : b.name));
}

function hashTree(entries: TreeEntry[]): string {
  const body = Buffer.concat(entries.flatMap((e) => [Buffer.from(`${e.type === 'tree' ? '40000' : '100644'} ${e.name}\0`), Buffer.from(e.sha, 'hex')]));
  return createHash('sha1').update(Buffer.concat([Buffer.from(`tree ${body.length}\0`), body])).digest('hex');
}

function build(dir: Dir, path: string, out: Map<string, GitTree>): GitTree {
  const prefix = path ? `${path}/` : '';
  const entries: TreeEntry[] = [];
  for (const [name, content] of dir.files) entries.push({ path: prefix + name, name, type: 'blob', sha: gitBlobSha(content), size: Buffer.byteLength(content) });
  for (const [name, sub] of dir.dirs) entries.push({ path: prefix + name, name, type: 'tree', sha: build(sub, prefix + name, out).sha });
  entries.sort(gitOrder);
  const tree = { sha: hashTree(entries), entries };
  out.set(path, tree);
  return tree;
}

export function treesOf(files: Map<string, string>): Map<string, GitTree> {
  let trees = cache.get(files);
  if (!trees) {
    const root: Dir = { files: new Map(), dirs: new Map() };
    for (const [path, content] of files) {
      const parts = path.split('/');
      const name = parts.pop()!;
      let dir = root;
      for (const part of parts) {
        let next = dir.dirs.get(part);
        if (!next) dir.dirs.set(part, (next = { files: new Map(), dirs: new Map() }));
        dir = next;
      }
      dir.files.set(name, content);
    }
    trees = new Map();
    build(root, '', trees);
    cache.set(files, trees);
  }
  return trees;
}

/** The SHA of the directory `path` ('' for the root) in a commit's files. */
export function treeSha(files: Map<string, string>, path = ''): string | undefined {
  return treesOf(files).get(path)?.sha;
}

/** The root tree of a commit. */
export function commitTreeSha(store: Store, commitSha: string): string {
  return treeSha(store.commit(commitSha).files)!;
}

/** Commits reachable from any branch of the repository's fork network, which shares one object store on GitHub. */
function networkCommits(store: Store, repo: RepoRecord): Set<string> {
  const root = (r: RepoRecord): string => (r.forkOf ? root(store.repo(r.forkOf)) : r.fullName);
  const network = root(repo);
  const seen = new Set<string>();
  const queue = [...store.repos.values()].filter((r) => root(r) === network).flatMap((r) => [...r.branches.values()]);
  while (queue.length) {
    const sha = queue.pop()!;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(store.commits.get(sha)?.parents ?? []));
  }
  return seen;
}

export interface FoundTree {
  tree: GitTree;
  /** The tree's directory in `files` ('' for a root tree). */
  dir: string;
  files: Map<string, string>;
}

/**
 * What GET /git/trees/{tree_sha} accepts: a tree SHA, or a commit-ish (commit
 * SHA, branch) standing for its root tree.
 */
export function findTree(store: Store, repoName: string, treeish: string): FoundTree | undefined {
  const repo = store.repo(repoName);
  if (/^[0-9a-f]{40}$/.test(treeish)) {
    for (const sha of networkCommits(store, repo)) {
      const files = store.commit(sha).files;
      for (const [dir, tree] of treesOf(files)) if (tree.sha === treeish) return { tree, dir, files };
    }
  }
  const sha = store.resolveRef(repo, treeish);
  if (!sha) return undefined;
  const files = store.commit(sha).files;
  return { tree: treesOf(files).get('')!, dir: '', files };
}

/** Every entry under a tree, depth first, each tree before its contents (as `git ls-tree -r -t`). */
export function recursiveEntries(files: Map<string, string>, dir: string): TreeEntry[] {
  const trees = treesOf(files);
  const out: TreeEntry[] = [];
  const walk = (path: string): void => {
    for (const entry of trees.get(path)?.entries ?? []) {
      out.push(entry);
      if (entry.type === 'tree') walk(entry.path);
    }
  };
  walk(dir);
  return out;
}
