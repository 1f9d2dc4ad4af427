import type { EvidenceProblem } from '../evidence/snapshot.ts';
import type { EvidenceSource } from './evidence-source.ts';
import type { Outcome } from './outcomes.ts';
import type { RichText } from './rich-text.ts';
import type { Todo } from './todo.ts';
import type { Waiver } from './waiver.ts';

export interface CheckResult {
  id: string;
  name: string;
  section?: string;
  required: boolean;
  /** A sign-off item: the role whose sign-off attests it. */
  role?: string;
  outcome: Outcome;
  /** One line for the table. */
  summary: RichText;
  /** What a person must do to turn it green, in one sentence; absent when it passes. */
  fix?: RichText;
  /** The same as data: who must act, and on what; the comment merges equal to-dos of several checks. */
  todos?: Todo[];
  /**
   * A few plain words a person reads for the commit status description: a clause when it
   * fails ("coverage 76.5%, below 80%"), what is awaited when it is pending ("CI", "2 approvals").
   */
  blocker?: string;
  problem?: EvidenceProblem;
  /** What a passing verdict rests on, and who wrote it: for the record of a release. */
  evidence?: EvidenceSource[];
  /** The accepted risk that lets it not pass. */
  waiver?: Waiver;
}
