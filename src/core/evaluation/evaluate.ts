import { unknownVerdict, type CheckContext, type CheckVerdict } from '../checks/check-kind.ts';
import { moduleFor } from '../checks/registry.ts';
import { formatConfigError } from '../config/config-error.ts';
import { parseConfig } from '../config/parse-config.ts';
import type { CheckConfig, ReadinessConfig } from '../config/schema.ts';
import { lookupReader, type LookupReader } from '../evidence/lookups.ts';
import type { EvidenceSnapshot, PolicyFile, PullRequestFacts, Readable } from '../evidence/snapshot.ts';
import { policyChange } from '../policy/policy-change.ts';
import { matchRelease } from '../release-match.ts';
import { dueReminder } from '../reminders/due-reminders.ts';
import { isLivingComment } from '../render/marker.ts';
import { code } from '../render/markdown.ts';
import { commandAttempts } from '../signoffs/command-attempts.ts';
import { decideSignoffs } from '../signoffs/decide-signoffs.ts';
import { lastPushOf } from '../pushes/push-history.ts';
import { decideWaivers } from '../waivers/decide-waivers.ts';
import { applicability } from './applicability.ts';
import { detectForgery } from './forgery.ts';
import { gateDescription, gateState, truncateDescription } from './gate-state.ts';
import type { CheckResult, Evaluation, RoleResult, Waiver } from './result.ts';
import { applyRoleConditions } from './role-conditions.ts';

export type Preparation = { kind: 'unreadable' } | { kind: 'invalid' } | { kind: 'not-release'; config: ReadinessConfig } | { kind: 'gate'; config: ReadinessConfig };

/** What the policy says about this PR before any other evidence is read. */
export function prepare(policy: Readable<PolicyFile>, pr: PullRequestFacts): Preparation {
  if (!policy.ok) return { kind: 'unreadable' };
  const parsed = parseConfig(policy.value.text);
  if (!parsed.ok) return { kind: 'invalid' };
  return matchRelease(parsed.config.release, pr).release ? { kind: 'gate', config: parsed.config } : { kind: 'not-release', config: parsed.config };
}

function baseEvaluation(snapshot: EvidenceSnapshot): Evaluation {
  const pr = snapshot.pullRequest;
  return {
    applies: true,
    postStatus: true,
    state: 'error',
    description: '',
    pullRequest: { number: pr.number, headSha: pr.head.sha, htmlUrl: pr.htmlUrl },
    policy: snapshot.policy.ok ? { path: snapshot.policy.value.path, ref: snapshot.policy.value.ref } : { path: snapshot.policy.problem.what, ref: pr.base.ref },
    configErrors: [],
    problems: [],
    checks: [],
    roles: [],
    waivers: [],
    ledger: [],
    reactTo: [],
    forgery: null,
    policyChange: null,
    reminder: null,
    followUps: [],
  };
}

/**
 * A pure function of the snapshot: the same snapshot always yields the same evaluation.
 * `followUps` lists evidence it needed and did not find; until that is gathered, whatever
 * depends on it reads as "cannot tell" and never counts.
 */
export function evaluate(snapshot: EvidenceSnapshot): Evaluation {
  const base = baseEvaluation(snapshot);
  const pr = snapshot.pullRequest;
  if (!snapshot.policy.ok) {
    return { ...base, problems: [snapshot.policy.problem], description: truncateDescription(`Cannot evaluate: ${snapshot.policy.problem.message}`) };
  }
  const parsed = parseConfig(snapshot.policy.value.text);
  if (!parsed.ok) {
    const first = formatConfigError(snapshot.policy.value.path, parsed.errors[0]!);
    return { ...base, configErrors: parsed.errors, description: truncateDescription(`Invalid readiness.yml: ${first}`) };
  }
  const config = parsed.config;
  if (!matchRelease(config.release, pr).release) {
    return { ...base, applies: false, postStatus: config.non_release_status === 'success', state: 'success', description: 'Not a release pull request: the readiness gate does not apply' };
  }

  const lookups = lookupReader(snapshot.lookups);
  // Only a PR into the branch the policy is read from changes the policy in force.
  const change = pr.base.ref === snapshot.policy.value.ref ? policyChange(snapshot.policy.value.path, config, snapshot.policy.value.text, snapshot.sources.changedFiles, lookups) : null;
  const people = decidePeople(snapshot, config, lookups);
  const roles = applyRoleConditions(people.roles, config, snapshot, change !== null);
  const roleMap = new Map(roles.map((role) => [role.role, role]));
  const checks = config.checks.map((check): CheckResult => {
    const result: CheckResult = {
      id: check.id,
      name: check.name,
      ...(check.section === undefined ? {} : { section: check.section }),
      required: check.required,
      ...evaluateCheck(check, { snapshot, roles: roleMap, lookups, writers: config.writers }),
    };
    return withWaiver(result, people.waivers.get(check.id));
  });
  // A PR whose change to readiness.yml cannot be read or is invalid never passes: it would
  // rewrite the gate of its branch, and nobody could see how.
  const state = change?.problem ? 'error' : gateState(checks, roles);
  const comments = snapshot.sources.comments;
  const problems = [...checks.flatMap((check) => (check.problem ? [check.problem] : [])), ...roles.flatMap((role) => (role.problem ? [role.problem] : [])), ...people.problems];
  if (comments && !comments.ok) problems.push(comments.problem);
  const statuses = snapshot.sources.statuses;
  const identity = snapshot.gate.identity;
  const living = comments?.ok ? comments.value.find((comment) => isLivingComment(comment, identity)) : undefined;
  return {
    ...base,
    state,
    description: change?.problem ? truncateDescription(`Cannot evaluate: ${change.problem}`) : gateDescription(state, checks, roles),
    checks,
    roles,
    waivers: [...people.waivers.values()],
    ledger: people.ledger,
    reactTo: people.reactTo,
    problems: dedupe(problems),
    forgery: statuses?.ok ? detectForgery(statuses.value, snapshot.gate.context, pr.head.sha, identity, living) : null,
    policyChange: change,
    reminder:
      config.remind_after !== undefined && comments?.ok && roles.some((role) => role.outcome === 'pending')
        ? dueReminder(roles, comments.value, identity, { pendingSince: headPushedAt(lookups, pr.head.sha), now: snapshot.evaluatedAt, remindAfterMs: config.remind_after })
        : null,
    followUps: lookups.missing(),
  };
}

