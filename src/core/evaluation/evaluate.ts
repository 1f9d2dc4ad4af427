import { moduleFor } from '../checks/registry.ts';
import { formatConfigError } from '../config/config-error.ts';
import { parseConfig, type ParsedConfig } from '../config/parse-config.ts';
import type { CheckConfig, ReadinessConfig, WhenRules } from '../config/schema.ts';
import { unknownVerdict, type CheckContext, type CheckVerdict } from '../checks/check-kind.ts';
import { applicability } from './applicability.ts';
import type { EvidenceSnapshot } from '../evidence/snapshot.ts';
import { matchRelease } from '../release-match.ts';
import { decideSignoffs } from '../signoffs/decide-signoffs.ts';
import { headPushedAt } from '../signoffs/head-pushed-at.ts';
import { gateDescription, gateState, truncateDescription } from './gate-state.ts';
import type { CheckResult, Evaluation, RoleResult } from './result.ts';

export type Preparation =
  | { kind: 'unreadable' | 'invalid' | 'not-release' }
  | { kind: 'gate'; config: ReadinessConfig };

/** What the policy says about this PR before any other evidence is read. */
export function prepare(snapshot: Pick<EvidenceSnapshot, 'policy' | 'pullRequest'>): Preparation & { parsed?: ParsedConfig } {
  if (!snapshot.policy.ok) return { kind: 'unreadable' };
  const parsed = parseConfig(snapshot.policy.value.text);
  if (!parsed.ok) return { kind: 'invalid', parsed };
  if (!matchRelease(parsed.config.release, snapshot.pullRequest).release) return { kind: 'not-release', parsed };
  return { kind: 'gate', config: parsed.config, parsed };
}

/** A pure function of the snapshot: the same snapshot always yields the same evaluation. */
export function evaluate(snapshot: EvidenceSnapshot): Evaluation {
  const pr = snapshot.pullRequest;
  const base: Evaluation = {
    applies: true,
    state: 'error',
    description: '',
    pullRequest: { number: pr.number, headSha: pr.head.sha, htmlUrl: pr.htmlUrl },
    policy: snapshot.policy.ok
      ? { path: snapshot.policy.value.path, ref: snapshot.policy.value.ref }
      : { path: snapshot.policy.problem.what, ref: pr.base.ref },
    configErrors: [],
    problems: [],
    checks: [],
    roles: [],
    ledger: [],
    reactTo: [],
  };

  if (!snapshot.policy.ok) {
    return { ...base, problems: [snapshot.policy.problem], description: truncateDescription(`Cannot evaluate: ${snapshot.policy.problem.message}`) };
  }
  const parsed = parseConfig(snapshot.policy.value.text);
  if (!parsed.ok) {
    const first = formatConfigError(snapshot.policy.value.path, parsed.errors[0]!);
    return { ...base, configErrors: parsed.errors, description: truncateDescription(`Invalid readiness.yml: ${first}`) };
  }
  const match = matchRelease(parsed.config.release, pr);
  if (!match.release) {
    return { ...base, applies: false, state: 'success', description: 'Not a release pull request: the readiness gate does not apply' };
  }

  const signoffs = evaluateSignoffs(snapshot, parsed.config);
  const { ledger, reactTo } = signoffs;
  const roles = signoffs.roles.map((role) => withApplicability(role, parsed.config.signoffs[role.role]?.when, snapshot));
  const roleMap = new Map(roles.map((role) => [role.role, role]));
  const checks = parsed.config.checks.map((check): CheckResult => ({
    id: check.id,
    name: check.name,
    required: check.required,
    ...evaluateCheck(check, { snapshot, roles: roleMap }),
  }));
  const state = gateState(checks, roles);
  const problems = [...checks.flatMap((check) => (check.problem ? [check.problem] : []))];
  const comments = snapshot.sources.comments;
  if (comments && !comments.ok) problems.push(comments.problem);
  return { ...base, state, description: gateDescription(state, checks, roles), checks, roles, ledger, reactTo, problems: dedupe(problems) };
}

/** An "if applicable" check that does not apply is shown, with the reason, and never blocks. */
function evaluateCheck(check: CheckConfig, context: CheckContext): CheckVerdict {
  const applies = applicability(check.when, context.snapshot);
  if (applies.applies === 'unknown') return unknownVerdict(applies.problem);
  if (!applies.applies) return { outcome: 'skipped', summary: `Does not apply: ${applies.because}` };
  return moduleFor(check).evaluate(check, context);
}

function withApplicability(role: RoleResult, when: WhenRules | undefined, snapshot: EvidenceSnapshot): RoleResult {
  if (role.outcome === 'unknown') return role;
  const applies = applicability(when, snapshot);
  if (applies.applies === 'unknown') return { ...role, outcome: 'unknown', because: `${applies.problem.what}: ${applies.problem.message}` };
  if (!applies.applies) return { ...role, outcome: 'skipped', because: applies.because };
  return role;
}

function evaluateSignoffs(snapshot: EvidenceSnapshot, config: ReadinessConfig): { roles: RoleResult[]; ledger: Evaluation['ledger']; reactTo: number[] } {
  const comments = snapshot.sources.comments;
  const statuses = snapshot.sources.statuses;
  if (!comments?.ok || !statuses?.ok) {
    // Without the comments (or the proof of when the head was pushed) no sign-off can be trusted.
    const roles = Object.entries(config.signoffs).map(
      ([role, rule]): RoleResult => ({ role, min: rule.min, users: rule.users, outcome: 'unknown', because: 'the comments or statuses could not be read', signatures: [], stale: [] }),
    );
    return { roles, ledger: [], reactTo: [] };
  }
  const decision = decideSignoffs({
    roles: config.signoffs,
    comments: comments.value,
    author: snapshot.pullRequest.author.login,
    headSha: snapshot.pullRequest.head.sha,
    headPushedAt: headPushedAt(statuses.value, snapshot.gate, snapshot.pullRequest.number),
  });
  const reactTo = decision.countedComments.filter((comment) => comment.plusOneReactions === 0).map((comment) => comment.id);
  return { roles: decision.roles, ledger: decision.ledger, reactTo: [...new Set(reactTo)] };
}

function dedupe<T extends { what: string; message: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.what}\n${item.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
