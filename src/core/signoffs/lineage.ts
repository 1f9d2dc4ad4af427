import type { StatusFact } from '../evidence/snapshot.ts';

/**
 * The status in which the gate records, on each new head of a PR, the head before it.
 * GitHub forgets rewritten history (a rebase, an amended or re-signed commit): this chain,
 * written from the `synchronize` event's before/after, is how a later evaluation knows
 * which commit a sign-off was given on. Statuses cannot be edited, only added.
 */
export const LINEAGE_CONTEXT = 'release-readiness/lineage';

export function lineageDescription(previous: string, prNumber: number): string {
  return `Follows ${previous} on #${prNumber}`;
}

/** The head before `statuses`' commit, from the earliest lineage status the gate's identity wrote for this PR. */
export function previousHead(statuses: readonly StatusFact[], prNumber: number, identity: string | null): string | null {
  const pattern = new RegExp(`^Follows ([0-9a-f]{40}) on #${prNumber}$`);
  let earliest: StatusFact | null = null;
  for (const status of statuses) {
    if (status.context !== LINEAGE_CONTEXT || status.creator?.type !== 'Bot') continue;
    if (identity !== null && status.creator.login !== identity) continue;
    if (!pattern.test(status.description ?? '')) continue;
    if (earliest === null || Date.parse(status.createdAt) < Date.parse(earliest.createdAt)) earliest = status;
  }
  return earliest ? pattern.exec(earliest.description ?? '')![1]! : null;
}
