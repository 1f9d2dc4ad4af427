import type { Evaluation } from '../core/model/evaluation.ts';
import type { GateState } from '../core/model/outcomes.ts';
import type { EvidenceSnapshot } from '../core/evidence/snapshot.ts';
import type { Publisher } from '../github/publish/publisher.ts';
import type { GateContext } from './gate-context.ts';
import type { GateEvent } from './gate-event.ts';

export interface GateOutcome {
  number: number;
  evaluation: Evaluation;
  /** The state set on the head commit: the evaluation's, or worse when another open PR shares the head. */
  state: GateState;
  snapshot: EvidenceSnapshot;
  commentUrl: string;
  /** The rendered comment, for the job summary. */
  body: string;
}

export interface GroupOutcome {
  sha: string;
  state: GateState | null;
  description: string;
}

/** A PR the run left as it was, and why. */
export interface LeftAlone {
  number: number;
  reason: string;
}

export interface RunResult {
  outcomes: GateOutcome[];
  /** PRs that could not be evaluated, with the reason. */
  failures: { number: number; message: string }[];
  /** Merge groups whose commit the gate set a status on. */
  groups: GroupOutcome[];
  /** PRs a scheduled run found unchanged since the gate last judged them: their status stands, at `state`. */
  skipped: { number: number; state: GateState }[];
  /** PRs the run did not reach because the rate limit would not stretch to them: their status stands. */
  notReached: LeftAlone[];
}

export function emptyResult(): RunResult {
  return { outcomes: [], failures: [], groups: [], skipped: [], notReached: [] };
}

export interface GateRun {
  context: GateContext;
  publisher: Publisher;
  event: GateEvent;
  /** How long one PR's evaluation may take before it is given up with an `error` status. */
  prBudgetMs: number;
  /** This workflow run's page, if any. */
  runUrl: string | null;
  /** Keeps the evidence a PR was judged on, for replay. */
  saveSnapshot: (snapshot: EvidenceSnapshot) => Promise<void>;
}
