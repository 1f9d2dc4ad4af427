import { formatConfigError } from '../config/config-error.ts';
import type { CheckConfig, ReadinessConfig } from '../config/schema.ts';
import { windowChangesAt } from '../checks/window-check.ts';
import { lookupReader, type LookupReader } from '../evidence/lookups.ts';
import type { EvidenceSnapshot, PolicyFile } from '../evidence/snapshot.ts';
import { isLivingComment } from '../markers/gate-comments.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { policyChange } from '../policy/policy-change.ts';
import { lastPushOf } from '../pushes/push-history.ts';
import { dueReminder, nextReminderAt, type ReminderClock } from '../reminders/due-reminders.ts';
import { decidePeople } from './decide-people.ts';
import { detectForgery } from './forgery.ts';
import { gateDescription, gateState, truncateDescription } from './gate-state.ts';
import { judgeChecks } from './judge-checks.ts';
import { createParseMemo, type ParseMemo } from './parse-memo.ts';
import { prepare } from './prepare.ts';
import { applyRoleConditions } from './role-conditions.ts';

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
    reconsiderAt: null,
    followUps: [],
  };
}

/**
 * A pure function of the snapshot: the same snapshot always yields the same evaluation, with
 * or without a memo (which only saves parsing again what an earlier round parsed).
 * `followUps` lists evidence it needed and did not find; until that is gathered, whatever
 * depends on it reads as "cannot tell" and never counts.
 */
export function evaluate(snapshot: EvidenceSnapshot, memo: ParseMemo = createParseMemo()): Evaluation {
  const base = baseEvaluation(snapshot);
  const preparation = prepare(snapshot.policy, snapshot.pullRequest, memo);
  switch (preparation.kind) {
    case 'unreadable':
      return { ...base, problems: [preparation.problem], description: truncateDescription(`Cannot evaluate: ${preparation.problem.message}`) };
    case 'invalid': {
      const first = formatConfigError(preparation.policy.path, preparation.errors[0]!);
      return { ...base, configErrors: preparation.errors, description: truncateDescription(`Invalid readiness.yml: ${first}`) };
    }
    case 'not-release':
      return { ...base, applies: false, postStatus: preparation.config.non_release_status === 'success', state: 'success', description: 'Not a release pull request: the readiness gate does not apply' };
    case 'gate':
      return gate(base, snapshot, preparation.policy, preparation.config, memo);
  }
}

/** The evaluation of a release PR: its checks, its sign-offs, and everything they depend on. */
function gate(base: Evaluation, snapshot: EvidenceSnapshot, policy: PolicyFile, config: ReadinessConfig, memo: ParseMemo): Evaluation {
  const pr = snapshot.pullRequest;
  const lookups = lookupReader(snapshot.lookups);
  // Only a PR into the branch the policy is read from changes the policy in force.
  const change = pr.base.ref === policy.ref ? policyChange(policy.path, config, policy.text, snapshot.sources.changedFiles, lookups, memo.config) : null;
  const people = decidePeople(snapshot, config, lookups, memo.commands);
  const roles = applyRoleConditions(people.roles, config, snapshot, change !== null);
  const checks = judgeChecks(config, { snapshot, roles: new Map(roles.map((role) => [role.role, role])), lookups, writers: config.writers }, people.waivers);
  // A PR whose change to readiness.yml cannot be read or is invalid never passes: it would
  // rewrite the gate of its branch, and nobody could see how.
  const state = change?.problem ? 'error' : gateState(checks, roles);
  const comments = snapshot.sources.comments;
  const problems = [...checks.flatMap((check) => (check.problem ? [check.problem] : [])), ...roles.flatMap((role) => (role.problem ? [role.problem] : [])), ...people.problems];
  if (comments && !comments.ok) problems.push(comments.problem);
  const statuses = snapshot.sources.statuses;
  const identity = snapshot.gate.identity;
  const living = comments?.ok ? comments.value.find((comment) => isLivingComment(comment, identity)) : undefined;
  const reminders: ReminderClock | null =
    config.remind_after !== undefined && comments?.ok && roles.some((role) => role.outcome === 'pending')
      ? { pendingSince: headPushedAt(lookups, pr.head.sha), now: snapshot.evaluatedAt, remindAfterMs: config.remind_after }
      : null;
  const waivers = [...people.waivers.values()];
  const changes = [
    ...waivers.flatMap((waiver) => (waiver.expiresAt ? [Date.parse(waiver.expiresAt)] : [])),
    ...(reminders && comments?.ok ? [nextReminderAt(roles, comments.value, identity, reminders)] : []),
    ...config.checks.map((check) => clockChange(check, snapshot.evaluatedAt)),
  ].filter((at): at is number => at !== null && at >= Date.parse(snapshot.evaluatedAt));
  return {
    ...base,
    state,
    description: change?.problem ? truncateDescription(`Cannot evaluate: ${change.problem}`) : gateDescription(state, checks, roles),
    checks,
    roles,
    waivers,
    ledger: people.ledger,
    reactTo: people.reactTo,
    problems: dedupe(problems),
    forgery: statuses?.ok ? detectForgery(statuses.value, snapshot.gate.context, pr.head.sha, identity, living) : null,
    policyChange: change,
    reminder: reminders && comments?.ok ? dueReminder(roles, comments.value, identity, reminders) : null,
    reconsiderAt: changes.length === 0 ? null : new Date(Math.min(...changes)).toISOString().replace('.000Z', 'Z'),
    followUps: lookups.missing(),
  };
}

/**
 * When a check's verdict can change with nothing on GitHub changing: a window opens or closes; a
 * live endpoint or a deployment can change at any time, so those are judged again on every run.
 */
function clockChange(check: CheckConfig, evaluatedAt: string): number | null {
  if (check.kind === 'window') {
    const at = windowChangesAt(check.window, evaluatedAt);
    return at === null ? null : Date.parse(at);
  }
  return check.kind === 'probe' || check.kind === 'deployment' ? Date.parse(evaluatedAt) : null;
}

/** When the head was pushed, from GitHub's record of pushes; null when that record is not at hand. */
function headPushedAt(lookups: LookupReader, headSha: string): string | null {
  const record = lookups.pushRecord();
  return record?.ok ? (lastPushOf(record.value, headSha)?.at ?? null) : null;
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
