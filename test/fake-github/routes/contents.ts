// GET /repos/{owner}/{repo}/contents/{path}?ref= : a file (JSON with base64
// content, or the raw bytes for the raw media type) or a directory listing.
import { renderDirectory, renderFile } from '../render/contents.ts';
import type { RouteTable } from './types.ts';
import { json, notFound, repoName } from './types.ts';

function wantsRaw(accept: string | undefined): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(accept ?? '');
}

export const contentRoutes: RouteTable = {
  'repos/get-content': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const ref = (ctx.query.ref as string | undefined) || repo.defaultBranch;
    const sha = ctx.store.resolveRef(repo, ref);
    if (!sha) return notFound(ctx, `No commit found for the ref ${ref}`);
    const tree = ctx.store.commit(sha).files;
    const path = String(ctx.params.path).replace(/^\/+|\/+$/g, '');
    const content = tree.get(path);
    if (content !== undefined) {
      if (wantsRaw(ctx.headers.accept)) return { status: 200, raw: content, headers: { 'content-type': 'text/plain; charset=utf-8' } };
      return json(200, renderFile(ctx.render, repo, ref, path, content));
    }
    const listing = renderDirectory(ctx.render, repo, ref, path, tree);
    return listing ? json(200, listing) : notFound(ctx);
  },
};
