// issue objects, as issue_comment payloads carry them. A pull request's issue
// has a `pull_request` member with its links, which is how consumers tell the two apart.
import type { IssueRecord } from '../state/model.ts';
import { reactionContents } from '../state/model.ts';
import type { RenderContext, Json } from './context.ts';
import { webOrigin } from './context.ts';
import { renderLabel } from './pull.ts';
import { renderUser } from './user.ts';

export function renderIssue(ctx: RenderContext, repoName: string, issue: IssueRecord): Json {
  const { store } = ctx;
  const repo = store.repo(repoName);
  const api = `${ctx.api}/repos/${repo.fullName}`;
  const url = `${api}/issues/${issue.number}`;
  const html = `${webOrigin}/${repo.fullName}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`;
  const comments = [...store.comments.values()].filter((c) => !c.deleted && c.repo === repo.fullName && c.issueNumber === issue.number);
  return {
    url,
    repository_url: api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: html,
    id: issue.id,
    node_id: issue.nodeId,
    number: issue.number,
    title: issue.title,
    user: renderUser(ctx, issue.author),
    labels: issue.labels.map((l) => renderLabel(ctx, repo, l)),
    state: issue.state,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: comments.length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: store.association(repo, issue.author),
    active_lock_reason: null,
    body: issue.body,
    // Reactions on the issue itself are not modelled: an empty rollup.
    reactions: { url: `${url}/reactions`, total_count: 0, ...Object.fromEntries(reactionContents.map((c) => [c, 0])) },
    ...(issue.pull
      ? {
          draft: issue.pull.draft,
          pull_request: {
            url: `${api}/pulls/${issue.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: issue.pull.mergedAt,
          },
        }
      : {}),
  };
}
