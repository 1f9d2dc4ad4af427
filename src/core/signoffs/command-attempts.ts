import type { ParsedCommand } from '../commands/parse-commands.ts';
import type { CommentFact, GateIdentity } from '../evidence/snapshot.ts';
import { isGateComment } from '../markers/gate-comments.ts';
import { code, rich, type RichText } from '../model/rich-text.ts';
import { PLACEMENT_REASONS } from './placement-reasons.ts';

/** A command someone typed, in the order given, with the reason it cannot count if that is already clear. */
export interface CommandAttempt {
  comment: CommentFact;
  login: string;
  command: ParsedCommand;
  /** Set when the command cannot count whatever the policy says. */
  rejected?: RichText;
}

/** The commands in one comment; a ParseMemo's, so that a comment is parsed once however often it is read. */
export type CommandsOf = (comment: CommentFact) => ParsedCommand[];

type Authored = CommentFact & { user: NonNullable<CommentFact['user']> };

function chronological(comments: readonly CommentFact[]): CommentFact[] {
  return [...comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
}

function rejection(comment: Authored, command: ParsedCommand): RichText | undefined {
  if (command.placement !== 'line') return PLACEMENT_REASONS[command.placement];
  if (comment.user.type === 'Bot') return rich`it comes from a bot`;
  // An App that may comment as a person could type the command for them.
  if (comment.viaApp !== null && !command.cancel) return rich`it was posted through the GitHub App ${code(comment.viaApp)}, not typed by ${comment.user.login}`;
  if (!command.cancel && comment.updatedAt !== comment.createdAt) return rich`the comment was edited after it was posted: post the command in a new comment`;
  return undefined;
}

/**
 * Every command in the PR's comments, oldest first. Withdrawals only ever remove a sign-off
 * or a waiver, so they are honoured from an edited comment; nothing else is.
 */
export function commandAttempts(comments: readonly CommentFact[], identity: GateIdentity, commandsOf: CommandsOf): CommandAttempt[] {
  const attempts: CommandAttempt[] = [];
  for (const comment of chronological(comments)) {
    if (!isAuthored(comment) || isGateComment(comment, identity)) continue;
    for (const command of commandsOf(comment)) {
      const rejected = rejection(comment, command);
      attempts.push({ comment, login: comment.user.login, command, ...(rejected ? { rejected } : {}) });
    }
  }
  return attempts;
}

/** A comment by an account GitHub still knows: a deleted account's comment counts for nobody. */
function isAuthored(comment: CommentFact): comment is Authored {
  return comment.user !== null;
}
