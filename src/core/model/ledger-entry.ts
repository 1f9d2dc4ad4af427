import type { RichText } from './rich-text.ts';
import type { BoundBy } from './role-result.ts';

/** One command seen in the PR's comments, and what the gate made of it. */
export interface LedgerEntry {
  commentId: number;
  commentUrl: string;
  login: string;
  at: string;
  /** As the person typed it. */
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
  reason: RichText;
}
