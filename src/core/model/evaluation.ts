import type { ConfigError } from '../config/config-error.ts';
import type { GitHubValue, CommitStatusState } from '../evidence/github-values.ts';
import type { FollowUp } from '../evidence/lookups.ts';
import type { EvidenceProblem } from '../evidence/snapshot.ts';
import type { CheckResult } from './check-result.ts';
import type { LedgerEntry } from './ledger-entry.ts';
import type { GateState } from './outcomes.ts';
import type { RichText } from './rich-text.ts';
import type { RoleResult } from './role-result.ts';
import type { Waiver } from './waiver.ts';

/** A `release-readiness` status the gate did not set, standing as the latest on the head. */
export interface Forgery {
  by: string;
  state: GitHubValue<CommitStatusState>;
  description: string | null;
  at: string;
}

/** What merging the PR would do to the gate's own policy. The base version rules the PR itself. */
export interface PolicyChange {
  /** e.g. "remove check `reviews`", "change role `security`"; empty when only formatting changed. */
  effects: RichText[];
  /** Set when the PR’s version could not be read or is invalid. A message like a config error (backticks mark code): it is also the status description. */
  problem?: string;
}

/** A comment that mentions the people of roles whose sign-off has been pending too long. */
export interface Reminder {
  roles: string[];
  /** The comment to post, markdown. */
  body: string;
}

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
  /**
   * The first moment after this evaluation at which the same evidence would be judged
   * differently (a waiver expires, a reminder falls due); null when none will.
   */
  reconsiderAt: string | null;
  /** Evidence the evaluation needed and did not find: gather it and evaluate again. */
  followUps: FollowUp[];
}
