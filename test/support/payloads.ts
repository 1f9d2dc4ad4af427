// Event payloads for runAction, built from GitHub's examples and patched to the
// fake's state. See payloads/*.ts for each family.
export { pullRequestEvent, pullRequestReviewEvent, pullRequestTargetEvent } from './payloads/pull-request.ts';
export type { PullRequestAction, PullRequestEventOptions, ReviewEventOptions } from './payloads/pull-request.ts';
export { issueCommentEvent } from './payloads/comments.ts';
export type { CommentEventOptions } from './payloads/comments.ts';
export { checkRunCompletedEvent, checkSuiteCompletedEvent, statusEvent, workflowRunCompletedEvent } from './payloads/checks.ts';
export type { CheckSuiteOptions, WorkflowRunOptions } from './payloads/checks.ts';
export { deploymentStatusEvent } from './payloads/deployments.ts';
export { mergeGroupEvent } from './payloads/merge-group.ts';
export type { MergeGroupAction, MergeGroupEventOptions } from './payloads/merge-group.ts';
export { scheduleEvent, workflowDispatchEvent } from './payloads/triggers.ts';
export type { DispatchOptions } from './payloads/triggers.ts';
