// The fake GitHub a test talks to: an HTTP server for the action under test and
// a programmatic "world" API for the test itself (never over HTTP).
import type { components } from '@octokit/openapi-types';
import { gatePermissions, rateBucket, Tokens } from './auth.ts';
import type { Permissions, TokenKind } from './auth.ts';
import type { Clock } from './clock.ts';
import { Faults } from './faults.ts';
import type { FaultRule } from './faults.ts';
import { renderActivity } from './render/activity.ts';
import { renderCheckRun, renderStatus } from './render/checks.ts';
import { renderCodeScanningAlert } from './render/code-scanning.ts';
import { renderComment, renderReaction } from './render/comment.ts';
import type { RenderContext } from './render/context.ts';
import { renderDependabotAlert } from './render/dependabot.ts';
import { renderDeployment, renderDeploymentStatus } from './render/deployment.ts';
import { renderPull } from './render/pull.ts';
import { renderFullRepo } from './render/repo.ts';
import { renderReview } from './render/review.ts';
import { renderSecretScanningAlert } from './render/secret-scanning.ts';
import { renderUser } from './render/user.ts';
import { deploymentProtectionRuleEvent } from './protection-event.ts';
import type { DeploymentProtectionRuleRequested } from './protection-event.ts';
import { PrimaryRateLimits } from './rate-limits.ts';
import type { RateLimitStatus } from './rate-limits.ts';
import { SecondaryRateLimits } from './secondary-limits.ts';
import type { SecondaryLimitHit, SecondaryLimitOptions } from './secondary-limits.ts';
import { FakeServer } from './server.ts';
import type { RequestLogEntry, Violation } from './server.ts';
import { activityOf, hideLatestActivity } from './state/activity.ts';
import { addCheckRun, addStatus, statusesFor, updateCheckRun } from './state/checks.ts';
import type { CheckRunOptions, StatusOptions } from './state/checks.ts';
import { addComment, addReaction, commentsOn, deleteComment, editComment, reactionsOn } from './state/comments.ts';
import { addUser, branchSha, commit, createRepo, forkRepo } from './state/git.ts';
import type { CommitOptions, CreateRepoOptions } from './state/git.ts';
import { addDeployment, addDeploymentStatus, deploymentIn, deploymentsOf, statusesOf } from './state/deployments.ts';
import type { DeploymentOptions, DeploymentStatusOptions } from './state/deployments.ts';
import { removeRepoPermission, setRepoPermission } from './state/collaborators.ts';
import type { AuthorAssociation, CommentEdit, ReactionContent, RepoRole, TeamMember, UserType } from './state/model.ts';
import {
  addLabel,
  addReview,
  amendPullRequest,
  dismissReview,
  forcePushPullRequest,
  openIssue,
  openPullRequest,
  pushToPullRequest,
  removeLabel,
  resetPullRequest,
  retargetPullRequest,
  setPullRequest,
} from './state/pulls.ts';
import type { AddReviewOptions, AmendOptions, ForcePushOptions, OpenIssueOptions, OpenPullRequestOptions, PullRequestChanges, PushOptions } from './state/pulls.ts';
import { createMergeGroup } from './state/merge-queue.ts';
import type { MergeGroup, MergeGroupOptions } from './state/merge-queue.ts';
import { addTeamMember, createTeam, removeTeamMember } from './state/teams.ts';
import type { CreateTeamOptions, TeamMemberOptions } from './state/teams.ts';
import { commitTreeSha } from './state/trees.ts';
import type { CodeScanningAlertState, DependabotAlertState, SecretScanningAlertState, SecretScanningResolution } from './state/alert-model.ts';
import { addCodeScanningAlert, setCodeScanningAlertState } from './state/code-scanning.ts';
import type { CodeScanningAlertOptions, CodeScanningStateOptions } from './state/code-scanning.ts';
import { addDependabotAlert, setDependabotAlertState } from './state/dependabot.ts';
import type { DependabotAlertOptions, DependabotStateOptions } from './state/dependabot.ts';
import { addSecretScanningAlert, setSecretScanningAlertState } from './state/secret-scanning.ts';
import type { SecretScanningAlertOptions } from './state/secret-scanning.ts';
import { Store } from './state/store.ts';
import { gateLogin } from './state/users.ts';
import { createAppFromManifest } from './state/app-manifests.ts';
import type { ManifestOptions } from './state/app-manifests.ts';
import { appRegistration, installApp, registerApp } from './state/apps.ts';
import type { RegisterAppOptions, RegisteredApp, WebhookTarget } from './state/apps.ts';
import { protectionRunIn, requestProtection } from './state/deployment-protection.ts';
import type { DeploymentProtectionOptions, DeploymentProtectionReview, ProtectionDecision } from './state/deployment-protection.ts';
import { deliveryInstallation, postDelivery, prepareDelivery, webhookProblems } from './webhooks.ts';
import type { Delivery, DeliveryOptions, DeliveryResult } from './webhooks.ts';

