import { parseCommands, type ParsedCommand } from '../commands/parse-commands.ts';
import { parseConfig, type ConfigParse } from '../config/parse-config.ts';
import type { CommentFact } from '../evidence/snapshot.ts';

/**
 * The parses of one run, kept: readiness.yml and every comment are parsed once, however often
 * the PR is evaluated (each follow-up round evaluates it again). Parsing is a pure function of
 * the text, so a memo changes how long an evaluation takes, never what it decides.
 */
export interface ParseMemo {
  config(text: string): ConfigParse;
  /** The commands in a comment, parsed again only when its body changed. */
  commands(comment: CommentFact): ParsedCommand[];
  /** How many real parses happened. */
  readonly counts: { readonly configs: number; readonly comments: number };
}

export function createParseMemo(): ParseMemo {
  const configs = new Map<string, ConfigParse>();
  const comments = new Map<number, { body: string; commands: ParsedCommand[] }>();
  const counts = { configs: 0, comments: 0 };
  return {
    counts,
    config: (text) => {
      let parsed = configs.get(text);
      if (parsed === undefined) {
        parsed = parseConfig(text);
        configs.set(text, parsed);
        counts.configs++;
      }
      return parsed;
    },
    commands: (comment) => {
      const known = comments.get(comment.id);
      if (known?.body === comment.body) return known.commands;
      const commands = parseCommands(comment.body);
      comments.set(comment.id, { body: comment.body, commands });
      counts.comments++;
      return commands;
    },
  };
}
