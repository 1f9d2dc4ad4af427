import type { ConfigError } from '../config/config-error.ts';
import type { FollowUp } from '../evidence/lookups.ts';
import type { EvidenceProblem } from '../evidence/snapshot.ts';
import type { PolicyChange } from '../policy/policy-change.ts';
import type { BoundBy } from '../pushes/bind-to-commit.ts';
import type { Reminder } from '../reminders/due-reminders.ts';
import type { Forgery } from './forgery.ts';

/**
 * How one item stands. Ordered from best to worst for the gate:
 * `unknown` (evidence could not be read) blocks like a failure and is never green.
 */
export type Outcome = 'pass' | 'skipped' | 'waived' | 'pending' | 'fail' | 'unknown';

export interface CheckResult {
  id: string;
  name: string;
  section?: string;
  required: boolean;
  outcome: Outcome;
  /** One line for the table, markdown. */
  summary: string;
  /** What a person must do to turn it green, markdown; absent when it passes. */
  fix?: string;
  /** A few words for the commit status description, e.g. "ci failing". */
  blocker?: string;
  problem?: EvidenceProblem;
  /** The accepted risk that lets it not pass. */
  waiver?: Waiver;
}

export interface Signature {
  login: string;
  at: string;
  commentUrl: string;
  note: string;
  /** The commit it was given on, as far as the gate can prove; null when unknown. */
  commit: string | null;
  /** The record that bound it to that commit. */
  boundBy: BoundBy;
}

/** An accepted risk: a check that does not pass, waived by a person allowed to. */
export interface Waiver {
  checkId: string;
  login: string;
  reason: string;
  at: string;
  commentUrl: string;
  /** When it stops holding; null when waivers do not expire. */
  expiresAt: string | null;
}

export interface RoleResult {
  role: string;
  min: number;
  users: string[];
  teams: string[];
  permission: string | null;
  problem?: EvidenceProblem;
  outcome: 'pass' | 'pending' | 'unknown' | 'skipped';
  /** Why the role does not apply (`when`), or could not be decided. */
  because?: string;
  signatures: Signature[];
  /** Sign-offs given before the head commit was pushed: they no longer count. */
  stale: Signature[];
}

/** One command seen in the PR's comments, and what the gate made of it. */
export interface LedgerEntry {
  commentId: number;
  commentUrl: string;
  login: string;
  at: string;
  command: string;
  verb: 'signoff' | 'signoff cancel' | 'waive' | 'waive cancel';
  /** The role or check the command names. */
  target: string;
  /** The commit it counts for (or was given on); null when unknown. */
  commit: string | null;
  /** The record that bound it to that commit: GitHub's activity feed, the gate's own status (an App only), or none. */
  boundBy: BoundBy;
  counts: boolean;
  /** Why it does not count; when it counts, empty or why it still holds after a push. */
  reason: string;
}

export type GateState = 'success' | 'pending' | 'failure' | 'error';

export interface Evaluation {
  /** False when the PR is not a release PR: the gate then posts no comment. */
  applies: boolean;
  /** False when nothing is to be posted: a PR the gate does not apply to, under `non_release_status: none`. */
  postStatus: boolean;
  state: GateState;
  /** The commit status description (at most 140 characters). */
  description: string;
  pullRequest: { number: number; headSha: string; htmlUrl: string };
  policy: { path: string; ref: string };
  configErrors: ConfigError[];
  problems: EvidenceProblem[];
  checks: CheckResult[];
  roles: RoleResult[];
  waivers: Waiver[];
  ledger: LedgerEntry[];
  /** Comments whose commands counted and still lack the gate's 👍. */
  reactTo: number[];
  /** A `release-readiness` status on the head that the gate did not set; it is overwritten. */
  forgery: Forgery | null;
  /** What merging this PR would change in readiness.yml; null when it does not touch it. */
  policyChange: PolicyChange | null;
  /** A reminder to post on a schedule run, when roles have been pending too long. */
  reminder: Reminder | null;
  /** Evidence the evaluation needed and did not find: gather it and evaluate again. */
  followUps: FollowUp[];
}
