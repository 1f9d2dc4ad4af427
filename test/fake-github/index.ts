// Public surface of the fake GitHub for end-to-end tests.
export { createFakeGitHub, defaultToken, FakeGitHub } from './fake.ts';
export type { CheckRun, CommitStatus, FullRepository, IssueComment, PullRequest, Reaction, Review, SimpleUser } from './fake.ts';
export type { Access, Permissions } from './auth.ts';
export { gatePermissions } from './auth.ts';
export type { FaultRule } from './faults.ts';
export type { RequestLogEntry, Violation } from './server.ts';
export type { CheckRunOptions, StatusOptions } from './state/checks.ts';
export type { CommitOptions, CreateRepoOptions } from './state/git.ts';
export type { AuthorAssociation, CheckConclusion, CheckStatus, ReactionContent, ReviewState, StatusState, UserType } from './state/model.ts';
export type { AddReviewOptions, OpenIssueOptions, OpenPullRequestOptions, PullRequestChanges } from './state/pulls.ts';
export { gateLogin } from './state/users.ts';
export { Clock, formatTime } from './clock.ts';