/** An "if applicable" check that does not apply is shown, with the reason, and never blocks. */
function evaluateCheck(check: CheckConfig, context: CheckContext): CheckVerdict {
  const applies = applicability(check.when, context.snapshot);
  if (applies.applies === 'unknown') return unknownVerdict(applies.problem);
  if (!applies.applies) return { outcome: 'skipped', summary: `Does not apply: ${applies.because}` };
  return moduleFor(check).evaluate(check, context);
}

/** A waiver turns a check that does not pass into an accepted risk; a passing check needs none. */
function withWaiver(result: CheckResult, waiver: Waiver | undefined): CheckResult {
  if (!waiver || result.outcome === 'pass' || result.outcome === 'skipped') return result;
  const until = waiver.expiresAt ? ` until ${waiver.expiresAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  return {
    id: result.id,
    name: result.name,
    ...(result.section === undefined ? {} : { section: result.section }),
    required: result.required,
    outcome: 'waived',
    summary: `Waived by ${waiver.login}${until}: ${code(waiver.reason)} — ${result.summary}`,
    waiver,
  };
}

/** When the head was pushed, from GitHub's record of pushes; null when that record is not at hand. */
function headPushedAt(lookups: LookupReader, headSha: string): string | null {
  const record = lookups.pushRecord();
  return record?.ok ? (lastPushOf(record.value, headSha)?.at ?? null) : null;
}

interface People {
  roles: RoleResult[];
  waivers: Map<string, Waiver>;
  ledger: Evaluation['ledger'];
  reactTo: number[];
  problems: Evaluation['problems'];
}

/** Sign-offs and waivers, rebuilt from the comments. Without comments or statuses, nothing a person said can be trusted. */
function decidePeople(snapshot: EvidenceSnapshot, config: ReadinessConfig, lookups: LookupReader): People {
  const comments = snapshot.sources.comments;
  const statuses = snapshot.sources.statuses;
  const pr = snapshot.pullRequest;
  if (!comments?.ok || !statuses?.ok) {
    const roles = Object.entries(config.signoffs).map(
      ([role, rule]): RoleResult => ({
        role,
        min: rule.min,
        users: rule.users ?? [],
        teams: rule.teams ?? [],
        permission: rule.permission ?? null,
        outcome: 'unknown',
        because: 'the comments or statuses could not be read',
        signatures: [],
        stale: [],
      }),
    );
    return { roles, waivers: new Map(), ledger: [], reactTo: [], problems: [] };
  }
  const binding = { gate: snapshot.gate, prNumber: pr.number, headSha: pr.head.sha, headStatuses: statuses.value, lookups };
  const attempts = commandAttempts(comments.value, snapshot.gate.identity);
  const common = { config, attempts, pr: { author: pr.author.login, headSha: pr.head.sha }, lookups, binding };
  const signoffs = decideSignoffs(common);
  const waivers = decideWaivers({ ...common, now: snapshot.evaluatedAt });
  const counted = [...signoffs.countedComments, ...comments.value.filter((comment) => [...waivers.waivers.values()].some((w) => w.commentUrl === comment.htmlUrl))];
  const reactTo = [...new Set(counted.filter((comment) => comment.plusOneReactions === 0).map((comment) => comment.id))];
  const ledger = [...signoffs.ledger, ...waivers.ledger].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.commentId - b.commentId);
  return { roles: signoffs.roles, waivers: waivers.waivers, ledger, reactTo, problems: waivers.problems };
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
