import type { PolicyBytes } from '../config/policy-bytes.ts';
import type { ProbeFact } from './probe-fact.ts';
import type { ActorType, ChangedFileStatus, DeploymentState, DependencyScope, CheckRunConclusion, CheckRunStatus, CommitStatusState, GitHubValue, PushType, RepositoryPermission, ReviewState } from './github-values.ts';

/**
 * Everything an evaluation may ask about a pull request, as plain JSON.
 * The GitHub adapter fills it; evaluation is a pure function of it, so any
 * real run can be replayed as a test from its snapshot.
 */

/** Evidence that could not be read blocks: it is never treated as empty. */
export type Readable<T> = { ok: true; value: T } | { ok: false; problem: EvidenceProblem };

export interface EvidenceProblem {
  /** What could not be read, in a person's words, e.g. "check runs of abc1234". */
  what: string;
  /** Why, e.g. "GitHub answered 403 Resource not accessible by integration". */
  message: string;
  /** What to change so that it can be read, e.g. "add `checks: read` to the workflow's permissions". */
  fix: string;
  httpStatus?: number;
}

export interface Actor {
  login: string;
  type: GitHubValue<ActorType>;
}

export interface PullRequestFacts {
  number: number;
  title: string;
  body: string;
  htmlUrl: string;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  author: Actor;
  /** When the PR was opened: the record of pushes is read back to the head it was opened with. */
  createdAt: string;
  base: { ref: string; sha: string };
  /** `repo` is the repository holding the head branch (a fork's, or the same); null when it was deleted. */
  head: { ref: string; sha: string; repo: { owner: string; name: string } | null };
  labels: string[];
}

export interface PolicyFile extends PolicyBytes {
  path: string;
  /** The base branch the policy was read from. */
  ref: string;
  text: string;
  /**
   * The file's git blob SHA, as GitHub reported it with the content: names exactly which policy
   * ruled (`git rev-parse <commit>:<path>` gives it back). Absent in older snapshots.
   */
  blobSha?: string;
}

export interface CheckRunFact {
  id: number;
  name: string;
  status: GitHubValue<CheckRunStatus>;
  /** Null while it runs. */
  conclusion: GitHubValue<CheckRunConclusion> | null;
  htmlUrl: string | null;
  appSlug: string | null;
  /** What the run reported, e.g. a coverage tool's "Coverage 84.2%". */
  outputTitle: string | null;
  outputSummary: string | null;
}

export interface StatusFact {
  id: number;
  context: string;
  state: GitHubValue<CommitStatusState>;
  description: string | null;
  targetUrl: string | null;
  createdAt: string;
  creator: Actor | null;
}

export interface ReviewFact {
  id: number;
  user: Actor | null;
  state: GitHubValue<ReviewState>;
  commitId: string | null;
  submittedAt: string | null;
  htmlUrl: string;
}

export interface CommentFact {
  id: number;
  user: Actor | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  htmlUrl: string;
  /** How many 👍 reactions the comment has; the gate adds one to each command it counts. */
  plusOneReactions: number;
  /** The GitHub App that posted it on the person's behalf (`performed_via_github_app`), or null. */
  viaApp: string | null;
}

/** One move of a branch, as GitHub's repository activity feed records it: GitHub writes it, no workflow can. */
export interface PushFact {
  /** The branch's commit before the move (forty zeros when it was created). */
  before: string;
  /** The branch's commit after the move (forty zeros when it was deleted). */
  after: string;
  /** GitHub's clock. */
  at: string;
  type: GitHubValue<PushType>;
  /** Who moved it; null when GitHub no longer knows the account. */
  actor: string | null;
}

/** The moves of the PR's head branch, newest first, back to the head the PR was opened with. */
export interface PushRecord {
  /** The branch, as `refs/heads/…`, in the head's repository (`owner/name`). */
  ref: string;
  repository: string;
  pushes: PushFact[];
  /**
   * Whether `pushes` reaches back to the push current when the PR was opened, or to all GitHub keeps.
   * When false (the record was longer than the gate reads), older commands cannot be placed.
   */
  complete: boolean;
}

/** A deployment GitHub records, with its latest status: who deployed what, where, and whether it worked. */
export interface DeploymentFact {
  id: number;
  environment: string;
  sha: string;
  createdAt: string;
  creator: Actor | null;
  /** The latest status; null when it has none, or when it was not read (past the newest few). */
  status: {
    state: GitHubValue<DeploymentState>;
    createdAt: string;
    environmentUrl: string | null;
    logUrl: string | null;
    creator: Actor | null;
  } | null;
}

