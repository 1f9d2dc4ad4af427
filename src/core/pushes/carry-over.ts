import { matchesAnyGlob } from '../config/patterns.ts';
import type { LookupReader } from '../evidence/lookups.ts';
import { code, codes, quoted, rich, type RichText } from '../model/rich-text.ts';
import { NO_COMMIT } from './push-history.ts';

/** Past this many moves since a command, the gate does not compare each one: sign again. */
export const MAX_MOVES_FOLLOWED = 10;

const short = (sha: string) => sha.slice(0, 7);

export type CarryOver = { carried: boolean; because: RichText };

/**
 * Whether a command given on `signed` still holds for `head`, the branch having moved through
 * `tips` (oldest first, ending with the head) since. Two git facts keep it:
 * - every tip since had the very files that were signed (a rebase onto an unchanged base, an
 *   amended or re-signed commit): checked at each step, so a head pushed, replaced by other
 *   files and pushed again is signed again;
 * - with `reopen_on`, none of its paths differs between the signed files and the head's
 *   (the two trees, not what was added since a merge base: a push that drops the signed
 *   changes re-opens it).
 * Anything that cannot be read keeps nothing.
 */
export function carryOver(signed: string, head: string, tips: readonly string[], reopenOn: readonly string[] | null, lookups: LookupReader): CarryOver {
  if (tips.includes(NO_COMMIT)) return { carried: false, because: rich`the branch was deleted since` };
  if (tips.length > MAX_MOVES_FOLLOWED) return { carried: false, because: rich`the branch moved ${tips.length} times since` };

  const signedTree = lookups.commitTree(signed);
  const trees = tips.map((sha) => lookups.commitTree(sha));
  const sameFiles = signedTree?.ok && trees.every((tree) => tree?.ok && tree.value === signedTree.value);
  if (sameFiles) return { carried: true, because: rich`the files are unchanged since ${short(signed)}` };
  if (!reopenOn) return { carried: false, because: rich`the files changed since` };

  const changed = lookups.comparison(signed, head);
  if (changed === undefined) return { carried: false, because: rich`the changes since were not read yet` };
  if (!changed.ok) return { carried: false, because: rich`the changes since could not be listed (${quoted(changed.problem.message)})` };
  const [first, ...more] = changed.value.filter((path) => matchesAnyGlob(reopenOn, path));
  if (first === undefined) return { carried: true, because: rich`nothing under ${codes(reopenOn)} differs from ${short(signed)}` };
  return { carried: false, because: rich`${code(first)}${more.length > 0 ? ` and ${more.length} more` : ''} changed since` };
}
