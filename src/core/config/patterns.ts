import { errorMessage } from '../errors/error-message.ts';
import picomatch from 'picomatch';
import { linearRegex } from './linear-regex.ts';

/** Compiles a glob the way the gate matches branches and paths; throws on a glob that cannot compile. */
export function compileGlob(glob: string): (value: string) => boolean {
  // dot: true so that `**` also matches paths like .github/workflows/ci.yml.
  const matcher = picomatch(glob, { dot: true, strictBrackets: true });
  // One argument only: picomatch's second one asks for a (truthy) result object, so
  // passing the matcher straight to Array#some would match everything.
  return (value) => matcher(value) === true;
}

// Compiling is most of the cost of matching: a policy's globs are few and matched against
// thousands of paths, so each is compiled once. Bounded, since a policy's text is not ours.
const MAX_COMPILED = 4096;
const compiled = new Map<string, (value: string) => boolean>();

function compiledGlob(glob: string): (value: string) => boolean {
  let matcher = compiled.get(glob);
  if (!matcher) {
    matcher = compileGlob(glob);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(glob, matcher);
  }
  return matcher;
}

export function matchesAnyGlob(globs: readonly string[], value: string): boolean {
  return globs.some((glob) => compiledGlob(glob)(value));
}

/** Returns a message when the glob cannot be used, else null. */
export function globProblem(glob: string): string | null {
  if (glob.trim() === '') return 'a glob must not be empty';
  try {
    compileGlob(glob);
    return null;
  } catch (error) {
    return `\`${glob}\` is not a valid glob: ${errorMessage(error)}`;
  }
}

/** Returns a message when the regular expression cannot be compiled for linear-time matching, else null. */
export function regexProblem(source: string): string | null {
  try {
    linearRegex(source);
    return null;
  } catch (error) {
    const message = errorMessage(error).replace(/^error parsing regexp: /, '');
    // RE2 refuses what only a backtracking engine can run: say so, so the fix is clear.
    const backtracking = /unsupported Perl syntax|invalid escape sequence: `\\[1-9k]/.test(message);
    return backtracking
      ? `\`${source}\` needs backtracking (a backreference or lookaround), which the gate does not run on text a PR controls: ${message}`
      : `\`${source}\` is not a valid regular expression: ${message}`;
  }
}
