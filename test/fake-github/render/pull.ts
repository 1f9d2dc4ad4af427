// Pull request objects: `pull-request` (GET one) and `pull-request-simple`
// (list), and the pull request's changed files as `diff-entry` objects.
import { diffTrees } from '../diff.ts';
import type { FileChange } from '../diff.ts';
import { gitBlobSha, sha1 } from '../ids.ts';
import { commitsBetween, mergeBase } from '../state/git.ts';
import type { IssueRecord, PullFacts, RepoRecord } from '../state/model.ts';
import type { RenderContext, Json } from './context.ts';
import { webOrigin } from './context.ts';
import { renderRepo } from './repo.ts';
import { renderUser } from './user.ts';

type PullIssue = IssueRecord & { pull: PullFacts };

export function renderLabel(ctx: RenderContext, repo: RepoRecord, name: string): Json {
  const label = repo.labels.get(name);
  return {
    id: label?.id ?? 0,
    node_id: label?.nodeId ?? '',
    url: `${ctx.api}/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`,
    name,
    description: label?.description ?? null,
    color: label?.color ?? 'ededed',
    default: false,
  };
}

/** Files changed by the pull request: head against the merge base (a three-dot diff). */
export function pullFileChanges(ctx: RenderContext, repo: RepoRecord, issue: PullIssue): FileChange[] {
  const { store } = ctx;
  const head = store.headSha(issue);
  const baseTip = repo.branches.get(issue.pull.base);
  const base = baseTip ? (mergeBase(store, baseTip, head) ?? baseTip) : head;
  return diffTrees(store.commit(base).files, store.commit(head).files);
}

export function renderDiffEntry(ctx: RenderContext, repo: RepoRecord, headSha: string, change: FileChange): Json {
  const path = change.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: gitBlobSha(change.after ?? change.before ?? ''),
    filename: change.filename,
    status: change.status,
    additions: change.additions,
    deletions: change.deletions,
    changes: change.additions + change.deletions,
    blob_url: `${webOrigin}/${repo.fullName}/blob/${headSha}/${path}`,
    raw_url: `${webOrigin}/${repo.fullName}/raw/${headSha}/${path}`,
    contents_url: `${ctx.api}/repos/${repo.fullName}/contents/${path}?ref=${headSha}`,
    ...(change.patch ? { patch: change.patch } : {}),
    ...(change.previousFilename !== undefined ? { previous_filename: change.previousFilename } : {}),
  };
}

function branchSide(ctx: RenderContext, repo: RepoRecord, ref: string, sha: string): Json {
  return { label: `${repo.owner}:${ref}`, ref, sha, user: renderUser(ctx, repo.owner), repo: renderRepo(ctx, repo) };
}

/** `full` adds the fields only GET /pulls/{n} returns (counts, mergeability). */
export function renderPull(ctx: RenderContext, repoName: string, issue: PullIssue, full: boolean): Json {
  const { store } = ctx;
  const repo = store.repo(repoName);
  const headRepo = store.repo(issue.pull.headRepo);
  const headSha = store.headSha(issue);
  const baseSha = repo.branches.get(issue.pull.base) ?? headSha;
  const api = `${ctx.api}/repos/${repo.fullName}`;
  const url = `${api}/pulls/${issue.number}`;
  const html = `${webOrigin}/${repo.fullName}/pull/${issue.number}`;
  const simple: Json = {
    url,
    id: issue.pull.id,
    node_id: issue.pull.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: renderUser(ctx, issue.author),
    body: issue.body,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: issue.pull.mergedAt,
    merge_commit_sha: issue.pull.mergeCommitSha ?? (issue.pull.merged ? sha1(`merge ${repo.fullName} ${issue.number}`) : null),
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: issue.labels.map((l) => renderLabel(ctx, repo, l)),
    milestone: null,
    draft: issue.pull.draft,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${issue.number}/comments`,
    statuses_url: `${api}/statuses/${headSha}`,
    head: branchSide(ctx, headRepo, issue.pull.head, headSha),
    base: branchSide(ctx, repo, issue.pull.base, baseSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: `${api}/issues/${issue.number}` },
      comments: { href: `${api}/issues/${issue.number}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${api}/statuses/${headSha}` },
    },
    author_association: store.association(repo, issue.author),
    auto_merge: null,
    active_lock_reason: null,
  };
  if (!full) return simple;
  const changes = pullFileChanges(ctx, repo, issue);
  const comments = [...store.comments.values()].filter((c) => !c.deleted && c.repo === repo.fullName && c.issueNumber === issue.number);
  return {
    ...simple,
    merged: issue.pull.merged,
    mergeable: issue.state === 'open' ? true : null,
    rebaseable: issue.state === 'open' ? true : null,
    mergeable_state: issue.state === 'open' ? (issue.pull.draft ? 'draft' : 'clean') : 'unknown',
    merged_by: issue.pull.mergedBy ? renderUser(ctx, issue.pull.mergedBy) : null,
    comments: comments.length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: commitsBetween(store, baseSha, headSha).length,
    additions: changes.reduce((n, c) => n + c.additions, 0),
    deletions: changes.reduce((n, c) => n + c.deletions, 0),
    changed_files: changes.length,
  };
}
