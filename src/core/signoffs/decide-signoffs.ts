import type { ReadinessConfig, RoleConfig } from '../config/schema.ts';
import type { LookupReader } from '../evidence/lookups.ts';
import type { CommentFact, EvidenceProblem } from '../evidence/snapshot.ts';
import type { LedgerEntry } from '../model/ledger-entry.ts';
import { problemText } from '../model/phrases.ts';
import { code, rich, type RichText } from '../model/rich-text.ts';
import type { BoundBy, RoleResult, Signature } from '../model/role-result.ts';
import { bindToCommit, type BindingContext } from '../pushes/bind-to-commit.ts';
import type { CommandAttempt } from './command-attempts.ts';
import { eligibility, type PullRequestParty } from './eligibility.ts';

export interface SignoffInput {
  config: ReadinessConfig;
  attempts: readonly CommandAttempt[];
  pr: PullRequestParty;
  lookups: LookupReader;
  binding: BindingContext;
}

export interface SignoffDecision {
  roles: RoleResult[];
  ledger: LedgerEntry[];
  /** Comments whose sign-off counts for the head commit. */
  countedComments: CommentFact[];
}

interface Held {
  signature: Signature;
  comment: CommentFact;
  fresh: boolean;
}

/** What the policy says of a role, before anyone signed. */
export function roleFacts(role: string, rule: RoleConfig): Omit<RoleResult, 'outcome' | 'because'> {
  return { role, min: rule.min, users: rule.users ?? [], teams: rule.teams ?? [], permission: rule.permission ?? null, signatures: [], stale: [] };
}

export function ledgerEntry(attempt: CommandAttempt, counts: boolean, reason: RichText, commit: string | null = null, boundBy: BoundBy = 'none'): LedgerEntry {
  const { comment, command } = attempt;
  const verb = command.verb === 'waive' ? (command.cancel ? 'waive cancel' : 'waive') : command.cancel ? 'signoff cancel' : 'signoff';
  return { commentId: comment.id, commentUrl: comment.htmlUrl, login: attempt.login, at: comment.createdAt, command: command.raw, verb, target: command.target, commit, boundBy, counts, reason };
}

/** Rebuilds every role's sign-offs from the PR's comments: there is no other state to tamper with. */
export function decideSignoffs(input: SignoffInput): SignoffDecision {
  const { config } = input;
  const held = new Map<string, Map<string, Held>>(Object.keys(config.signoffs).map((role) => [role, new Map()]));
  const unknown = new Map<string, EvidenceProblem>();
  const ledger: LedgerEntry[] = [];
  const roleNames = Object.keys(config.signoffs);

  /** The other role this person already fills, when one person may fill only one. */
  const otherRoleOf = (login: string, role: string): string | undefined =>
    config.distinct_signers ? [...held.entries()].find(([name, holders]) => name !== role && holders.get(login)?.fresh)?.[0] : undefined;

  for (const attempt of input.attempts) {
    if (attempt.command.verb !== 'signoff') continue;
    const { command, login, comment } = attempt;
    const entry = (counts: boolean, reason: RichText, commit: string | null = null, boundBy: BoundBy = 'none') => ledger.push(ledgerEntry(attempt, counts, reason, commit, boundBy));
    if (attempt.rejected) {
      entry(false, attempt.rejected);
      continue;
    }
    const role = config.signoffs[command.target];
    const holders = held.get(command.target);
    if (!role || !holders) {
      entry(false, rich`there is no role ${code(command.target)} (roles: ${roleNames.join(', ') || 'none'})`);
      continue;
    }
    if (command.cancel) {
      if (holders.delete(login)) entry(true, []);
      else entry(false, rich`${login} has no sign-off for ${command.target} to withdraw`);
      continue;
    }
    const eligible = eligibility(login, command.target, role, input.pr, input.lookups);
    if (eligible.ok === 'unknown') {
      unknown.set(command.target, eligible.problem);
      entry(false, rich`could not check that ${login} may sign: ${problemText(eligible.problem)}`);
      continue;
    }
    if (!eligible.ok) {
      entry(false, eligible.reason);
      continue;
    }
    const bound = bindToCommit(comment.createdAt, role.reopen_on?.paths ?? null, input.binding);
    if (!bound.holds && bound.problem) {
      // Not stale, not counted: the record that would tell is missing, and the role says so.
      unknown.set(command.target, bound.problem);
      entry(false, bound.reason, bound.commit, bound.boundBy);
      continue;
    }
    const other = bound.holds ? otherRoleOf(login, command.target) : undefined;
    if (other) {
      entry(false, rich`${login} already signed off ${other}: one person fills one role (set ${code('distinct_signers: false')} to allow more)`);
      continue;
    }
    const signature = { login, at: comment.createdAt, commentUrl: comment.htmlUrl, note: command.text, commit: bound.commit, boundBy: bound.boundBy };
    holders.set(login, { signature, comment, fresh: bound.holds });
    entry(bound.holds, bound.holds ? (bound.carried ?? []) : bound.reason, bound.commit, bound.boundBy);
  }

  const countedComments: CommentFact[] = [];
  const roles = Object.entries(config.signoffs).map(([role, rule]): RoleResult => {
    const entries = [...(held.get(role)?.values() ?? [])];
    const current = entries.filter((item) => item.fresh);
    countedComments.push(...current.map((item) => item.comment));
    const facts = { ...roleFacts(role, rule), signatures: current.map((item) => item.signature), stale: entries.filter((item) => !item.fresh).map((item) => item.signature) };
    const problem = unknown.get(role);
    if (current.length >= rule.min) return { ...facts, outcome: 'pass' };
    if (problem) return { ...facts, outcome: 'unknown', because: problemText(problem), problem };
    return { ...facts, outcome: 'pending' };
  });
  return { roles, ledger, countedComments };
}