type Schemas = components['schemas'];
// openapi-types types int64 ids as `number | bigint`; the fake's ids are plain
// numbers, and tests pass them back to the fake, so say so.
type Numbered<T> = Omit<T, 'id'> & { id: number };
export type PullRequest = Numbered<Schemas['pull-request']>;
export type IssueComment = Numbered<Schemas['issue-comment']>;
export type CommitStatus = Numbered<Schemas['status']>;
export type CheckRun = Numbered<Schemas['check-run']>;
export type Review = Numbered<Schemas['pull-request-review']>;
export type Reaction = Numbered<Schemas['reaction']>;
export type SimpleUser = Numbered<Schemas['simple-user']>;
export type FullRepository = Numbered<Schemas['full-repository']>;
export type DependabotAlert = Schemas['dependabot-alert'];
export type SecretScanningAlert = Schemas['secret-scanning-alert'];
export type CodeScanningAlert = Schemas['code-scanning-alert-items'];
export type Activity = Numbered<Schemas['activity']>;
export type Deployment = Numbered<Schemas['deployment']>;
export type DeploymentStatus = Numbered<Schemas['deployment-status']>;

/** The gate's GITHUB_TOKEN: github-actions[bot] with the documented permissions. */
export const defaultToken = 'ghs_gate';

export interface TokenOptions {
  actor: string;
  permissions: Permissions;
  /** Defaults to github-token for github-actions[bot] (that is the only token it acts with), else app. */
  kind?: TokenKind;
}

export interface FakeGitHubOptions {
  /** Requests per hour per token, by kind of token; GitHub's by default (github-token 1,000, app and user 5,000). */
  rateLimits?: Partial<Record<TokenKind, number>>;
  /** GitHub's secondary limits by default; some of them tuned, or `false` for none. */
  secondaryLimits?: Partial<SecondaryLimitOptions> | false;
}

export class FakeGitHub {
  readonly store = new Store();
  /** Every request the fake received, in order. */
  readonly requests: RequestLogEntry[] = [];
  /** Requests GitHub would reject, and fake answers that do not match GitHub's schemas. */
  readonly violations: Violation[] = [];
  readonly render: RenderContext = { store: this.store, api: '' };
  /** Every webhook delivery the fake made, in order. */
  readonly deliveries: Delivery[] = [];
  readonly #tokens = new Tokens();
  #webhookTarget: WebhookTarget | undefined;
  readonly #faults = new Faults();
  readonly #primaryLimits: PrimaryRateLimits;
  readonly #secondaryLimits: SecondaryRateLimits;
  readonly #server: FakeServer;

