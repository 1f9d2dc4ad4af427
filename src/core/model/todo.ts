import type { RichText } from './rich-text.ts';

/**
 * Who must act for a check to pass. The living comment groups what is missing by it, so that
 * each person reads first what is theirs to do.
 */
export type Actor =
  /** The people of a sign-off role, by commenting `/signoff <role>`. */
  | { kind: 'role'; role: string }
  /** The PR's author: its description, labels and files, its code when coverage is short. */
  | { kind: 'author' }
  /** CI on the head commit: to finish, or a failing job to be fixed or re-run. */
  | { kind: 'ci' }
  /** People with write access, by reviewing. */
  | { kind: 'reviewers' }
  /** Whoever triages the repository's security alerts. */
  | { kind: 'security' }
  /** Whoever maintains the gate: its workflow's permissions and token, readiness.yml. */
  | { kind: 'maintainers' };

/**
 * One thing to do for a check to pass, worded so that what several checks need is said once:
 * to-dos of the same actor with the same `action` merge, and their `items` are listed together.
 */
export interface Todo {
  by: Actor;
  /** What to do, e.g. "Fill in these sections of the PR description". Absent for a sign-off, whose command says it. */
  action?: RichText;
  /** What the action applies to (sections, CI jobs, files); listed once however many checks need it. */
  items?: RichText[];
}

export const todo = (by: Actor, action?: RichText, items?: RichText[]): Todo => ({ by, ...(action ? { action } : {}), ...(items?.length ? { items } : {}) });
