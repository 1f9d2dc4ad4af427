import type { StatusFact } from '../core/evidence/snapshot.ts';

/** The newest status in the gate's context on the commit: GitHub lists statuses newest first. */
export function latestGateStatus(statuses: readonly StatusFact[], context: string): StatusFact | undefined {
  return statuses.find((status) => status.context === context);
}
