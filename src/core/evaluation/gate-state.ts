import type { CheckResult } from '../model/check-result.ts';
import type { GateState } from '../model/outcomes.ts';
import type { RoleResult } from '../model/role-result.ts';

/** GitHub rejects longer commit status descriptions. */
export const MAX_DESCRIPTION = 140;

export function truncateDescription(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

const SEVERITY: Record<GateState, number> = { success: 0, pending: 1, failure: 2, error: 3 };

/** The worst of several states (success for none). */
export function worstState(states: readonly GateState[]): GateState {
  return states.reduce<GateState>((worst, state) => (SEVERITY[state] > SEVERITY[worst] ? state : worst), 'success');
}

/** Worst first: an unreadable item is an error, never a pass. */
export function gateState(checks: readonly CheckResult[], roles: readonly RoleResult[]): GateState {
  const required = checks.filter((check) => check.required);
  if (required.some((check) => check.outcome === 'unknown') || roles.some((role) => role.outcome === 'unknown')) return 'error';
  if (required.some((check) => check.outcome === 'fail')) return 'failure';
  if (required.some((check) => check.outcome === 'pending') || roles.some((role) => role.outcome === 'pending')) return 'pending';
  return 'success';
}

export function gateDescription(state: GateState, checks: readonly CheckResult[], roles: readonly RoleResult[]): string {
  const required = checks.filter((check) => check.required);
  if (state === 'success') {
    const passing = required.filter((check) => check.outcome === 'pass').length;
    const signed = roles.filter((role) => role.outcome === 'pass').length;
    const parts = [`${passing} check${passing === 1 ? '' : 's'} pass`];
    if (signed > 0) parts.push(`${signed} sign-off${signed === 1 ? '' : 's'} in`);
    return truncateDescription(`Ready: ${parts.join(', ')}`);
  }
  const blockers: string[] = [];
  for (const outcome of ['unknown', 'fail', 'pending'] as const) {
    for (const check of required) {
      if (check.outcome === outcome && check.blocker) blockers.push(check.blocker);
    }
  }
  const waiting = roles.filter((role) => role.outcome === 'pending').map((role) => role.role);
  if (waiting.length > 0) blockers.push(`waiting for sign-off: ${waiting.join(', ')}`);
  const prefix = state === 'error' ? 'Cannot evaluate' : 'Blocked';
  return truncateDescription(`${prefix}: ${[...new Set(blockers)].join('; ') || 'see the readiness comment'}`);
}
