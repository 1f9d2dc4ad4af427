// Repository objects. `renderRepo` gives the shape embedded in pull requests and
// payloads (schema `repository`); `renderFullRepo` adds what GET /repos/{o}/{r}
// returns (schema `full-repository`).
import type { RepoRecord } from '../state/model.ts';
import type { RenderContext, Json } from './context.ts';
import { webOrigin } from './context.ts';
import { renderUser } from './user.ts';

const templatedUrls: Record<string, string> = {
  archive_url: '/{archive_format}{/ref}',
  assignees_url: '/assignees{/user}',
  blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}',
  collaborators_url: '/collaborators{/collaborator}',
  comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}',
  compare_url: '/compare/{base}...{head}',
  contents_url: '/contents/{+path}',
  contributors_url: '/contributors',
  deployments_url: '/deployments',
  downloads_url: '/downloads',
  events_url: '/events',
  forks_url: '/forks',
  git_commits_url: '/git/commits{/sha}',
  git_refs_url: '/git/refs{/sha}',
  git_tags_url: '/git/tags{/sha}',
  hooks_url: '/hooks',
  issue_comment_url: '/issues/comments{/number}',
  issue_events_url: '/issues/events{/number}',
  issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}',
  labels_url: '/labels{/name}',
  languages_url: '/languages',
  merges_url: '/merges',
  milestones_url: '/milestones{/number}',
  notifications_url: '/notifications{?since,all,participating}',
  pulls_url: '/pulls{/number}',
  releases_url: '/releases{/id}',
  stargazers_url: '/stargazers',
  statuses_url: '/statuses/{sha}',
  subscribers_url: '/subscribers',
  subscription_url: '/subscription',
  tags_url: '/tags',
  teams_url: '/teams',
  trees_url: '/git/trees{/sha}',
};

export function repoApiUrl(ctx: RenderContext, repo: RepoRecord): string {
  return `${ctx.api}/repos/${repo.fullName}`;
}

export function renderRepo(ctx: RenderContext, repo: RepoRecord): Json {
  const url = repoApiUrl(ctx, repo);
  const urls = Object.fromEntries(Object.entries(templatedUrls).map(([k, suffix]) => [k, url + suffix]));
  const openIssues = [...repo.issues.values()].filter((i) => i.state === 'open').length;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: renderUser(ctx, repo.owner),
    html_url: `${webOrigin}/${repo.fullName}`,
    description: null,
    fork: repo.forkOf !== undefined,
    url,
    ...urls,
    git_url: `git://github.com/${repo.fullName}.git`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    clone_url: `${webOrigin}/${repo.fullName}.git`,
    svn_url: `${webOrigin}/${repo.fullName}`,
    mirror_url: null,
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 1,
    default_branch: repo.defaultBranch,
    open_issues_count: openIssues,
    open_issues: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
  };
}

export function renderFullRepo(ctx: RenderContext, repo: RepoRecord): Json {
  const owner = ctx.store.user(repo.owner);
  const parent = repo.forkOf ? ctx.store.repo(repo.forkOf) : undefined;
  return {
    ...renderRepo(ctx, repo),
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
    squash_merge_commit_message: 'COMMIT_MESSAGES',
    merge_commit_title: 'MERGE_MESSAGE',
    merge_commit_message: 'PR_TITLE',
    temp_clone_token: null,
    network_count: 0,
    subscribers_count: 0,
    ...(owner.type === 'Organization' ? { organization: renderUser(ctx, owner) } : {}),
    ...(parent ? { parent: renderRepo(ctx, parent), source: renderRepo(ctx, parent) } : {}),
  };
}
