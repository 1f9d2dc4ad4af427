import { REPO_PERMISSIONS, type RoleConfig } from '../config/schema.ts';
import type { LookupReader } from '../evidence/lookups.ts';
import type { EvidenceProblem } from '../evidence/snapshot.ts';

export type Eligibility = { ok: true } | { ok: false; reason: string } | { ok: 'unknown'; problem: EvidenceProblem };

const notYetRead = (what: string): Eligibility => ({
  ok: 'unknown',
  problem: { what, message: 'it was not read', fix: 'Re-run the job; if it persists, report it as a bug in release-readiness.' },
});

function membership(login: string, roleName: string, role: RoleConfig, lookups: LookupReader): Eligibility {
  if (role.users?.includes(login)) return { ok: true };
  if (!role.teams) {
    if (role.users) return { ok: false, reason: `${login} is not in role ${roleName}` };
    return { ok: true }; // Only a permission is asked for: anyone who has it belongs.
  }
  let unknown: Eligibility | null = null;
  for (const team of role.teams) {
    const member = lookups.membership(team, login);
    if (member === undefined) unknown ??= notYetRead(`membership of ${login} in ${team}`);
    else if (!member.ok) unknown ??= { ok: 'unknown', problem: member.problem };
    else if (member.value) return { ok: true };
  }
  // A team that could not be read might have counted the signer in: say so, never "not a member".
  return unknown ?? { ok: false, reason: `${login} is not in role ${roleName} (${[...(role.users ?? []), ...role.teams].join(', ')})` };
}

/** Whether a person may sign (or waive for) a role right now: membership and permission are read at every evaluation. */
export function eligibility(login: string, roleName: string, role: RoleConfig, author: string, lookups: LookupReader): Eligibility {
  if (login === author && !role.allow_author) return { ok: false, reason: `${login} opened this pull request and cannot sign off ${roleName}` };
  const member = membership(login, roleName, role, lookups);
  if (member.ok !== true || !role.permission) return member;
  const permission = lookups.permission(login);
  if (permission === undefined) return notYetRead(`the repository permission of ${login}`);
  if (!permission.ok) return { ok: 'unknown', problem: permission.problem };
  const held = REPO_PERMISSIONS.indexOf(permission.value as (typeof REPO_PERMISSIONS)[number]);
  if (held < REPO_PERMISSIONS.indexOf(role.permission)) {
    return { ok: false, reason: `${login} has ${permission.value === 'none' ? 'no' : `\`${permission.value}\``} permission on the repository; ${roleName} needs \`${role.permission}\`` };
  }
  return { ok: true };
}
