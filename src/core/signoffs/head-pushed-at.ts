import type { GateFacts, StatusFact } from '../evidence/snapshot.ts';

/**
 * When the head commit became this PR's head, as far as the gate can prove it.
 *
 * GitHub no longer exposes when a commit was pushed, and committer dates are set by
 * whoever pushes. The gate posts its status on every new head of a PR, so the
 * earliest such status (its created_at is GitHub's clock) bounds the push time
 * from above: a sign-off counts only when it was given after that. A status that
 * links to another PR does not count, so that a commit evaluated elsewhere earlier
 * cannot carry old sign-offs onto this PR. Null when the gate has not yet seen this
 * head: then every earlier sign-off is stale, which fails closed.
 */
export function headPushedAt(statuses: readonly StatusFact[], gate: GateFacts, prNumber: number, identity: string | null = null): string | null {
  const ownLink = new RegExp(`/pull/${prNumber}(?:$|[#/?])`);
  let earliest: string | null = null;
  for (const status of statuses) {
    if (status.context !== gate.context || status.creator?.type !== 'Bot') continue;
    // Once the gate's identity is known (its comment's author), only its own statuses prove anything.
    if (identity !== null && status.creator.login !== identity) continue;
    if (!status.targetUrl || !ownLink.test(status.targetUrl)) continue;
    if (earliest === null || status.createdAt < earliest) earliest = status.createdAt;
  }
  return earliest;
}
