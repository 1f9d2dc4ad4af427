// Public surface of the fake GitHub for end-to-end tests.
//
//   const fake = await createFakeGitHub();          // listens on 127.0.0.1:<random>
//   fake.createRepo('acme/rocket', { files: { '.github/readiness.yml': yaml } });
//   fake.commit('acme/rocket', 'release/1.2', { 'src/a.ts': '...' });
//   const n = fake.openPullRequest('acme/rocket', { base: 'main', head: 'release/1.2', title: 'Release 1.2', author: 'alice' });
//   const result = await runAction({ fake, eventName: 'pull_request_target', payload: pullRequestEvent(fake, 'acme/rocket', n, 'opened') });
//   fake.addDependabotAlert('acme/rocket', { severity: 'high', packageName: 'lodash' });   // also secret and code scanning
//   fake.setTreeTruncated('acme/rocket', true);     // git trees answer truncated: true
//   const d = fake.addDeployment('acme/rocket', { ref: 'main', environment: 'production', creator: 'github-actions[bot]' });
//   fake.addDeploymentStatus('acme/rocket', d, { state: 'success', creator: 'github-actions[bot]', environment_url: 'https://acme.example' });
//   fake.deployments('acme/rocket'); fake.deploymentStatuses('acme/rocket', d);   // newest first; reads need deployments: read
//   fake.createTeam('acme', 'release-managers', { members: ['alice'], maintainers: ['bob'] });
//   fake.setRepoPermission('acme/rocket', 'carol', 'maintain');   // role_name maintain, permission write
//   fake.amendPullRequest('acme/rocket', n);        // new head SHA, same tree; also forcePushPullRequest, retargetPullRequest
//   fake.activity('acme/rocket');                   // every branch move (GET /activity), newest first
//   const group = fake.createMergeGroup('acme/rocket', 'main', [n], { method: 'squash' });   // gh-readonly-queue/main/pr-N-<sha>; mergeGroupEvent(fake, repo, group)
//   fake.hideLatestActivity('acme/rocket', { reads: 2 });   // the feed lags the last push for two answers
//   fake.rateLimit('ghs_gate');                     // { limit, used, remaining, reset } of the token's hour on the fake clock
//   fake.setRateLimit('github-token', 50);          // also createFakeGitHub({ rateLimits, secondaryLimits })
//   fake.rateLimitRejections; fake.secondaryLimitHits;   // requests refused by a primary / secondary limit
//   const app = fake.registerApp({ slug: 'release-gate' });   // { id, slug, clientId, privateKey (PKCS#1 PEM), webhookSecret, botLogin }
//   const code = fake.createAppFromManifest(manifest);   // "Create GitHub App" clicked; POST /app-manifests/{code}/conversions (no credential) registers it
//   const installation = fake.installApp(app.id, 'acme/rocket');   // JWT → POST /app/installations/{id}/access_tokens → ghs_… as release-gate[bot]
//   fake.webhookTarget({ url: 'http://127.0.0.1:<port>/webhooks' });   // also per App: { url, app }
//   const event = fake.requestDeploymentProtection('acme/rocket', { appId: app.id, environment: 'production', sha, ref: 'main' });
//   await fake.deliver(app.id, 'deployment_protection_rule', event);   // signed POST; { status, body, ms }; fake.deliveries
//   fake.deploymentProtectionReviews('acme/rocket', runId);   // the App's status reports and decision via the callback URL
//   expectNoViolations(fake);                       // requests GitHub would reject, answers GitHub would not give
//   await fake.close();
//
// `fake.store` and `fake.render` are the internals payload builders use; tests
// should prefer the methods of FakeGitHub.
export { createFakeGitHub, defaultToken, FakeGitHub } from './fake.ts';
export type {
  Activity,
  CheckRun,
  CodeScanningAlert,
  CommitStatus,
  DependabotAlert,
  Deployment,
  DeploymentStatus,
  FullRepository,
  IssueComment,
  PullRequest,
  Reaction,
  Review,
  SecretScanningAlert,
  SimpleUser,
  FakeGitHubOptions,
  TokenOptions,
} from './fake.ts';
export type { RateLimitStatus } from './rate-limits.ts';
export { defaultRateLimits } from './rate-limits.ts';
export type { SecondaryLimitHit, SecondaryLimitOptions, SecondaryLimitReason } from './secondary-limits.ts';
export { defaultSecondaryLimits } from './secondary-limits.ts';
export type { Access, Permissions, TokenKind } from './auth.ts';
export { gatePermissions } from './auth.ts';
export type { FaultRule } from './faults.ts';
export { signAppJwt } from './app-auth.ts';
export { defaultAppEvents, defaultAppPermissions } from './state/apps.ts';
export type { RegisterAppOptions, RegisteredApp, RepositorySelection, WebhookTarget } from './state/apps.ts';
export type { AppManifest, ManifestOptions } from './state/app-manifests.ts';
export { hubSignature } from './webhooks.ts';
export type { Delivery, DeliveryOptions, DeliveryResult } from './webhooks.ts';
export type { DeploymentProtectionRuleRequested } from './protection-event.ts';
export type { DeploymentProtectionOptions, DeploymentProtectionReview, ProtectionDecision } from './state/deployment-protection.ts';
export type { RequestLogEntry, Violation } from './server.ts';
export type { CheckRunOptions, StatusOptions } from './state/checks.ts';
export type { CommitOptions, CreateRepoOptions } from './state/git.ts';
export type {
  AuthorAssociation,
  CheckConclusion,
  CheckStatus,
  CommentEdit,
  ReactionContent,
  RepoRole,
  ReviewState,
  StatusState,
  TeamMember,
  TeamMembershipState,
  TeamRole,
  UserType,
} from './state/model.ts';
export type { AddReviewOptions, AmendOptions, ForcePushOptions, OpenIssueOptions, OpenPullRequestOptions, PullRequestChanges, PushOptions } from './state/pulls.ts';
export type { ActivityType } from './state/activity.ts';
export type { MergeGroup, MergeGroupOptions, MergeMethod } from './state/merge-queue.ts';
export type { CreateTeamOptions, TeamMemberOptions } from './state/teams.ts';
export type {
  AdvisorySeverity,
  CodeScanningAlertState,
  CodeScanningRuleSeverity,
  DependabotAlertState,
  DependencyScope,
  SecretScanningAlertState,
  SecretScanningResolution,
} from './state/alert-model.ts';
export type { CodeScanningAlertOptions, CodeScanningStateOptions } from './state/code-scanning.ts';
export type { DependabotAlertOptions, DependabotStateOptions } from './state/dependabot.ts';
export type { SecretScanningAlertOptions } from './state/secret-scanning.ts';
export type { DeploymentOptions, DeploymentPayload, DeploymentState, DeploymentStatusOptions } from './state/deployments.ts';
export { commitTreeSha } from './state/trees.ts';
export { gateLogin, mergeQueueLogin } from './state/users.ts';
export { Clock, formatTime } from './clock.ts';
