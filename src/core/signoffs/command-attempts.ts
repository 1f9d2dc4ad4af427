import { parseCommands, type ParsedCommand } from '../commands/parse-commands.ts';
import type { CommentFact, GateIdentity } from '../evidence/snapshot.ts';
import { isGateComment } from '../render/marker.ts';
import { PLACEMENT_REASONS } from './placement-reasons.ts';

/** A command someone typed, in the order given, with the reason it cannot count if that is already clear. */
export interface CommandAttempt {
  comment: CommentFact;
  login: string;
  command: ParsedCommand;
  /** Set when the command cannot count whatever the policy says. */
  rejected?: string;
}

function chronological(comments: readonly CommentFact[]): CommentFact[] {
  return [...comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
}

/**
 * Every command in the PR's comments, oldest first. Withdrawals only ever remove a sign-off
 * or a waiver, so they are honoured from an edited comment; nothing else is.
 */
export function commandAttempts(comments: readonly CommentFact[], identity: GateIdentity): CommandAttempt[] {
  const attempts: CommandAttempt[] = [];
  for (const comment of chronological(comments)) {
    if (!comment.user || isGateComment(comment, identity)) continue;
    for (const command of parseCommands(comment.body)) {
      const attempt: CommandAttempt = { comment, login: comment.user.login, command };
      if (command.placement !== 'line') attempt.rejected = PLACEMENT_REASONS[command.placement];
      else if (comment.user.type === 'Bot') attempt.rejected = 'it comes from a bot';
      // An App that may comment as a person could type the command for them.
      else if (comment.viaApp !== null && !command.cancel) attempt.rejected = `it was posted through the GitHub App \`${comment.viaApp}\`, not typed by ${comment.user.login}`;
      else if (!command.cancel && comment.updatedAt !== comment.createdAt) {
        attempt.rejected = 'the comment was edited after it was posted: post the command in a new comment';
      }
      attempts.push(attempt);
    }
  }
  return attempts;
}
