import type { CommentFact, GateIdentity } from '../evidence/snapshot.ts';
import { isGateComment, reminderMarker, remindedRoles } from '../markers/gate-comments.ts';
import type { Reminder } from '../model/evaluation.ts';
import type { RoleResult } from '../model/role-result.ts';

/**
 * The roles whose sign-off has been pending for `remindAfterMs` since the head was pushed
 * and since they were last reminded. The living comment is edited in place and edits notify
 * nobody, so a reminder is a short new comment that mentions the people who can sign.
 */
export interface ReminderClock {
  /** When the head was pushed; null when that is not known (then nobody is reminded). */
  pendingSince: string | null;
  now: string;
  remindAfterMs: number;
}

/** When each pending role's next reminder falls due, in epoch milliseconds. */
function dueTimes(roles: readonly RoleResult[], comments: readonly CommentFact[], identity: GateIdentity, clock: ReminderClock): Map<RoleResult, number> {
  const { pendingSince, remindAfterMs } = clock;
  const due = new Map<RoleResult, number>();
  if (pendingSince === null) return due;
  const lastReminded = new Map<string, number>();
  for (const comment of comments) {
    if (!isGateComment(comment, identity)) continue;
    for (const role of remindedRoles(comment.body)) lastReminded.set(role, Math.max(lastReminded.get(role) ?? 0, Date.parse(comment.createdAt)));
  }
  for (const role of roles) {
    if (role.outcome === 'pending') due.set(role, Math.max(Date.parse(pendingSince), lastReminded.get(role.role) ?? 0) + remindAfterMs);
  }
  return due;
}

/**
 * When the next reminder falls due; `now` when one is due already (it is still to be posted);
 * null when none will without a change of evidence.
 */
export function nextReminderAt(roles: readonly RoleResult[], comments: readonly CommentFact[], identity: GateIdentity, clock: ReminderClock): number | null {
  const times = [...dueTimes(roles, comments, identity, clock).values()];
  return times.length === 0 ? null : Math.max(Date.parse(clock.now), Math.min(...times));
}

export function dueReminder(roles: readonly RoleResult[], comments: readonly CommentFact[], identity: GateIdentity, clock: ReminderClock): Reminder | null {
  const now = Date.parse(clock.now);
  const due = [...dueTimes(roles, comments, identity, clock)].filter(([, at]) => at <= now).map(([role]) => role);
  if (due.length === 0) return null;
  const lines = due.map((role) => {
    const who = [...role.users, ...role.teams].map((name) => `@${name}`).join(' ') || `anyone with \`${role.permission}\` permission`;
    return `- **${role.role}** — ${who}: comment \`/signoff ${role.role}\` when it is done`;
  });
  const body = `${reminderMarker(due.map((role) => role.role))}\n⏰ This release is still waiting for sign-off:\n\n${lines.join('\n')}\n`;
  return { roles: due.map((role) => role.role), body };
}
