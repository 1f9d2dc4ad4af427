import { matchesAnyGlob } from '../config/patterns.ts';
import type { LookupReader, PullCommitFact } from '../evidence/lookups.ts';
import type { GateFacts } from '../evidence/snapshot.ts';
import { headPushedAt } from './head-pushed-at.ts';

export interface FreshnessContext {
  gate: GateFacts;
  prNumber: number;
  headSha: string;
  /** When the gate first saw the head, or null. */
  headSeenAt: string | null;
  lookups: LookupReader;
}

/** Whether a command given at `at` still holds for the head commit, and for which commit it was given. */
export type Freshness = { fresh: true; commit: string; carried?: string } | { fresh: false; commit: string | null; reason: string };

/** How many earlier heads are examined to find the one a sign-off was given on. */
const EARLIER_HEADS = 10;

const short = (sha: string) => sha.slice(0, 7);

/**
 * The newest earlier head that the gate had provably seen before `at`. The command may
 * have been given on a later commit the gate had not seen yet; the one returned is then
 * older, which only widens the changes compared with the head: it errs towards re-opening.
 */
function signedCommit(at: number, commits: PullCommitFact[], headIndex: number, context: FreshnessContext): PullCommitFact | null {
  const earlier = commits.slice(Math.max(0, headIndex - EARLIER_HEADS), headIndex).reverse();
  const statuses = earlier.map((commit) => context.lookups.commitStatuses(commit.sha));
  for (const [index, commit] of earlier.entries()) {
    const read = statuses[index];
    if (!read?.ok) return null;
    const seen = headPushedAt(read.value, context.gate, context.prNumber);
    if (seen !== null && Date.parse(seen) < at) return commit;
  }
  return null;
}

export function freshness(atIso: string, reopenOn: readonly string[] | null, context: FreshnessContext): Freshness {
  const at = Date.parse(atIso);
  if (context.headSeenAt !== null && at > Date.parse(context.headSeenAt)) return { fresh: true, commit: context.headSha };
  const stale = (commit: string | null): Freshness => ({
    fresh: false,
    commit,
    reason: `it was given ${commit ? `on ${short(commit)}, ` : ''}before the head commit ${short(context.headSha)} was pushed: sign off again`,
  });

  const listed = context.lookups.pullCommits();
  if (!listed?.ok) return stale(null);
  const commits = listed.value;
  const headIndex = commits.findIndex((commit) => commit.sha === context.headSha);
  if (headIndex < 0) return stale(null);
  const treeSha = commits[headIndex]!.treeSha;
  // Nothing can carry the command over unless an earlier head had these very files, or the
  // role re-opens only on some paths: then there is no need to look further back.
  const sameTreeBefore = commits.slice(Math.max(0, headIndex - EARLIER_HEADS), headIndex).some((commit) => commit.treeSha === treeSha);
  if (!sameTreeBefore && !reopenOn) return stale(null);
  const signed = signedCommit(at, commits, headIndex, context);
  if (!signed) return stale(null);

  // Every commit since the signed one has the head's tree: the content signed is the content now
  // (a rebase onto an unchanged base, a reworded or re-signed commit).
  const since = commits.slice(commits.indexOf(signed), headIndex + 1);
  if (since.every((commit) => commit.treeSha === treeSha)) {
    return { fresh: true, commit: signed.sha, carried: `the files are unchanged since ${short(signed.sha)}` };
  }
  if (reopenOn) {
    const changed = context.lookups.comparison(signed.sha, context.headSha);
    if (changed?.ok && !changed.value.some((path) => matchesAnyGlob(reopenOn, path))) {
      return { fresh: true, commit: signed.sha, carried: `nothing under ${reopenOn.map((glob) => `\`${glob}\``).join(', ')} changed since ${short(signed.sha)}` };
    }
  }
  return stale(signed.sha);
}
