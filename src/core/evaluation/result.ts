import type { ConfigError } from '../config/config-error.ts';
import type { EvidenceProblem } from '../evidence/snapshot.ts';

/**
 * How one item stands. Ordered from best to worst for the gate:
 * `unknown` (evidence could not be read) blocks like a failure and is never green.
 */
export type Outcome = 'pass' | 'skipped' | 'pending' | 'fail' | 'unknown';

export interface CheckResult {
  id: string;
  name: string;
  required: boolean;
  outcome: Outcome;
  /** One line for the table, markdown. */
  summary: string;
  /** What a person must do to turn it green, markdown; absent when it passes. */
  fix?: string;
  /** A few words for the commit status description, e.g. "ci failing". */
  blocker?: string;
  problem?: EvidenceProblem;
}

export interface Signature {
  login: string;
  at: string;
  commentUrl: string;
  note: string;
}

export interface RoleResult {
  role: string;
  min: number;
  users: string[];
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
  counts: boolean;
  /** Why it does not count; empty when it counts. */
  reason: string;
}

export type GateState = 'success' | 'pending' | 'failure' | 'error';

export interface Evaluation {
  /** False when the PR is not a release PR: the gate then reports success and posts no comment. */
  applies: boolean;
  state: GateState;
  /** The commit status description (at most 140 characters). */
  description: string;
  pullRequest: { number: number; headSha: string; htmlUrl: string };
  policy: { path: string; ref: string };
  configErrors: ConfigError[];
  problems: EvidenceProblem[];
  checks: CheckResult[];
  roles: RoleResult[];
  ledger: LedgerEntry[];
  /** Comments whose commands counted and still lack the gate's 👍. */
  reactTo: number[];
}
