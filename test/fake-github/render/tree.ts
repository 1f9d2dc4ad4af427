// git-tree objects: entries with git's modes, blob sizes, and URLs of the
// blob or tree each names. Paths are relative to the tree asked for.
import type { FoundTree, TreeEntry } from '../state/trees.ts';
import type { RepoRecord } from '../state/model.ts';
import type { Json, RenderContext } from './context.ts';

export function renderTree(ctx: RenderContext, repo: RepoRecord, found: FoundTree, entries: TreeEntry[], truncated: boolean): Json {
  const git = `${ctx.api}/repos/${repo.fullName}/git`;
  const strip = found.dir ? found.dir.length + 1 : 0;
  return {
    sha: found.tree.sha,
    url: `${git}/trees/${found.tree.sha}`,
    tree: entries.map((e) =>
      e.type === 'blob'
        ? { path: e.path.slice(strip), mode: '100644', type: 'blob', sha: e.sha, size: e.size, url: `${git}/blobs/${e.sha}` }
        : { path: e.path.slice(strip), mode: '040000', type: 'tree', sha: e.sha, url: `${git}/trees/${e.sha}` },
    ),
    truncated,
  };
}
