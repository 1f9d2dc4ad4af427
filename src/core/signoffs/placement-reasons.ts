import type { CommandPlacement } from '../commands/parse-commands.ts';
import { code, rich, type RichText } from '../model/rich-text.ts';

/** Why a command that was not typed as a plain line of the comment does not count. */
export const PLACEMENT_REASONS: Record<Exclude<CommandPlacement, 'line'>, RichText> = {
  quote: rich`it is inside a quote`,
  code: rich`it is inside code`,
  html: rich`it is inside an HTML comment or block`,
  details: rich`it is inside a collapsed ${code('<details>')} block`,
  list: rich`it is inside a list item: type the command on a line of its own`,
  'mid-line': rich`it is not at the start of a line`,
  'look-alike': rich`it contains look-alike or invisible characters: type the command plainly`,
};
