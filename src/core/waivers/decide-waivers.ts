import type { ReadinessConfig } from '../config/schema.ts';
import type { LookupReader } from '../evidence/lookups.ts';
import type { EvidenceProblem } from '../evidence/snapshot.ts';
import type { LedgerEntry } from '../model/ledger-entry.ts';
import { problemText } from '../model/phrases.ts';
import { code, rich, type RichText } from '../model/rich-text.ts';
import type { BoundBy } from '../model/role-result.ts';
import type { Waiver } from '../model/waiver.ts';
import { bindToCommit, type BindingContext } from '../pushes/bind-to-commit.ts';
import type { CommandAttempt } from '../signoffs/command-attempts.ts';
import { ledgerEntry } from '../signoffs/decide-signoffs.ts';
import { eligibility, type Eligibility, type PullRequestParty } from '../signoffs/eligibility.ts';

export interface WaiverInput {
  config: ReadinessConfig;
  attempts: readonly CommandAttempt[];
  pr: PullRequestParty;
  lookups: LookupReader;
  binding: BindingContext;
  /** The evaluation's clock (ISO), for expiry. */
  now: string;
}

export interface WaiverDecision {
  /** Waivers that hold now, by check id. */
  waivers: Map<string, Waiver>;
  ledger: LedgerEntry[];
  problems: EvidenceProblem[];
}

/** May this person waive? Any of the waiving roles will do. */
function mayWaive(login: string, input: WaiverInput): Eligibility {
  const by = input.config.waivers?.by ?? [];
  let unknown: Eligibility | null = null;
  for (const roleName of by) {
    const role = input.config.signoffs[roleName];
    if (!role) continue;
    const result = eligibility(login, roleName, role, input.pr, input.lookups);
    if (result.ok === true) return result;
    if (result.ok === 'unknown') unknown ??= result;
  }
  return unknown ?? { ok: false, reason: rich`${login} may not waive checks (waivers are by: ${by.join(', ')})` };
}

/** `/waive <check-id> <reason>`: an accepted risk, bound to the head commit like a sign-off, and optionally expiring. */
export function decideWaivers(input: WaiverInput): WaiverDecision {
  const waivers = new Map<string, Waiver>();
  const ledger: LedgerEntry[] = [];
  const problems: EvidenceProblem[] = [];
  const checkIds = input.config.checks.map((check) => check.id);
  const now = Date.parse(input.now);

  for (const attempt of input.attempts) {
    if (attempt.command.verb !== 'waive') continue;
    const { command, login, comment } = attempt;
    const entry = (counts: boolean, reason: RichText, commit: string | null = null, boundBy: BoundBy = 'none') => ledger.push(ledgerEntry(attempt, counts, reason, commit, boundBy));
    if (attempt.rejected) entry(false, attempt.rejected);
    else if (!input.config.waivers) entry(false, rich`waivers are not enabled in readiness.yml (${code('waivers: { by: [role] }')})`);
    else if (!checkIds.includes(command.target)) entry(false, rich`there is no check ${code(command.target)} (checks: ${checkIds.join(', ')})`);
    else if (!command.cancel && command.text === '') entry(false, rich`a waiver needs a reason: ${code(`/waive ${command.target} <reason>`)}`);
    else {
      const allowed = mayWaive(login, input);
      if (allowed.ok === 'unknown') {
        problems.push(allowed.problem);
        entry(false, rich`could not check that ${login} may waive: ${problemText(allowed.problem)}`);
      } else if (!allowed.ok) {
        entry(false, allowed.reason);
      } else if (command.cancel) {
        if (waivers.delete(command.target)) entry(true, []);
        else entry(false, rich`there is no waiver of ${code(command.target)} to withdraw`);
      } else {
        const bound = bindToCommit(comment.createdAt, null, input.binding, 'waive again');
        const expiresAfter = input.config.waivers.expires_after;
        const expiresAt = expiresAfter === undefined ? null : new Date(Date.parse(comment.createdAt) + expiresAfter).toISOString().replace('.000Z', 'Z');
        if (!bound.holds) {
          if (bound.problem) problems.push(bound.problem);
          entry(false, bound.reason, bound.commit, bound.boundBy);
        } else if (expiresAt !== null && Date.parse(expiresAt) <= now) entry(false, rich`it expired at ${expiresAt}`, bound.commit, bound.boundBy);
        else {
          waivers.set(command.target, { checkId: command.target, login, reason: command.text, at: comment.createdAt, commentUrl: comment.htmlUrl, expiresAt });
          entry(true, bound.carried ?? [], bound.commit, bound.boundBy);
        }
      }
    }
  }
  return { waivers, ledger, problems };
}
