import type { EvidenceProblem } from '../evidence/snapshot.ts';
import type { Outcome } from './outcomes.ts';
import type { RichText } from './rich-text.ts';
import type { Waiver } from './waiver.ts';

export interface CheckResult {
  id: string;
  name: string;
  section?: string;
  required: boolean;
  outcome: Outcome;
  /** One line for the table. */
  summary: RichText;
  /** What a person must do to turn it green; absent when it passes. */
  fix?: RichText;
  /** A few plain words for the commit status description, e.g. "ci failing". */
  blocker?: string;
  problem?: EvidenceProblem;
  /** The accepted risk that lets it not pass. */
  waiver?: Waiver;
}
