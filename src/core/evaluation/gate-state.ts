import type { CheckResult } from '../model/check-result.ts';
import type { GateState } from '../model/outcomes.ts';
import { listed, plural } from '../model/phrases.ts';
import { plainText } from '../model/rich-text.ts';
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

/** What blocks, in the words of the status description, worst first. */
interface Blockers {
  /** "cannot read check runs of abc1234" */
  unreadable: string[];
  /** Clauses: "2 CI jobs failing", "coverage 76.5%, below 80%". */
  failing: string[];
  /** What is awaited, besides sign-offs: "CI", "2 approvals". */
  awaited: string[];
  /** The roles still to sign, and how many people that is. */
  signoffs: { roles: string[]; people: number };
}

const unique = (items: readonly string[]) => [...new Set(items)];

/**
 * The failing CI jobs of all CI checks, each once: several checks can include the same job.
 * The CI checks' to-dos list them (see ci-check.ts).
 */
function failingJobs(checks: readonly CheckResult[]): string[] {
  const failing = checks.filter((check) => check.outcome === 'fail');
  return unique(failing.flatMap((check) => (check.todos ?? []).filter((todo) => todo.by.kind === 'ci').flatMap((todo) => (todo.items ?? []).map(plainText))));
}

function blockersOf(checks: readonly CheckResult[], roles: readonly RoleResult[]): Blockers {
  const required = checks.filter((check) => check.required);
  const of = (outcome: CheckResult['outcome']) => required.filter((check) => check.outcome === outcome);
  const jobs = failingJobs(required);
  // Failing CI is said once, as a count of jobs, where the first failing CI check stands.
  const failing = of('fail').map((check) => (check.blocker === 'CI failing' && jobs.length > 0 ? `${plural(jobs.length, 'CI job')} failing` : (check.blocker ?? `${check.name} failing`)));
  const pending = roles.filter((role) => role.outcome === 'pending');
  const unreadable = unique(of('unknown').map((check) => check.blocker ?? `cannot tell ${check.name}`));
  // A role that cannot be decided blocks too; the sign-off items of that role usually say so already.
  if (unreadable.length === 0) unreadable.push(...roles.filter((role) => role.outcome === 'unknown').map((role) => `cannot read ${role.role} sign-off`));
  return {
    unreadable,
    failing: unique(failing),
    awaited: unique(of('pending').flatMap((check) => (check.blocker ? [check.blocker] : []))),
    signoffs: { roles: pending.map((role) => role.role), people: pending.reduce((sum, role) => sum + Math.max(1, role.min - role.signatures.length), 0) },
  };
}

/** "3 sign-offs (security-lead, sre, …)", naming at most `names` roles. */
function signoffPhrase({ roles, people }: Blockers['signoffs'], names: number): string[] {
  if (roles.length === 0) return [];
  const shown = roles.slice(0, names);
  const more = roles.length > shown.length ? ', …' : '';
  return [`${plural(people, 'sign-off')}${shown.length > 0 ? ` (${shown.join(', ')}${more})` : ''}`];
}

/**
 * Sign-offs first, as people must act on them; then the rest, in the policy's order.
 * "Cannot evaluate: …; 1 CI job failing; waiting for 2 sign-offs (security, sre) and CI".
 */
function compose(state: GateState, blockers: Blockers, names: number, limit: number): string {
  const waiting = [...signoffPhrase(blockers.signoffs, names), ...blockers.awaited];
  // Only `limit` phrases are named, worst first; the rest are counted.
  const all = [...blockers.unreadable.map((text) => ['unreadable', text] as const), ...blockers.failing.map((text) => ['failing', text] as const), ...waiting.map((text) => ['waiting', text] as const)];
  const kept = all.slice(0, limit);
  const left = all.length - kept.length;
  const pick = (group: string) => kept.filter(([kind]) => kind === group).map(([, text]) => text);
  const [unreadable, failing, awaited] = [pick('unreadable'), pick('failing'), pick('waiting')];
  const parts: string[] = [];
  if (unreadable.length > 0) parts.push(unreadable.join('; '));
  if (failing.length > 0) parts.push(failing.join(', '));
  if (awaited.length > 0) parts.push(`${parts.length > 0 || state !== 'pending' ? 'waiting for' : 'Waiting for'} ${listed(awaited)}`);
  const prefix = state === 'error' ? 'Cannot evaluate: ' : state === 'failure' || parts.length === 0 ? 'Blocked: ' : '';
  const body = parts.join('; ') || 'see the readiness comment';
  return `${prefix}${body}${left > 0 ? ` (+${left} more)` : ''}`;
}

/**
 * The commit status description: what blocks, in words a person reads, within GitHub's 140
 * characters. Deterministic: the same results give the same text. To fit, it names fewer
 * roles first (all, then three, two, one, none), then fewer blockers (counting the rest), and
 * only then cuts.
 * - success: "Ready: 12 checks pass, 3 sign-offs in"
 * - pending: "Waiting for 3 sign-offs (security-lead, sre, dba), 1 more approval and CI"
 * - failure: "Blocked: 2 CI jobs failing, PR description incomplete; waiting for 1 sign-off (sre)"
 * - error: "Cannot evaluate: cannot read check runs of abc1234; waiting for 2 sign-offs (security, sre)"
 */
export function gateDescription(state: GateState, checks: readonly CheckResult[], roles: readonly RoleResult[]): string {
  if (state === 'success') {
    const passing = checks.filter((check) => check.required && check.outcome === 'pass').length;
    const signed = roles.filter((role) => role.outcome === 'pass').length;
    const parts = [passing === 1 ? '1 check passes' : `${passing} checks pass`];
    if (signed > 0) parts.push(`${plural(signed, 'sign-off')} in`);
    return truncateDescription(`Ready: ${parts.join(', ')}`);
  }
  const blockers = blockersOf(checks, roles);
  const total = blockers.unreadable.length + blockers.failing.length + blockers.awaited.length + (blockers.signoffs.roles.length > 0 ? 1 : 0);
  for (const names of [blockers.signoffs.roles.length, 3, 2, 1, 0]) {
    const text = compose(state, blockers, names, total);
    if (text.length <= MAX_DESCRIPTION) return text;
  }
  for (let limit = total - 1; limit >= 1; limit--) {
    const text = compose(state, blockers, 2, limit);
    if (text.length <= MAX_DESCRIPTION) return text;
  }
  return truncateDescription(compose(state, blockers, 0, 1));
}
