import { describe, expect, it } from 'vitest';
import type { RepoPermission } from '../../src/core/config/repo-permissions.ts';
import type { CommentFact, GateIdentity } from '../../src/core/evidence/snapshot.ts';
import { rich } from '../../src/core/model/rich-text.ts';
import { dueReminder } from '../../src/core/reminders/due-reminders.ts';
import { COMMENT_MARKER, reminderMarker } from '../../src/core/markers/gate-comments.ts';
import { APP_GATE, comment, SHARED_GATE } from './builders.ts';

type RoleResult = Parameters<typeof dueReminder>[0][number];

function role(name: string, outcome: RoleResult['outcome'], who: { users?: string[]; teams?: string[]; permission?: RepoPermission } = {}): RoleResult {
  const facts = { role: name, min: 1, users: who.users ?? [], teams: who.teams ?? [], permission: who.permission ?? null, signatures: [], stale: [] };
  // A role that does not apply or cannot be told always says why.
  return outcome === 'skipped' || outcome === 'unknown' ? { ...facts, outcome, because: rich`a reason` } : { ...facts, outcome };
}

const SECURITY = role('security', 'pending', { users: ['alice', 'bob'] });
const SRE = role('sre', 'pending', { users: ['carol'] });
const at = (time: string) => `2026-11-21T${time}Z`;
const DAY = 24 * 3_600_000;

/** A reminder the gate posted earlier. */
const reminded = (roles: string[], time: string, login = SHARED_GATE.login) => comment(login, `${reminderMarker(roles)}\n⏰ This release is still waiting for sign-off:`, at(time));

const line = (name: string, who: string) => `- **${name}** — ${who}: comment \`/signoff ${name}\` when it is done`;
const body = (roles: string[], ...lines: string[]) => `${reminderMarker(roles)}\n⏰ This release is still waiting for sign-off:\n\n${lines.join('\n')}\n`;

interface Row {
  name: string;
  roles?: RoleResult[];
  comments?: CommentFact[];
  identity?: GateIdentity;
  /** When the head was pushed; null when unknown. Default 2026-11-20 10:00, a day before `now`. */
  pendingSince?: string | null;
  now?: string;
  remindAfterMs?: number;
  /** The roles reminded and the body, or null for no reminder. */
  expected: { roles: string[]; body: string } | null;
}

