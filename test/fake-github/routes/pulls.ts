// Pull requests: get, list (with GitHub's filters and sorting), reviews, files,
// commits, and the pull requests a commit is associated with.
import { paginate } from '../pagination.ts';
import { renderCommit } from '../render/commit.ts';
import { pullFileChanges, renderDiffEntry, renderPull } from '../render/pull.ts';
import { renderReview } from '../render/review.ts';
import { commitsBetween } from '../state/git.ts';
import type { IssueRecord, PullFacts } from '../state/model.ts';
import { pullsForCommit } from '../state/pulls.ts';
import type { RouteContext, RouteTable } from './types.ts';
import { json, notFound, repoName, unprocessable } from './types.ts';

type PullIssue = IssueRecord & { pull: PullFacts };

function pullOr404(ctx: RouteContext): PullIssue | undefined {
  const issue = ctx.store.repo(repoName(ctx)).issues.get(Number(ctx.params.pull_number));
  return issue?.pull ? (issue as PullIssue) : undefined;
}

function listPulls(ctx: RouteContext) {
  const repo = ctx.store.repo(repoName(ctx));
  const { state = 'open', head, base, sort = 'created' } = ctx.query as Record<string, string | undefined>;
  // GitHub: descending by default when sorting by creation, ascending otherwise.
  const direction = (ctx.query.direction as string | undefined) ?? (sort === 'created' ? 'desc' : 'asc');
  let pulls = [...repo.issues.values()].filter((i): i is PullIssue => i.pull !== undefined);
  if (state !== 'all') pulls = pulls.filter((p) => p.state === state);
  if (base) pulls = pulls.filter((p) => p.pull.base === base);
  if (head) {
    // `head` is `owner:branch`; the owner is that of the repository holding the branch.
    const [owner, ref] = head.includes(':') ? head.split(':', 2) : [undefined, head];
    pulls = pulls.filter((p) => p.pull.head === ref && (!owner || ctx.store.repo(p.pull.headRepo).owner.toLowerCase() === owner.toLowerCase()));
  }
  const key = (p: PullIssue): string | number => (sort === 'updated' ? p.updatedAt : sort === 'popularity' ? commentCount(ctx, p) : p.number);
  pulls.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const order = x < y ? -1 : x > y ? 1 : a.number - b.number;
    return direction === 'desc' ? -order : order;
  });
  const page = paginate(pulls, ctx.query, ctx.url);
  return json(
    200,
    page.items.map((p) => renderPull(ctx.render, repo.fullName, p, false)),
    page.link ? { link: page.link } : undefined,
  );
}

function commentCount(ctx: RouteContext, p: PullIssue): number {
  return [...ctx.store.comments.values()].filter((c) => !c.deleted && c.repo === ctx.store.repo(repoName(ctx)).fullName && c.issueNumber === p.number).length;
}

export const pullRoutes: RouteTable = {
  'pulls/get': (ctx) => {
    const pull = pullOr404(ctx);
    return pull ? json(200, renderPull(ctx.render, repoName(ctx), pull, true)) : notFound(ctx);
  },

  'pulls/list': listPulls,

  // Chronological, dismissed reviews included (with state DISMISSED).
  'pulls/list-reviews': (ctx) => {
    const pull = pullOr404(ctx);
    if (!pull) return notFound(ctx);
    const repo = ctx.store.repo(repoName(ctx));
    const reviews = [...ctx.store.reviews.values()].filter((r) => r.repo === repo.fullName && r.number === pull.number).sort((a, b) => a.id - b.id);
    const page = paginate(reviews, ctx.query, ctx.url);
    return json(
      200,
      page.items.map((r) => renderReview(ctx.render, r)),
      page.link ? { link: page.link } : undefined,
    );
  },

  'pulls/list-files': (ctx) => {
    const pull = pullOr404(ctx);
    if (!pull) return notFound(ctx);
    const repo = ctx.store.repo(repoName(ctx));
    const headSha = ctx.store.headSha(pull);
    // GitHub lists at most 3000 files of a pull request.
    const changes = pullFileChanges(ctx.render, repo, pull).slice(0, 3000);
    const page = paginate(changes, ctx.query, ctx.url);
    return json(
      200,
      page.items.map((c) => renderDiffEntry(ctx.render, repo, headSha, c)),
      page.link ? { link: page.link } : undefined,
    );
  },

  // `commit_sha` may also be a branch name (its tip). Listed as pull-request-simple, by number.
  'repos/list-pull-requests-associated-with-commit': (ctx) => {
    const repo = ctx.store.repo(repoName(ctx));
    const ref = String(ctx.params.commit_sha);
    const sha = ctx.store.resolveRef(repo, ref);
    if (!sha) return unprocessable(ctx, `No commit found for SHA: ${ref}`);
    const page = paginate(pullsForCommit(ctx.store, repo.fullName, sha), ctx.query, ctx.url);
    return json(
      200,
      page.items.map((p) => renderPull(ctx.render, repo.fullName, p, false)),
      page.link ? { link: page.link } : undefined,
    );
  },

  // The head's commits not on the base branch, oldest first; GitHub stops at 250.
  'pulls/list-commits': (ctx) => {
    const pull = pullOr404(ctx);
    if (!pull) return notFound(ctx);
    const repo = ctx.store.repo(repoName(ctx));
    const headSha = ctx.store.headSha(pull);
    const baseSha = repo.branches.get(pull.pull.base) ?? headSha;
    const page = paginate(commitsBetween(ctx.store, baseSha, headSha).slice(0, 250), ctx.query, ctx.url);
    return json(
      200,
      page.items.map((sha) => renderCommit(ctx.render, repo, sha)),
      page.link ? { link: page.link } : undefined,
    );
  },
};
