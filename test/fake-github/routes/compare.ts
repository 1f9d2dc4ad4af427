// GET /repos/{owner}/{repo}/compare/{BASE...HEAD}: how HEAD relates to BASE
// (ahead, behind, diverged, identical), the commits on HEAD's side oldest
// first, and the files changed from the merge base to HEAD (a three-dot
// diff, as a pull request shows). Either side may be a SHA or a branch, or
// `owner:branch` for a branch of another repository in the fork network.
import { paginate } from '../pagination.ts';
import { renderCommit } from '../render/commit.ts';
import { webOrigin } from '../render/context.ts';
import { renderDiffEntry } from '../render/pull.ts';
import { diffTrees } from '../diff.ts';
import { commitsBetween, mergeBase } from '../state/git.ts';
import type { RepoRecord } from '../state/model.ts';
import type { Store } from '../state/store.ts';
import type { Reply, RouteContext, RouteTable } from './types.ts';
import { json, notFound, repoName } from './types.ts';

// Without paging parameters GitHub lists the last 250 commits; it lists at most 300 files.
const maxCommits = 250;
const maxFiles = 300;

function networkRoot(store: Store, repo: RepoRecord): string {
  return repo.forkOf ? networkRoot(store, store.repo(repo.forkOf)) : repo.fullName;
}

interface Side {
  repo: RepoRecord;
  sha: string;
}

function resolveSide(ctx: RouteContext, repo: RepoRecord, spec: string): Side | undefined {
  const colon = spec.indexOf(':');
  let where = repo;
  if (colon >= 0) {
    const owner = spec.slice(0, colon).toLowerCase();
    const root = networkRoot(ctx.store, repo);
    const found = [...ctx.store.repos.values()].find((r) => r.owner.toLowerCase() === owner && networkRoot(ctx.store, r) === root);
    if (!found) return undefined;
    where = found;
  }
  const sha = ctx.store.resolveRef(where, colon >= 0 ? spec.slice(colon + 1) : spec);
  return sha ? { repo: where, sha } : undefined;
}

function compare(ctx: RouteContext): Reply {
  const repo = ctx.store.repo(repoName(ctx));
  // Octokit's legacy operation names the two sides; the wire request is the same.
  const basehead = ctx.params.basehead !== undefined ? String(ctx.params.basehead) : `${String(ctx.params.base)}...${String(ctx.params.head)}`;
  // Git forbids ".." in ref names, so the first "..." is the separator.
  const at = basehead.indexOf('...');
  if (at <= 0 || at + 3 >= basehead.length) return notFound(ctx);
  const base = resolveSide(ctx, repo, basehead.slice(0, at));
  const head = resolveSide(ctx, repo, basehead.slice(at + 3));
  if (!base || !head) return notFound(ctx);
  const mergeBaseSha = mergeBase(ctx.store, base.sha, head.sha);
  if (!mergeBaseSha) return notFound(ctx, `No common ancestor between ${basehead.slice(0, at)} and ${basehead.slice(at + 3)}.`);

  const ahead = commitsBetween(ctx.store, base.sha, head.sha);
  const behindBy = commitsBetween(ctx.store, head.sha, base.sha).length;
  const status = ahead.length === 0 ? (behindBy === 0 ? 'identical' : 'behind') : behindBy === 0 ? 'ahead' : 'diverged';
  const paged = ctx.query.page !== undefined || ctx.query.per_page !== undefined;
  const page = paged ? paginate(ahead, ctx.query, ctx.url) : { items: ahead.slice(-maxCommits), link: undefined };
  const firstPage = !paged || Number(ctx.query.page ?? 1) === 1;
  const files = diffTrees(ctx.store.commit(mergeBaseSha).files, ctx.store.commit(head.sha).files).slice(0, maxFiles);

  const api = `${ctx.render.api}/repos/${repo.fullName}`;
  const html = `${webOrigin}/${repo.fullName}/compare/${basehead}`;
  return json(
    200,
    {
      url: `${api}/compare/${basehead}`,
      html_url: html,
      permalink_url: `${webOrigin}/${repo.fullName}/compare/${base.repo.owner}:${base.sha}...${head.repo.owner}:${head.sha}`,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      base_commit: renderCommit(ctx.render, repo, base.sha),
      merge_base_commit: renderCommit(ctx.render, repo, mergeBaseSha),
      status,
      ahead_by: ahead.length,
      behind_by: behindBy,
      total_commits: ahead.length,
      commits: page.items.map((sha) => renderCommit(ctx.render, repo, sha)),
      // When paging, only the first page carries the files.
      ...(firstPage ? { files: files.map((f) => renderDiffEntry(ctx.render, repo, head.sha, f)) } : {}),
    },
    page.link ? { link: page.link } : undefined,
  );
}

export const compareRoutes: RouteTable = {
  'repos/compare-commits-with-basehead': compare,
  'repos/compare-commits': compare,
};
