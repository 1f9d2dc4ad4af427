// GET /repos/{owner}/{repo}/git/commits/{commit_sha}: the git object of a commit,
// whose tree SHA tells whether two commits hold the same files.
import { renderCommit } from '../render/commit.ts';
import type { RouteTable } from './types.ts';
import { json, notFound, repoName } from './types.ts';

export const gitCommitRoutes: RouteTable = {
  'git/get-commit': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const sha = String(ctx.params.commit_sha);
    // Only full SHAs of commits this repository holds, as on GitHub.
    if (!ctx.store.commits.has(sha)) return notFound(ctx);
    const full = renderCommit(ctx.render, repo, sha) as { node_id: string; html_url: string; parents: unknown; commit: Record<string, unknown> };
    const { author, committer, message, tree, verification } = full.commit;
    return json(200, {
      sha,
      node_id: full.node_id,
      url: `${ctx.render.api}/repos/${repo.fullName}/git/commits/${sha}`,
      html_url: full.html_url,
      author,
      committer,
      message,
      tree,
      parents: full.parents,
      verification,
    });
  },
};
