import type { EvidenceProblem } from '../evidence/snapshot.ts';
import { code, quoted, rich, type RichText } from './rich-text.ts';

/** Phrases more than one decision says the same way. */

/**
 * A count and its noun, agreeing: "1 check", "2 checks", "1 open Dependabot alert",
 * "3 more approvals". `many` for nouns that do not just take an "s".
 */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}

/** Items as a sentence lists them: "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** What could not be read and why: "the record of pushes: GitHub answered 403 …". */
export function problemText(problem: EvidenceProblem): RichText {
  return rich`${quoted(problem.what)}: ${quoted(problem.message)}`;
}

/** What a person's repository permission is: "erin has `triage` permission", "zed has no permission". */
export function heldPermission(login: string, permission: string): RichText {
  return permission === 'none' ? rich`${login} has no permission` : rich`${login} has ${code(permission)} permission`;
}
