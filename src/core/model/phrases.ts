import type { EvidenceProblem } from '../evidence/snapshot.ts';
import { code, quoted, rich, type RichText } from './rich-text.ts';

/** Phrases more than one decision says the same way. */

/** What could not be read and why: "the record of pushes: GitHub answered 403 …". */
export function problemText(problem: EvidenceProblem): RichText {
  return rich`${quoted(problem.what)}: ${quoted(problem.message)}`;
}

/** What a person's repository permission is: "erin has `triage` permission", "zed has no permission". */
export function heldPermission(login: string, permission: string): RichText {
  return permission === 'none' ? rich`${login} has no permission` : rich`${login} has ${code(permission)} permission`;
}
