import type { RepoPermission } from '../config/repo-permissions.ts';

/**
 * A value GitHub documents as one of a closed set. A value it adds later still arrives, so it
 * stays representable (`string & {}` keeps the known literals from collapsing into `string`),
 * and every reader treats a value it does not know as not passing.
 */
export type GitHubValue<Known extends string> = Known | (string & {});

/** https://docs.github.com/en/rest/commits/statuses */
export type CommitStatusState = 'error' | 'failure' | 'pending' | 'success';

/** https://docs.github.com/en/rest/checks/runs */
/** A deployment status's state (https://docs.github.com/en/rest/deployments/statuses). */
export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export type CheckRunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type CheckRunConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | 'stale';

/** https://docs.github.com/en/rest/pulls/reviews */
export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

/** https://docs.github.com/en/rest/dependabot/alerts */
export type DependencyScope = 'runtime' | 'development';

/** https://docs.github.com/en/rest/users/users */
export type ActorType = 'User' | 'Bot' | 'Organization';

/** https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files */
export type ChangedFileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** https://docs.github.com/en/rest/repos/repos#list-repository-activities */
export type PushType = 'push' | 'force_push' | 'branch_creation' | 'branch_deletion' | 'pr_merge' | 'merge_queue_merge';

/** A person's permission on the repository; `none` when they have no access. */
export type RepositoryPermission = RepoPermission | 'none';
