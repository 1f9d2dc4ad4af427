import type { CommandPlacement } from '../commands/parse-commands.ts';

/** Why a command that was not typed as a plain line of the comment does not count. */
export const PLACEMENT_REASONS: Record<Exclude<CommandPlacement, 'line'>, string> = {
  quote: 'it is inside a quote',
  code: 'it is inside code',
  html: 'it is inside an HTML comment or block',
  details: 'it is inside a collapsed <details> block',
  list: 'it is inside a list item: type the command on a line of its own',
  'mid-line': 'it is not at the start of a line',
  'look-alike': 'it contains look-alike or invisible characters: type the command plainly',
};
