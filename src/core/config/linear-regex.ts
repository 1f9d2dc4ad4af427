import { RE2JS } from 're2js';

/**
 * Regular expressions from a policy run on text anyone can write (a PR's title and body). A
 * backtracking engine can take years on a 250-character title for `(a+)+b`; RE2 takes time
 * linear in the input, whatever the pattern, and refuses what needs backtracking
 * (backreferences, lookaround) at validation.
 */
export interface LinearRegex {
  test(input: string): boolean;
  /** The first match's first group (or the whole match, without groups); null when none. */
  capture(input: string): string | null;
}

const compiled = new Map<string, LinearRegex>();

/** Compiles `source` once per run; throws RE2's syntax error for a pattern it cannot run in linear time. */
export function linearRegex(source: string): LinearRegex {
  let regex = compiled.get(source);
  if (!regex) {
    const re = RE2JS.compile(source);
    regex = {
      test: (input) => re.test(input),
      capture: (input) => {
        const matcher = re.matcher(input);
        if (!matcher.find()) return null;
        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group(0);
      },
    };
    compiled.set(source, regex);
  }
  return regex;
}
