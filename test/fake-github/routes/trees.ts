// GET /repos/{owner}/{repo}/git/trees/{tree_sha}: a tree, or the root tree of
// a commit-ish; any `recursive` value (even 0 or false) lists the whole
// subtree. Past GitHub's limit the listing is cut and `truncated` is true; a
// test can force that to check that a caller fails closed.
import { renderTree } from '../render/tree.ts';
import { findTree, recursiveEntries } from '../state/trees.ts';
import type { RouteTable } from './types.ts';
import { json, notFound, repoName } from './types.ts';

/** GitHub's documented limit for a recursive listing (it also stops at 7 MB). */
export const maxTreeEntries = 100_000;

export const treeRoutes: RouteTable = {
  'git/get-tree': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const found = findTree(ctx.store, repo.fullName, String(ctx.params.tree_sha));
    if (!found) return notFound(ctx);
    const all = ctx.query.recursive === undefined ? found.tree.entries : recursiveEntries(found.files, found.dir);
    const forced = ctx.store.truncatedTrees.has(repo.fullName.toLowerCase());
    // A forced truncation keeps the first half, as a cut listing would.
    const kept = forced ? all.slice(0, Math.ceil(all.length / 2)) : all.slice(0, maxTreeEntries);
    return json(200, renderTree(ctx.render, repo, found, kept, forced || all.length > maxTreeEntries));
  },
};
