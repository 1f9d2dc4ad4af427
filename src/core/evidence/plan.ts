import { moduleFor } from '../checks/registry.ts';
import type { ReadinessConfig } from '../config/schema.ts';
import type { SourceName } from './snapshot.ts';

/**
 * The evidence one evaluation needs. Comments (sign-offs and the living comment) and
 * statuses (the gate's own previous status, and when the head was pushed) are always read.
 */
export function planEvidence(config: ReadinessConfig): SourceName[] {
  const needed = new Set<SourceName>(['comments', 'statuses']);
  for (const check of config.checks) for (const name of moduleFor(check).sources(check)) needed.add(name);
  return [...needed].sort();
}
