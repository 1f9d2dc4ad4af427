// `commit` objects as the commit lists (pull request commits, compare) give
// them: git author and committer, the root tree's real SHA, parents, and the
// GitHub accounts behind the commit. The fake signs nothing.
import type { RepoRecord } from '../state/model.ts';
import { commitTreeSha } from '../state/trees.ts';
import type { Json, RenderContext } from './context.ts';
import { webOrigin } from './context.ts';
import { renderUser } from './user.ts';

/** The address GitHub gives an account that keeps its email private, as in web and noreply commits. */
function noreplyEmail(ctx: RenderContext, login: string): string {
  const user = ctx.store.user(login);
  return `${user.id}+${user.login}@users.noreply.github.com`;
}

function gitUser(ctx: RenderContext, login: string, date: string): Json {
  return { name: ctx.store.user(login).login, email: noreplyEmail(ctx, login), date };
}

export function renderCommit(ctx: RenderContext, repo: RepoRecord, sha: string): Json {
  const c = ctx.store.commit(sha);
  const api = `${ctx.api}/repos/${repo.fullName}`;
  const tree = commitTreeSha(ctx.store, sha);
  const committer = c.committer ?? c.author;
  return {
    url: `${api}/commits/${sha}`,
    sha,
    // Commit node ids are opaque and keyed by repository and SHA.
    node_id: `C_kwDO${Buffer.from(`${repo.id}:${sha}`).toString('base64url')}`,
    html_url: `${webOrigin}/${repo.fullName}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: gitUser(ctx, c.author, c.date),
      committer: gitUser(ctx, committer, c.committedAt ?? c.date),
      message: c.message,
      tree: { sha: tree, url: `${api}/git/trees/${tree}` },
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: renderUser(ctx, c.author),
    committer: renderUser(ctx, committer),
    parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${webOrigin}/${repo.fullName}/commit/${p}` })),
  };
}
