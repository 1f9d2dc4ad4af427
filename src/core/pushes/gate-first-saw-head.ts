import type { GateFacts, StatusFact } from '../evidence/snapshot.ts';

/**
 * When the gate first set its status on the head for this PR: an upper bound of the push time,
 * and a proof only while nobody else writes as the gate. It is used only when the gate's
 * identity is not shared (an App's, not the GITHUB_TOKEN's). A status that links to another
 * PR does not count: the commit may have been evaluated there before it became this PR's head.
 */
export function gateFirstSawHead(statuses: readonly StatusFact[], gate: GateFacts, prNumber: number): string | null {
  if (gate.identity.shared) return null;
  const ownLink = new RegExp(`/pull/${prNumber}(?:$|[#/?])`);
  let earliest: string | null = null;
  for (const status of statuses) {
    if (status.context !== gate.context || status.creator?.login !== gate.identity.login) continue;
    if (!status.targetUrl || !ownLink.test(status.targetUrl)) continue;
    if (earliest === null || Date.parse(status.createdAt) < Date.parse(earliest)) earliest = status.createdAt;
  }
  return earliest;
}
