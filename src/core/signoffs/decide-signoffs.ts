import { parseCommands, type ParsedCommand } from '../commands/parse-commands.ts';
import type { RoleConfig } from '../config/schema.ts';
import type { LedgerEntry, RoleResult, Signature } from '../evaluation/result.ts';
import type { CommentFact } from '../evidence/snapshot.ts';
import { isGateComment } from '../render/marker.ts';
import { PLACEMENT_REASONS } from './placement-reasons.ts';

export interface SignoffInput {
  roles: Record<string, RoleConfig>;
  comments: readonly CommentFact[];
  author: string;
  headSha: string;
  /** When the head commit became the PR's head; null when unproven (every sign-off is then stale). */
  headPushedAt: string | null;
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
  stale: boolean;
}

function chronological(comments: readonly CommentFact[]): CommentFact[] {
  return [...comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
}

function commandText(command: ParsedCommand): string {
  return command.raw;
}

/** Rebuilds every role's sign-offs from the PR's comments: there is no other state to tamper with. */
export function decideSignoffs(input: SignoffInput): SignoffDecision {
  const held = new Map<string, Map<string, Held>>(Object.keys(input.roles).map((role) => [role, new Map()]));
  const ledger: LedgerEntry[] = [];
  const pushedAt = input.headPushedAt === null ? null : Date.parse(input.headPushedAt);
  const roleNames = Object.keys(input.roles);

  for (const comment of chronological(input.comments)) {
    if (!comment.user || isGateComment(comment.body, comment.user.type)) continue;
    const login = comment.user.login;
    for (const command of parseCommands(comment.body)) {
      const entry = (counts: boolean, reason: string): void => {
        ledger.push({ commentId: comment.id, commentUrl: comment.htmlUrl, login, at: comment.createdAt, command: commandText(command), counts, reason });
      };
      if (command.placement !== 'line') {
        entry(false, PLACEMENT_REASONS[command.placement]);
        continue;
      }
      if (comment.user.type === 'Bot') {
        entry(false, 'it comes from a bot');
        continue;
      }
      if (command.verb === 'waive') {
        entry(false, 'waivers are not enabled in readiness.yml');
        continue;
      }
      const role = input.roles[command.target];
      const holders = held.get(command.target);
      if (!role || !holders) {
        entry(false, `there is no role \`${command.target}\` (roles: ${roleNames.join(', ') || 'none'})`);
        continue;
      }
      if (command.cancel) {
        // Withdrawing only ever removes a sign-off, so it is honoured even from an edited comment.
        if (holders.delete(login)) entry(true, '');
        else entry(false, `${login} has no sign-off for ${command.target} to withdraw`);
        continue;
      }
      if (comment.updatedAt !== comment.createdAt) {
        entry(false, 'the comment was edited after it was posted: post the command in a new comment');
        continue;
      }
      if (login === input.author) {
        entry(false, `${login} opened this pull request and cannot sign it off`);
        continue;
      }
      if (!role.users.includes(login)) {
        entry(false, `${login} is not in role ${command.target}`);
        continue;
      }
      const stale = pushedAt === null || Date.parse(comment.createdAt) <= pushedAt;
      holders.set(login, { signature: { login, at: comment.createdAt, commentUrl: comment.htmlUrl, note: command.text }, comment, stale });
      entry(!stale, stale ? `it was given before the head commit ${input.headSha.slice(0, 7)} was pushed: sign off again` : '');
    }
  }

  const countedComments: CommentFact[] = [];
  const roles = Object.entries(input.roles).map(([role, config]): RoleResult => {
    const entries = [...(held.get(role)?.values() ?? [])];
    const current = entries.filter((item) => !item.stale);
    countedComments.push(...current.map((item) => item.comment));
    return {
      role,
      min: config.min,
      users: config.users,
      outcome: current.length >= config.min ? 'pass' : 'pending',
      signatures: current.map((item) => item.signature),
      stale: entries.filter((item) => item.stale).map((item) => item.signature),
    };
  });
  return { roles, ledger, countedComments };
}
