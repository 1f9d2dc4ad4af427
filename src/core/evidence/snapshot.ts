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
  /** "User", "Bot" or "Organization", as GitHub reports it. */
  type: string;
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
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  labels: string[];
}

export interface PolicyFile {
  path: string;
  /** The base branch the policy was read from. */
  ref: string;
  text: string;
}

export interface CheckRunFact {
  id: number;
  name: string;
  /** queued, in_progress, completed, waiting, requested, pending */
  status: string;
  /** success, failure, neutral, cancelled, skipped, timed_out, action_required, stale, or null while running */
  conclusion: string | null;
  htmlUrl: string | null;
  appSlug: string | null;
}

export interface StatusFact {
  id: number;
  context: string;
  /** error, failure, pending, success */
  state: string;
  description: string | null;
  targetUrl: string | null;
  createdAt: string;
  creator: Actor | null;
}

export interface ReviewFact {
  id: number;
  user: Actor | null;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING */
  state: string;
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
}

/** Facts about the gate's own run that evaluation needs to tell its own traces from others'. */
export interface GateFacts {
  /** The commit status context the gate writes. */
  context: string;
  /** Check-run names of the gate's own job, which must not count as CI. */
  ownCheckNames: string[];
  /** The workflow run evaluating: check runs linking to it are the gate's own job. */
  runId: string | null;
}

export interface EvidenceSnapshot {
  snapshotVersion: 1;
  repository: { owner: string; name: string };
  /** The clock of this evaluation (ISO 8601). */
  evaluatedAt: string;
  gate: GateFacts;
  pullRequest: PullRequestFacts;
  policy: Readable<PolicyFile>;
  /** Each source is present only when the plan asked for it. */
  sources: EvidenceSources;
}

export interface EvidenceSources {
  checkRuns?: Readable<CheckRunFact[]>;
  statuses?: Readable<StatusFact[]>;
  reviews?: Readable<ReviewFact[]>;
  comments?: Readable<CommentFact[]>;
}

export type SourceName = keyof EvidenceSources;
