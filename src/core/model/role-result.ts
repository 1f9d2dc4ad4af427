import type { RepoPermission } from '../config/repo-permissions.ts';
import type { EvidenceProblem } from '../evidence/snapshot.ts';
import type { RoleOutcome } from './outcomes.ts';
import type { RichText } from './rich-text.ts';

/** Which record bound a command to a commit: GitHub's activity feed, the gate's own status (an App only), or nothing. */
export type BoundBy = 'activity' | 'gate status' | 'none';

export interface Signature {
  login: string;
  at: string;
  commentUrl: string;
  /** As the person typed it. */
  note: string;
  /** The commit it was given on, as far as the gate can prove; null when unknown. */
  commit: string | null;
  /** The record that bound it to that commit. */
  boundBy: BoundBy;
}

interface RoleFacts {
  role: string;
  min: number;
  users: string[];
  teams: string[];
  permission: RepoPermission | null;
  problem?: EvidenceProblem;
  signatures: Signature[];
  /** Sign-offs given before the head commit was pushed: they no longer count. */
  stale: Signature[];
}

export type RoleResult = RoleFacts &
  (
    | { outcome: Extract<RoleOutcome, 'pass' | 'pending'>; because?: undefined }
    /** `because`: why the role does not apply (`when`), or why it could not be decided. */
    | { outcome: Extract<RoleOutcome, 'skipped' | 'unknown'>; because: RichText }
  );
