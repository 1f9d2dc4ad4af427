import type { ReadinessConfig } from '../config/schema.ts';
import type { EvidenceSnapshot } from '../evidence/snapshot.ts';
import { problemText } from '../model/phrases.ts';
import type { RoleResult } from '../model/role-result.ts';
import { applicability } from './applicability.ts';

/**
 * Applies each role's `when`. The role named by `policy_change` is required whenever the PR
 * changes readiness.yml, whatever its own `when` says.
 */
export function applyRoleConditions(roles: RoleResult[], config: ReadinessConfig, snapshot: EvidenceSnapshot, policyChanged: boolean): RoleResult[] {
  return roles.map((role) => {
    if (role.outcome === 'unknown') return role;
    if (policyChanged && config.policy_change?.signoff === role.role) return role;
    const applies = applicability(config.signoffs[role.role]?.when, snapshot);
    if (applies.applies === 'unknown') return { ...role, outcome: 'unknown', because: problemText(applies.problem), problem: applies.problem };
    if (!applies.applies) return { ...role, outcome: 'skipped', because: applies.because };
    return role;
  });
}