const rows: Row[] = [
  // Due or not, from when the head was pushed.
  { name: 'pending exactly remind_after since the push: due', expected: { roles: ['security', 'sre'], body: body(['security', 'sre'], line('security', '@alice @bob'), line('sre', '@carol')) } },
  { name: 'one millisecond short of remind_after: not due', now: '2026-11-21T09:59:59.999Z', expected: null },
  { name: 'long past remind_after and never reminded: due', now: at('18:00:00'), expected: { roles: ['security', 'sre'], body: body(['security', 'sre'], line('security', '@alice @bob'), line('sre', '@carol')) } },
  { name: 'when the head was pushed is not known: nobody is reminded', pendingSince: null, now: '2027-01-01T00:00:00Z', expected: null },
  { name: 'a clock before the push (skew): not due', pendingSince: at('11:00:00'), expected: null },
  { name: 'a short period', remindAfterMs: 30 * 60_000, pendingSince: at('09:30:00'), roles: [SRE], expected: { roles: ['sre'], body: body(['sre'], line('sre', '@carol')) } },

  // Which roles.
  {
    name: 'only pending roles: not those that passed, do not apply or cannot be told',
    roles: [role('security', 'pass', { users: ['alice'] }), role('dba', 'skipped', { users: ['erin'] }), role('qa', 'unknown', { teams: ['acme/qa'] }), SRE],
    expected: { roles: ['sre'], body: body(['sre'], line('sre', '@carol')) },
  },
  { name: 'no role pending: no reminder', roles: [role('security', 'pass', { users: ['alice'] })], expected: null },
  { name: 'no roles at all: no reminder', roles: [], expected: null },
  { name: 'a team is mentioned as @org/team', roles: [role('security', 'pending', { teams: ['acme/security'] })], expected: { roles: ['security'], body: body(['security'], line('security', '@acme/security')) } },
  {
    name: 'users first, then teams',
    roles: [role('security', 'pending', { users: ['alice'], teams: ['acme/security', 'acme/appsec'] })],
    expected: { roles: ['security'], body: body(['security'], line('security', '@alice @acme/security @acme/appsec')) },
  },
  {
    name: 'a role of a permission only names the permission, and mentions nobody',
    roles: [role('release', 'pending', { permission: 'maintain' })],
    expected: { roles: ['release'], body: body(['release'], line('release', 'anyone with `maintain` permission')) },
  },
  {
    name: 'a role with users and a permission mentions the users',
    roles: [role('release', 'pending', { users: ['erin'], permission: 'maintain' })],
    expected: { roles: ['release'], body: body(['release'], line('release', '@erin')) },
  },

  // Already reminded.
  { name: 'reminded after the push, less than remind_after ago: not due', comments: [reminded(['security', 'sre'], '09:00:00')], now: at('10:00:00'), expected: null },
  {
    name: 'reminded after the push, exactly remind_after ago: due again',
    pendingSince: '2026-11-19T10:00:00Z',
    comments: [comment(SHARED_GATE.login, reminderMarker(['security', 'sre']), '2026-11-20T10:00:00Z')],
    expected: { roles: ['security', 'sre'], body: body(['security', 'sre'], line('security', '@alice @bob'), line('sre', '@carol')) },
  },
  {
    name: 'reminded before the push: counts from the push, not the reminder',
    pendingSince: at('09:00:00'),
    comments: [comment(SHARED_GATE.login, reminderMarker(['security', 'sre']), '2026-11-19T09:00:00Z')],
    now: at('10:00:00'),
    expected: null,
  },
  {
    name: 'only the roles a reminder named: sre reminded an hour ago, security never',
    comments: [reminded(['sre'], '09:00:00')],
    expected: { roles: ['security'], body: body(['security'], line('security', '@alice @bob')) },
  },
  {
    name: 'the latest of several reminders counts',
    pendingSince: '2026-11-19T10:00:00Z',
    comments: [comment(SHARED_GATE.login, reminderMarker(['security']), '2026-11-20T11:00:00Z'), comment(SHARED_GATE.login, reminderMarker(['security']), '2026-11-19T12:00:00Z')],
    roles: [SECURITY],
    expected: null,
  },
  {
    name: 'a reminder marker typed by someone else does not silence the reminder',
    comments: [reminded(['security', 'sre'], '09:00:00', 'mallory')],
    expected: { roles: ['security', 'sre'], body: body(['security', 'sre'], line('security', '@alice @bob'), line('sre', '@carol')) },
  },
  {
    name: 'as an App, a reminder by the GITHUB_TOKEN’s account is not the gate’s',
    identity: APP_GATE,
    comments: [reminded(['security', 'sre'], '09:00:00')],
    expected: { roles: ['security', 'sre'], body: body(['security', 'sre'], line('security', '@alice @bob'), line('sre', '@carol')) },
  },
  { name: 'as an App, its own reminder counts', identity: APP_GATE, comments: [reminded(['security', 'sre'], '09:00:00', APP_GATE.login)], expected: null },
  {
    name: 'the living comment is not a reminder',
    comments: [comment(SHARED_GATE.login, `${COMMENT_MARKER}\n⏳ Not ready yet`, at('09:00:00'))],
    expected: { roles: ['security', 'sre'], body: body(['security', 'sre'], line('security', '@alice @bob'), line('sre', '@carol')) },
  },
  {
    name: 'a comment by a deleted account is not a reminder',
    comments: [comment(SHARED_GATE.login, reminderMarker(['security', 'sre']), at('09:00:00'), { user: null })],
    expected: { roles: ['security', 'sre'], body: body(['security', 'sre'], line('security', '@alice @bob'), line('sre', '@carol')) },
  },
];

describe('dueReminder', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const reminder = dueReminder(row.roles ?? [SECURITY, SRE], row.comments ?? [], row.identity ?? SHARED_GATE, {
      pendingSince: row.pendingSince === undefined ? '2026-11-20T10:00:00Z' : row.pendingSince,
      now: row.now ?? at('10:00:00'),
      remindAfterMs: row.remindAfterMs ?? DAY,
    });
    expect(reminder).toEqual(row.expected);
  });
});
