// The building blocks of the policy's schemas (zod/mini: the same schemas as zod's chained API,
// for a fraction of its start-up cost; the chained API puts every method on every schema object,
// and the bundle loads it on every event).
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { globProblem, regexProblem } from './patterns.ts';

/** Names that people type after `/signoff` (and check ids): lowercase so a command is unambiguous. */
export const NAME = /^[a-z0-9][a-z0-9_-]*$/;
export const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

// zod/mini leaves messages to a locale; parse-config.ts rewrites or passes on zod's English ones.
z.config(en());

export const name = (what: string) => z.string().check(z.regex(NAME, { error: `a ${what} is lowercase letters, digits, '-' and '_', starting with a letter or digit` }));

/** A string that a check of its own accepts: `problemOf` says what is wrong with it, or null. */
export const checkedString = (problemOf: (value: string) => string | null) =>
  z.string().check(
    z.superRefine((value, ctx) => {
      const problem = problemOf(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );

export const globSchema = checkedString(globProblem);

export const regex = checkedString(regexProblem);

export const globs = z.array(globSchema).check(z.minLength(1, { error: 'list at least one glob' }));

export const atLeastOne =
  (keys: string[]) =>
  (value: Record<string, unknown>, ctx: z.core.$RefinementCtx): void => {
    if (keys.every((key) => value[key] === undefined)) {
      ctx.addIssue({ code: 'custom', message: `give at least one of: ${keys.join(', ')}` });
    }
  };

/** A list of one or more labels, none empty. */
export const labelList = () => z.array(z.string().check(z.minLength(1))).check(z.minLength(1));


/** "30m", "24h", "7d", "2w" → milliseconds. */
export const duration = z.pipe(
  z.string().check(z.regex(/^[1-9][0-9]*[mhdw]$/, { error: 'a duration like 30m, 24h, 7d or 2w' })),
  z.transform((value: string) => Number(value.slice(0, -1)) * { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[value.slice(-1) as 'm' | 'h' | 'd' | 'w']),
);
