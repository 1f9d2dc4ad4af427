import { hasPermission } from '../config/repo-permissions.ts';
import type { RoleConfig } from '../config/schema.ts';
import { notYetRead, type LookupReader } from '../evidence/lookups.ts';
import type { EvidenceProblem } from '../evidence/snapshot.ts';
import { heldPermission } from '../model/phrases.ts';
import { code, rich, type RichText } from '../model/rich-text.ts';
import { shapedHead } from '../pushes/head-shapers.ts';

export type Eligibility = { ok: true } | { ok: false; reason: RichText } | { ok: 'unknown'; problem: EvidenceProblem };

function membership(login: string, roleName: string, role: RoleConfig, lookups: LookupReader): Eligibility {
  if (role.users?.includes(login)) return { ok: true };
  if (!role.teams) {
    if (role.users) return { ok: false, reason: rich`${login} is not in role ${roleName}` };
    return { ok: true }; // Only a permission is asked for: anyone who has it belongs.
  }
  let unknown: Eligibility | null = null;
  for (const team of role.teams) {
    const member = lookups.membership(team, login);
    if (member === undefined) unknown ??= { ok: 'unknown', problem: notYetRead(`membership of ${login} in ${team}`) };
    else if (!member.ok) unknown ??= { ok: 'unknown', problem: member.problem };
    else if (member.value) return { ok: true };
  }
  // A team that could not be read might have counted the signer in: say so, never "not a member".
  return unknown ?? { ok: false, reason: rich`${login} is not in role ${roleName} (${[...(role.users ?? []), ...role.teams].join(', ')})` };
}

/** The PR as separation of duties needs it: who opened it and which commit is its head. */
export interface PullRequestParty {
  author: string;
  headSha: string;
}

const ALLOW = rich`(set ${code('allow_author: true')} on the role to allow it)`;

/** Nobody who shaped the head signs it off, unless the role allows it. */
function separation(login: string, roleName: string, role: RoleConfig, pr: PullRequestParty, lookups: LookupReader): Eligibility {
  if (role.allow_author) return { ok: true };
  if (login.toLowerCase() === pr.author.toLowerCase()) return { ok: false, reason: rich`${login} opened this pull request and cannot sign off ${roleName} ${ALLOW}` };
  const shaped = shapedHead(login, pr.headSha, lookups);
  if (shaped.shaped === 'unknown') return { ok: 'unknown', problem: shaped.problem };
  if (shaped.shaped) return { ok: false, reason: rich`${login} ${shaped.how} and cannot sign off ${roleName} ${ALLOW}` };
  return { ok: true };
}

/** Whether a person may sign (or waive for) a role right now: membership and permission are read at every evaluation. */
export function eligibility(login: string, roleName: string, role: RoleConfig, pr: PullRequestParty, lookups: LookupReader): Eligibility {
  // The author is known without reading anything: say so first.
  if (!role.allow_author && login.toLowerCase() === pr.author.toLowerCase()) return separation(login, roleName, role, pr, lookups);
  const member = repositoryRole(login, roleName, role, lookups);
  if (member.ok !== true) return member;
  return separation(login, roleName, role, pr, lookups);
}

/** Membership of the role, then the repository permission it asks for. */
function repositoryRole(login: string, roleName: string, role: RoleConfig, lookups: LookupReader): Eligibility {
  const member = membership(login, roleName, role, lookups);
  if (member.ok !== true || !role.permission) return member;
  const permission = lookups.permission(login);
  if (permission === undefined) return { ok: 'unknown', problem: notYetRead(`the repository permission of ${login}`) };
  if (!permission.ok) return { ok: 'unknown', problem: permission.problem };
  if (!hasPermission(permission.value, role.permission)) {
    return { ok: false, reason: rich`${heldPermission(login, permission.value)} on the repository; ${roleName} needs ${code(role.permission)}` };
  }
  return { ok: true };
}