  constructor(options: FakeGitHubOptions = {}) {
    this.#tokens.add(defaultToken, { actor: gateLogin, permissions: gatePermissions, kind: 'github-token' });
    this.#primaryLimits = new PrimaryRateLimits(this.store.clock, options.rateLimits);
    this.#secondaryLimits = new SecondaryRateLimits(this.store.clock, options.secondaryLimits);
    this.#server = new FakeServer({
      store: this.store,
      tokens: this.#tokens,
      faults: this.#faults,
      render: this.render,
      requests: this.requests,
      violations: this.violations,
      primaryLimits: this.#primaryLimits,
      secondaryLimits: this.#secondaryLimits,
    });
  }

  /** Use as GITHUB_API_URL. */
  get url(): string {
    return this.render.api;
  }

  get clock(): Clock {
    return this.store.clock;
  }

  async start(): Promise<this> {
    this.render.api = await this.#server.listen();
    return this;
  }

  close(): Promise<void> {
    return this.#server.close();
  }

  /**
   * Resolves as soon as the next request for this operation arrives (before it is answered):
   * a test that must act while the gate is mid-run waits for this, never for a fixed time.
   */
  nextRequest(method: string, template: string): Promise<void> {
    return this.#server.nextRequest(method, template);
  }

  // --- actors and tokens ---

  addUser(login: string, type: UserType = 'User'): SimpleUser {
    return renderUser(this.render, addUser(this.store, login, type)) as SimpleUser;
  }

  user(login: string): SimpleUser {
    return renderUser(this.render, login) as SimpleUser;
  }

  /** Overrides the author_association of `login` on one repository. */
  setAssociation(repo: string, login: string, association: AuthorAssociation): void {
    this.store.repo(repo).associations.set(this.store.user(login).login.toLowerCase(), association);
  }

  /**
   * A `github-token` (a workflow's GITHUB_TOKEN) only ever holds what a
   * workflow's `permissions:` can grant; e.g. it never reads secret scanning
   * alerts or team membership. An `app` installation token holds whatever it
   * is given, organisation permissions such as `members` included. A `user`
   * token (a person's fine-grained PAT) also needs the person's repository
   * role where GitHub asks for one (editing others' comments needs write).
   * Any actor added with addUser() can hold a token, e.g. another app's bot.
   */
  addToken(token: string, grant: TokenOptions): void {
    const actor = this.store.user(grant.actor).login;
    const kind = grant.kind ?? (actor === gateLogin ? 'github-token' : 'app');
    this.#tokens.add(token, { actor, permissions: grant.permissions, kind });
  }

  // --- rate limits ---

  /** Requests per hour for every token of this kind, from now on (the current windows keep their usage). */
  setRateLimit(kind: TokenKind, perHour: number): void {
    this.#primaryLimits.setLimit(kind, perHour);
  }

  /**
   * The token's primary rate limit as its next answer's x-ratelimit-* headers would show it.
   * The hour starts at the token's first request; `reset` is in the fake clock's epoch seconds.
   */
  rateLimit(token: string = defaultToken): RateLimitStatus {
    const grant = this.#tokens.get(token);
    if (!grant) throw new Error(`No token ${token}: add it with addToken() first`);
    return this.#primaryLimits.status(rateBucket(token, grant), grant.kind);
  }

  /** Requests refused (403, not served) because their token's primary limit was spent. */
  get rateLimitRejections(): number {
    return this.#primaryLimits.rejections;
  }

  /** GitHub's secondary limits again, some of them tuned, or `false` to switch them all off. */
  setSecondaryLimits(options: Partial<SecondaryLimitOptions> | false): void {
    this.#secondaryLimits.configure(options);
  }

  /** Requests refused (403 with retry-after, not served) by a secondary limit, in order, with the limit. */
  get secondaryLimitHits(): readonly SecondaryLimitHit[] {
    return this.#secondaryLimits.hits;
  }

  // --- organisations, teams and repository roles ---

  /** A team of organisation `org` (created as an organisation if unknown); returns the team id. */
  createTeam(org: string, slug: string, options: CreateTeamOptions): number {
    return createTeam(this.store, org, slug, options).id;
  }

  /** Adds a member (default role member, state active), or changes an existing member's role or state. */
  addTeamMember(org: string, slug: string, login: string, options: TeamMemberOptions = {}): TeamMember {
    return { ...addTeamMember(this.store, org, slug, login, options) };
  }

  removeTeamMember(org: string, slug: string, login: string): void {
    removeTeamMember(this.store, org, slug, login);
  }

  /** Grants `login` a role on the repository (replacing any earlier one). The owner of a personal repository is always admin. */
  setRepoPermission(repo: string, login: string, role: RepoRole): void {
    setRepoPermission(this.store, repo, login, role);
  }

  /** Takes the role away: the user can then read a public repository only, a private one not at all. */
  removeRepoPermission(repo: string, login: string): void {
    removeRepoPermission(this.store, repo, login);
  }

  // --- repositories and commits ---

  createRepo(fullName: string, options: CreateRepoOptions = {}): FullRepository {
    return renderFullRepo(this.render, createRepo(this.store, fullName, options)) as FullRepository;
  }

  forkRepo(source: string, owner: string): FullRepository {
    return renderFullRepo(this.render, forkRepo(this.store, source, owner)) as FullRepository;
  }

  /**
   * Commits on `branch` (created from the default branch if missing); `null` deletes a file. Returns the SHA.
   * `pusher` (default: the author) is who the activity feed says pushed it, e.g. a bot pushing another's commit.
   */
  commit(repo: string, branch: string, files: Record<string, string | null>, options: CommitOptions = {}): string {
    return commit(this.store, repo, branch, files, options);
  }

  branchSha(repo: string, branch: string): string {
    return branchSha(this.store, repo, branch);
  }

  /** The SHA of a commit's root tree, as git computes it. */
  treeSha(sha: string): string {
    return commitTreeSha(this.store, sha);
  }

  /** A file's content at a branch or SHA, or undefined. */
  fileAt(repo: string, ref: string, path: string): string | undefined {
    const sha = this.store.resolveRef(this.store.repo(repo), ref);
    return sha ? this.store.commit(sha).files.get(path) : undefined;
  }

  // --- the activity feed ---

  /**
   * Every branch move of the repository as GET /activity renders it, newest
   * first: what really happened, whether or not the feed still lags it (see
   * hideLatestActivity), so a test can compare the two. Reading it here is
   * not a read of the endpoint.
   */
  activity(repo: string): Activity[] {
    return activityOf(this.store, this.store.repo(repo))
      .map((a) => renderActivity(this.render, a) as Activity)
      .reverse();
  }

  /**
   * GitHub's activity feed can lag a live push by seconds, so a gate that
   * reads it right after a synchronize event may not see the push yet. The
   * newest move of the repository is left out of the next `reads` answers of
   * the endpoint for that repository (whatever their filters or page), then
   * shows. Counting answers, never time, keeps tests deterministic. Returns
   * the hidden move.
   */
  hideLatestActivity(repo: string, options: { reads: number }): Activity {
    return renderActivity(this.render, hideLatestActivity(this.store, repo, options.reads)) as Activity;
  }

  // --- issues and pull requests ---

  openIssue(repo: string, options: OpenIssueOptions): number {
    return openIssue(this.store, repo, options);
  }

  openPullRequest(repo: string, options: OpenPullRequestOptions): number {
    return openPullRequest(this.store, repo, options);
  }

  /**
   * Commits on the pull request's head branch; returns the new head SHA. A
   * push that changes nothing throws unless `allowEmpty` (an empty commit:
   * new SHA, the parent's tree). The activity feed names `pusher` (default:
   * the author), e.g. a maintainer pushing to a contributor's branch.
   */
  pushToPullRequest(repo: string, number: number, files: Record<string, string | null>, options: PushOptions = {}): string {
    return pushToPullRequest(this.store, repo, number, files, options);
  }

  /**
   * Replaces the head commit by one with the same tree and parents but a new
   * SHA, as a reworded or re-signed commit force-pushed; returns the new head SHA.
   * The force push is `pusher`'s, else the committer's when given, else the author's.
   */
  amendPullRequest(repo: string, number: number, options: AmendOptions = {}): string {
    return amendPullRequest(this.store, repo, number, options);
  }

  /**
   * Rewrites history: the head becomes one commit whose parent is the base
   * branch's tip, with `files` applied to the base tree; returns its SHA.
   * The force push is `pusher`'s (default: the pull request's author).
   */
  forcePushPullRequest(repo: string, number: number, files: Record<string, string | null>, options: ForcePushOptions = {}): string {
    return forcePushPullRequest(this.store, repo, number, files, options);
  }

  /** Force-pushes an existing commit as the head (e.g. a head replaced and pushed again); returns it. */
  resetPullRequest(repo: string, number: number, sha: string, options: { pusher?: string } = {}): string {
    return resetPullRequest(this.store, repo, number, sha, options);
  }

  /** Changes the base branch (which must exist); base.ref and base.sha follow it. */
  retargetPullRequest(repo: string, number: number, base: string): void {
    retargetPullRequest(this.store, repo, number, base);
  }

  setPullRequest(repo: string, number: number, changes: PullRequestChanges): void {
    setPullRequest(this.store, repo, number, changes);
  }

  addLabel(repo: string, number: number, label: string): void {
    addLabel(this.store, repo, number, label);
  }

  removeLabel(repo: string, number: number, label: string): void {
    removeLabel(this.store, repo, number, label);
  }

  /**
   * What GitHub's merge queue does when it builds a group: creates the branch
   * gh-readonly-queue/<base>/pr-<last number>-<base tip> whose commits put
   * each pull request, in the order given, on the base branch's tip (method
   * merge: a merge commit per pull request, parents [previous, PR head];
   * squash: one commit per pull request with its changes). The activity feed
   * records the branch creation by github-merge-queue[bot]; the base and the
   * pull requests do not move. Throws for a closed, draft or conflicting pull
   * request, or one that targets another branch. `headRef` is the branch name
   * without refs/heads/; mergeGroupEvent() builds the merge_group payload.
   */
  createMergeGroup(repo: string, base: string, prs: number[], options: MergeGroupOptions = {}): MergeGroup {
    return createMergeGroup(this.store, repo, base, prs, options);
  }

  pullRequest(repo: string, number: number): PullRequest {
    return renderPull(this.render, repo, this.store.pull(repo, number), true) as PullRequest;
  }

  headSha(repo: string, number: number): string {
    return this.store.headSha(this.store.pull(repo, number));
  }

  // --- reviews ---

  /** Returns the review id. */
  addReview(repo: string, number: number, options: AddReviewOptions): number {
    return addReview(this.store, repo, number, options).id;
  }

  dismissReview(reviewId: number): void {
    dismissReview(this.store, reviewId);
  }

  reviews(repo: string, number: number): Review[] {
    const full = this.store.repo(repo).fullName;
    return [...this.store.reviews.values()].filter((r) => r.repo === full && r.number === number).map((r) => renderReview(this.render, r) as Review);
  }

  // --- checks and statuses ---

  /** Returns the check run id. */
  addCheckRun(repo: string, sha: string, options: CheckRunOptions): number {
    return addCheckRun(this.store, repo, sha, options).id;
  }

  updateCheckRun(id: number, changes: Partial<CheckRunOptions>): void {
    updateCheckRun(this.store, id, changes);
  }

  checkRuns(repo: string, sha: string): CheckRun[] {
    const full = this.store.repo(repo).fullName;
    return [...this.store.checkRuns.values()].filter((r) => r.repo === full && r.headSha === sha).map((r) => renderCheckRun(this.render, r) as CheckRun);
  }

  addStatus(repo: string, sha: string, options: StatusOptions): CommitStatus {
    return renderStatus(this.render, addStatus(this.store, repo, sha, options)) as CommitStatus;
  }

  /** Newest first, like GET /commits/{ref}/statuses. */
  statuses(repo: string, sha: string): CommitStatus[] {
    return statusesFor(this.store, repo, sha).map((s) => renderStatus(this.render, s) as CommitStatus);
  }

  // --- deployments ---

  /**
   * A deployment of `sha`, or of what `ref` (a branch or SHA, recorded as
   * given) points at now, to `environment` (default production) by `creator`.
   * Returns its id. It has no status until addDeploymentStatus().
   */
  addDeployment(repo: string, options: DeploymentOptions): number {
    return addDeployment(this.store, repo, options).id;
  }

  /**
   * Returns the status id; the deployment's updated_at moves to it. A
   * `success` (unless `auto_inactive: false`) adds an `inactive` status, same
   * actor and time, to every earlier non-transient deployment of the same
   * environment whose latest status is `success`, as GitHub does.
   */
  addDeploymentStatus(repo: string, deploymentId: number, options: DeploymentStatusOptions): number {
    return addDeploymentStatus(this.store, repo, deploymentId, options).id;
  }

  /** Newest first, like GET /deployments. */
  deployments(repo: string): Deployment[] {
    return deploymentsOf(this.store, repo).map((d) => renderDeployment(this.render, d) as Deployment);
  }

  /** Newest first, like GET /deployments/{id}/statuses. */
  deploymentStatuses(repo: string, deploymentId: number): DeploymentStatus[] {
    const deployment = deploymentIn(this.store, repo, deploymentId);
    return statusesOf(this.store, deployment.id).map((s) => renderDeploymentStatus(this.render, s) as DeploymentStatus);
  }

  // --- security alerts ---

  /** Returns the alert number. */
  addDependabotAlert(repo: string, options: DependabotAlertOptions): number {
    return addDependabotAlert(this.store, repo, options).number;
  }

  /** `by`, `reason` and `comment` apply to a dismissal. */
  setDependabotAlertState(repo: string, number: number, state: DependabotAlertState, options: DependabotStateOptions = {}): void {
    setDependabotAlertState(this.store, repo, number, state, options);
  }

  /** Ascending by number. */
  dependabotAlerts(repo: string): DependabotAlert[] {
    const record = this.store.repo(repo);
    return this.store.security(repo).dependabot.map((a) => renderDependabotAlert(this.render, record, a) as DependabotAlert);
  }

  /** Returns the alert number. A resolved alert needs a resolution (and a resolution makes it resolved). */
  addSecretScanningAlert(repo: string, options: SecretScanningAlertOptions): number {
    return addSecretScanningAlert(this.store, repo, options).number;
  }

  setSecretScanningAlertState(repo: string, number: number, state: SecretScanningAlertState, options: { resolution?: SecretScanningResolution; by?: string } = {}): void {
    setSecretScanningAlertState(this.store, repo, number, state, options);
  }

  secretScanningAlerts(repo: string): SecretScanningAlert[] {
    const record = this.store.repo(repo);
    return this.store.security(repo).secretScanning.map((a) => renderSecretScanningAlert(this.render, record, a, false) as SecretScanningAlert);
  }

  /** Returns the alert number. The alert is listed for each of its refs. */
  addCodeScanningAlert(repo: string, options: CodeScanningAlertOptions): number {
    return addCodeScanningAlert(this.store, repo, options).number;
  }

  setCodeScanningAlertState(repo: string, number: number, state: CodeScanningAlertState, options: CodeScanningStateOptions = {}): void {
    setCodeScanningAlertState(this.store, repo, number, state, options);
  }

  /** Each alert as listed for its first ref. */
  codeScanningAlerts(repo: string): CodeScanningAlert[] {
    const record = this.store.repo(repo);
    return this.store.security(repo).codeScanning.map((a) => renderCodeScanningAlert(this.render, record, a, a.instances[0]!) as CodeScanningAlert);
  }

  /** false: code scanning never uploaded an analysis, so listing alerts answers 404 "no analysis found". */
  setCodeScanningEnabled(repo: string, enabled: boolean): void {
    this.store.security(repo).codeScanningEnabled = enabled;
  }

  /** true: every git tree of the repository answers `truncated: true` with a partial listing. */
  setTreeTruncated(repo: string, truncated: boolean): void {
    const key = this.store.repo(repo).fullName.toLowerCase();
    if (truncated) this.store.truncatedTrees.add(key);
    else this.store.truncatedTrees.delete(key);
  }

  // --- comments and reactions ---

  /** `viaApp`: a GitHub App's slug, when the App posted it on the user's behalf. */
  addComment(repo: string, number: number, options: { user: string; body: string; viaApp?: string }): IssueComment {
    return renderComment(this.render, addComment(this.store, repo, number, options.user, options.body, options.viaApp)) as IssueComment;
  }

  /** `by` is who edited it (an issue_comment.edited sender); the author stays. */
  editComment(id: number, body: string, options: { by?: string } = {}): IssueComment {
    return renderComment(this.render, editComment(this.store, id, body, options.by)) as IssueComment;
  }

  /** Who edited a comment, when, and what it said before, oldest first. */
  commentEdits(id: number): CommentEdit[] {
    return (this.store.comments.get(id)?.edits ?? []).map((e) => ({ ...e }));
  }

  deleteComment(id: number): void {
    deleteComment(this.store, id);
  }

  /** Live comments on an issue or pull request, ascending id. */
  comments(repo: string, number: number): IssueComment[] {
    return commentsOn(this.store, repo, number).map((c) => renderComment(this.render, c) as IssueComment);
  }

  addReaction(commentId: number, options: { user: string; content: ReactionContent }): Reaction {
    return renderReaction(this.render, addReaction(this.store, commentId, options.user, options.content).reaction) as Reaction;
  }

  reactions(commentId: number): Reaction[] {
    return reactionsOn(this.store, commentId).map((r) => renderReaction(this.render, r) as Reaction);
  }

  // --- GitHub Apps, webhooks and custom deployment protection rules ---

  /**
   * A GitHub App with a fresh 2048-bit RSA key pair, a client id, a webhook
   * secret and a bot account `<slug>[bot]`. Its JWT (RS256, `iss` its id or
   * client id, on the fake's clock) reaches the JWT-only endpoints and mints
   * installation tokens, which act as the bot for an hour, 5,000 requests an
   * hour per installation.
   */
  registerApp(options: RegisterAppOptions): RegisteredApp {
    return registerApp(this.store, options);
  }

  /**
   * What a person's click on "Create GitHub App" on GitHub's page for
   * `manifest` does: checks it as GitHub does (name, url and
   * hook_attributes.url required; throws saying what is wrong) and returns the
   * temporary code GitHub hands the manifest's redirect_url. Nothing is
   * registered until POST /app-manifests/{code}/conversions (no credential)
   * redeems the code, once, within an hour of the fake's clock. `owner`: the
   * user or organisation registering it (default the github organisation).
   */
  createAppFromManifest(manifest: object, options: ManifestOptions = {}): string {
    return createAppFromManifest(this.store, manifest, options);
  }

  /** Installs the App on `owner/repo` (that repository selected) or on `owner` (all its repositories); returns the installation id. */
  installApp(app: number | string, target: string): number {
    return installApp(this.store, app, target).id;
  }

  /**
   * Where deliveries go (an http:// URL): every App's, or with `app` that
   * App's only. `secret` signs instead of the App's own webhook secret.
   */
  webhookTarget(target: WebhookTarget & { app?: number | string }): void {
    const { app, ...where } = target;
    if (app === undefined) this.#webhookTarget = where;
    else appRegistration(this.store, app).webhook = where;
  }

  /**
   * POSTs the event to the App's webhook URL with GitHub's headers and
   * signatures, adding the `installation` that covers the payload's
   * repository; resolves with the receiver's answer. A payload that departs
   * from the description's webhook schema for the event is a violation. Throws
   * where GitHub would send nothing: no URL, an event the App does not
   * subscribe to, no installation. `options` sends a wrong signature.
   */
  async deliver(app: number | string, event: string, payload: object, options: DeliveryOptions = {}): Promise<DeliveryResult> {
    const registration = appRegistration(this.store, app);
    const configured = registration.webhook ?? this.#webhookTarget;
    const target = configured && options.to ? { ...configured, url: options.to } : configured;
    if (!target) throw new Error(`${registration.slug} has no webhook URL: call webhookTarget() first`);
    if (!registration.webhookActive) throw new Error(`${registration.slug}'s webhook is inactive, so GitHub would not deliver`);
    if (!registration.events.includes(event)) throw new Error(`${registration.slug} does not subscribe to ${event}, so GitHub would not deliver it`);
    const installation = deliveryInstallation(this.store, registration, payload as Record<string, unknown>);
    if (!installation) throw new Error(`${registration.slug} has no installation this ${event} payload concerns`);
    const body: Record<string, unknown> = { ...payload, installation: { id: installation.id, node_id: installation.nodeId } };
    for (const message of webhookProblems(event, body)) this.violations.push({ kind: 'webhook', method: 'POST', path: target.url, message });
    const prepared = prepareDelivery(registration, target, event, body, options);
    const result = await postDelivery(prepared);
    const action = typeof body.action === 'string' ? body.action : undefined;
    this.deliveries.push({ ...result, app: registration.slug, event, action, url: prepared.url, headers: prepared.headers, payload: body });
    return result;
  }

  /**
   * A workflow run whose job targets `environment`, held by the App's custom
   * deployment protection rule, with the deployment GitHub makes for the job.
   * Returns the deployment_protection_rule `requested` payload for the App
   * (send it with deliver()); its deployment_callback_url names the run.
   */
  requestDeploymentProtection(repo: string, options: DeploymentProtectionOptions): DeploymentProtectionRuleRequested {
    return deploymentProtectionRuleEvent(this, requestProtection(this.store, repo, options));
  }

  /** The App's status reports (state null) and its decision, oldest first. */
  deploymentProtectionReviews(repo: string, runId: number): DeploymentProtectionReview[] {
    return protectionRunIn(this.store, repo, runId).reviews.map((r) => ({ ...r }));
  }

  /** `waiting` until the rule's App approves or rejects the run. */
  deploymentProtectionStatus(repo: string, runId: number): 'waiting' | ProtectionDecision {
    return protectionRunIn(this.store, repo, runId).status;
  }

  // --- faults ---

  /** The next `times` (default 1) matching requests get this answer instead. */
  inject(rule: FaultRule): void {
    this.#faults.add(rule);
  }

  /** Injected faults not yet used up. */
  get pendingFaults(): number {
    return this.#faults.pending;
  }
}

export async function createFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  return new FakeGitHub(options).start();
}