export interface ChangedFileFact {
  path: string;
  status: GitHubValue<ChangedFileStatus>;
  previousPath: string | null;
}

export interface ChangedFilesFact {
  files: ChangedFileFact[];
  /** GitHub lists at most 3,000 files of a PR: a path not listed may still be changed. */
  truncated: boolean;
}

export interface TreeFact {
  /** Every file path at the head commit. */
  paths: string[];
  /** GitHub cut the listing short: a path that is not listed may still exist. */
  truncated: boolean;
}

export type AlertSeverity = 'low' | 'medium' | 'high' | 'critical';

/** An open security alert, as the gate needs it: how bad, what, and where to look. */
export interface AlertFact {
  number: number;
  /** Null when the alert has no security severity (e.g. a code-quality rule, or any secret). */
  severity: AlertSeverity | null;
  /** e.g. "lodash: Prototype Pollution", "AWS Access Key ID", "js/sql-injection". */
  title: string;
  htmlUrl: string;
  /** Dependabot: runtime or development; null when GitHub does not know. */
  scope?: GitHubValue<DependencyScope> | null;
  /** Code scanning: the tool that found it, e.g. CodeQL. */
  tool?: string | null;
}

/** The account the gate writes as, from its token: never from anything a comment or a status says. */
export interface GateIdentity {
  /** e.g. `github-actions[bot]`, `release-gate[bot]`. */
  login: string;
  /**
   * True when other writers share it: every workflow of the repository writes as
   * `github-actions[bot]` with its GITHUB_TOKEN, so nothing written as it proves the gate wrote it.
   */
  shared: boolean;
}

/** Facts about the gate's own run that evaluation needs to tell its own traces from others'. */
export interface GateFacts {
  /** The commit status context the gate writes. */
  context: string;
  /** Check-run names of the gate's own job, which must not count as CI. */
  ownCheckNames: string[];
  identity: GateIdentity;
}

export interface EvidenceSnapshot {
  snapshotVersion: 2;
  repository: { owner: string; name: string };
  /** The clock of this evaluation (ISO 8601). */
  evaluatedAt: string;
  gate: GateFacts;
  pullRequest: PullRequestFacts;
  policy: Readable<PolicyFile>;
  /** Each source is present only when the plan asked for it. */
  sources: EvidenceSources;
  /** Follow-up evidence, read once the first round showed what it depends on. */
  lookups?: Lookups;
}

/**
 * Evidence that depends on other evidence (who commented decides whose team membership
 * matters), gathered in follow-up rounds. Keys are the lookups' own ids (see followUpKey).
 */
export interface Lookups {
  /** `org/team:login` → is an active member. */
  memberships?: Record<string, Readable<boolean>>;
  /** login → repository role. */
  permissions?: Record<string, Readable<GitHubValue<RepositoryPermission>>>;
  /** sha → the tree of a commit: equal trees are equal files. */
  commitTrees?: Record<string, Readable<string>>;
  /** `signed...head` → the paths whose content differs between the two commits' files. */
  comparisons?: Record<string, Readable<string[]>>;
  /** When and by whom the head branch moved, from GitHub's activity feed. */
  pushRecord?: Readable<PushRecord>;
  /** Lower-cased login → a commit of the PR that account authored or committed. */
  commitAuthors?: Readable<Record<string, string>>;
  /** readiness.yml as the PR's head would have it; null when the head has none. */
  headPolicy?: Readable<string | null>;
  /** environment → its newest deployments, newest first. */
  deployments?: Record<string, Readable<DeploymentFact[]>>;
  /** probeKey → what the probe found, from the runner. */
  probes?: Record<string, Readable<ProbeFact>>;
}

export interface EvidenceSources {
  checkRuns?: Readable<CheckRunFact[]>;
  statuses?: Readable<StatusFact[]>;
  reviews?: Readable<ReviewFact[]>;
  comments?: Readable<CommentFact[]>;
  changedFiles?: Readable<ChangedFilesFact>;
  headTree?: Readable<TreeFact>;
  dependabotAlerts?: Readable<AlertFact[]>;
  secretScanningAlerts?: Readable<AlertFact[]>;
  codeScanningAlerts?: Readable<AlertFact[]>;
  /** Statuses and check runs of the base branch's head, for comparisons such as coverage drops. */
  baseStatuses?: Readable<StatusFact[]>;
  baseCheckRuns?: Readable<CheckRunFact[]>;
}

export type SourceName = keyof EvidenceSources;
/** The sources read from GitHub, which a plan can ask for. */
export type PlannedSource = SourceName;
