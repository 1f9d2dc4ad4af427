import type { LedgerEntry } from '../model/ledger-entry.ts';
import { plainText } from '../model/rich-text.ts';
import type { RoleResult, Signature } from '../model/role-result.ts';
import type { RecordedRole, RecordedSignature } from './readiness-statement.ts';

/**
 * Why a counted sign-off holds for the head when it was given on an earlier commit: the ledger
 * entry that counted it says so (the files changed since do not touch what the role guards).
 */
function carriedOver(signature: Signature, role: string, ledger: readonly LedgerEntry[]): string | null {
  const entry = ledger.find((item) => item.counts && item.verb === 'signoff' && item.target === role && item.commentUrl === signature.commentUrl);
  const reason = entry ? plainText(entry.reason) : '';
  return reason === '' ? null : reason;
}

function recordedSignature(signature: Signature, role: string, ledger: readonly LedgerEntry[]): RecordedSignature {
  const { login, at, commentUrl, note, commit, boundBy } = signature;
  return { login, at, commentUrl, note, commit, boundBy, carriedOver: carriedOver(signature, role, ledger) };
}

/**
 * The roles of a release that was let through: each passed or did not apply, so only the
 * sign-offs that counted for the head are recorded (stale ones did not let anything through).
 */
export function recordedRoles(roles: readonly RoleResult[], ledger: readonly LedgerEntry[]): RecordedRole[] {
  return roles.flatMap((role): RecordedRole[] => {
    if (role.outcome !== 'pass' && role.outcome !== 'skipped') return [];
    return [
      {
        role: role.role,
        min: role.min,
        outcome: role.outcome,
        because: role.because ? plainText(role.because) : null,
        signatures: role.signatures.map((signature) => recordedSignature(signature, role.role, ledger)),
      },
    ];
  });
}
