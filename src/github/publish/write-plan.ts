import type { GateState } from '../../core/model/outcomes.ts';
import type { CommentFact, StatusFact } from '../../core/evidence/snapshot.ts';

/** A commit status the gate means to set. */
export interface StatusWrite {
  sha: string;
  context: string;
  state: GateState;
  description: string;
  /** Where the status links when there is no living comment to link to. */
  targetUrl: string;
  /** The gate's latest status there: the write is skipped when it already says this. Undefined: always write. */
  previous: StatusFact | undefined;
}

/** Everything one evaluation of a PR asks to change on GitHub, decided before anything is written. */
export interface PullRequestWrites {
  number: number;
  /** The living comment's body; null when the gate does not apply to the PR. */
  comment: { body: string; known: readonly CommentFact[] | null } | null;
  /** Comments whose commands counted and still lack the gate's 👍. */
  reactTo: readonly number[];
  /** A reminder comment to post (scheduled runs only). */
  reminder: { body: string; roles: readonly string[] } | null;
  /** Null: post no status (a PR the gate does not apply to, under `non_release_status: none`). */
  status: StatusWrite | null;
}
