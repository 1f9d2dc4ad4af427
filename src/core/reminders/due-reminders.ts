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

export function dueReminder(roles: readonly RoleResult[], comments: readonly CommentFact[], identity: GateIdentity, clock: ReminderClock): Reminder | null {
  const { pendingSince, now, remindAfterMs } = clock;
  if (pendingSince === null) return null;
  const lastReminded = new Map<string, number>();
  for (const comment of comments) {
    if (!isGateComment(comment, identity)) continue;
    for (const role of remindedRoles(comment.body)) lastReminded.set(role, Math.max(lastReminded.get(role) ?? 0, Date.parse(comment.createdAt)));
  }
  const due = roles.filter((role) => {
    if (role.outcome !== 'pending') return false;
    const from = Math.max(Date.parse(pendingSince), lastReminded.get(role.role) ?? 0);
    return Date.parse(now) - from >= remindAfterMs;
  });
  if (due.length === 0) return null;
  const lines = due.map((role) => {
    const who = [...role.users, ...role.teams].map((name) => `@${name}`).join(' ') || `anyone with \`${role.permission}\` permission`;
    return `- **${role.role}** — ${who}: comment \`/signoff ${role.role}\` when it is done`;
  });
  const body = `${reminderMarker(due.map((role) => role.role))}\n⏰ This release is still waiting for sign-off:\n\n${lines.join('\n')}\n`;
  return { roles: due.map((role) => role.role), body };
}
