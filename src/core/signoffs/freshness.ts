import { matchesAnyGlob } from '../config/patterns.ts';
import type { LookupReader } from '../evidence/lookups.ts';
import type { GateFacts, StatusFact } from '../evidence/snapshot.ts';
import { headPushedAt } from './head-pushed-at.ts';
import { previousHead } from './lineage.ts';

export interface FreshnessContext {
  gate: GateFacts;
  prNumber: number;
  headSha: string;
  /** The head's statuses. */
  headStatuses: readonly StatusFact[];
  /** When the gate first saw the head, or null. */
  headSeenAt: string | null;
  /** The login the gate writes as, when known: only its statuses are proof. */
  identity: string | null;
  lookups: LookupReader;
}

/** Whether a command given at `at` still holds for the head commit, and for which commit it was given. */
export type Freshness = { fresh: true; commit: string; carried?: string } | { fresh: false; commit: string | null; reason: string };

/** How many earlier heads are followed back to find the one a sign-off was given on. */
const EARLIER_HEADS = 10;

const short = (sha: string) => sha.slice(0, 7);

/** The PR's earlier heads, newest first, as the gate recorded them on each push; stops where the record does. */
function earlierHeads(context: FreshnessContext): { sha: string; statuses: readonly StatusFact[] }[] | null {
  const heads: { sha: string; statuses: readonly StatusFact[] }[] = [];
  let statuses = context.headStatuses;
  while (heads.length < EARLIER_HEADS) {
    const previous = previousHead(statuses, context.prNumber, context.identity);
    if (!previous || previous === context.headSha || heads.some((head) => head.sha === previous)) return heads;
    const read = context.lookups.commitStatuses(previous);
    if (!read?.ok) return null;
    heads.push({ sha: previous, statuses: read.value });
    statuses = read.value;
  }
  return heads;
}

export function freshness(atIso: string, reopenOn: readonly string[] | null, context: FreshnessContext): Freshness {
  const at = Date.parse(atIso);
  if (context.headSeenAt !== null && at > Date.parse(context.headSeenAt)) return { fresh: true, commit: context.headSha };
  const stale = (commit: string | null): Freshness => ({
    fresh: false,
    commit,
    reason: `it was given ${commit ? `on ${short(commit)}, ` : ''}before the head commit ${short(context.headSha)} was pushed: sign off again`,
  });

  const heads = earlierHeads(context);
  if (!heads) return stale(null);
  // The newest earlier head the gate had seen before the command: the one it was given on.
  const index = heads.findIndex((head) => {
    const seen = headPushedAt(head.statuses, context.gate, context.prNumber, context.identity);
    return seen !== null && Date.parse(seen) < at;
  });
  if (index < 0) return stale(null);
  const signed = heads[index]!.sha;

  // Every head since has the same files (a rebase onto an unchanged base, a reworded or re-signed commit).
  const headTree = context.lookups.commitTree(context.headSha);
  const trees = heads.slice(0, index + 1).map((head) => context.lookups.commitTree(head.sha));
  if (headTree?.ok && trees.every((tree) => tree?.ok && tree.value === headTree.value)) {
    return { fresh: true, commit: signed, carried: `the files are unchanged since ${short(signed)}` };
  }
  if (reopenOn) {
    const changed = context.lookups.comparison(signed, context.headSha);
    if (changed?.ok && !changed.value.some((path) => matchesAnyGlob(reopenOn, path))) {
      return { fresh: true, commit: signed, carried: `nothing under ${reopenOn.map((glob) => `\`${glob}\``).join(', ')} changed since ${short(signed)}` };
    }
  }
  return stale(signed);
}
