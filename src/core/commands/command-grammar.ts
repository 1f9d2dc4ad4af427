/** The parts of a command, as typed after its slash. */
export interface CommandParts {
  verb: 'signoff' | 'waive';
  cancel: boolean;
  target: string;
  text: string;
}

// `[\s\S]*` rather than `.*`: a note may hold U+2028, which `.` refuses.
// The note is captured whole and trimmed in code, so no regex backtracks over it.
const STRICT = /^\/(signoff|waive)[ \t]+(?:(cancel)[ \t]+)?([a-z0-9][a-z0-9_-]*)(?:[ \t]([\s\S]*))?$/;
// Where a command can never count we still want to say why, so the target may be
// followed by any character that cannot continue a token (`**`, a backtick, `-->`).
// Its note starts only after a space: `**/signoff qa**` has no note, not a note of "**".
const LENIENT = /^\/(signoff|waive)[ \t]+(?:(cancel)[ \t]+)?([a-z0-9][a-z0-9_-]*)(?:[ \t]([\s\S]*)|(?![A-Za-z0-9_-]))/;

function build(match: RegExpExecArray | null): CommandParts | null {
  const [, verb, cancel, target, rest] = match ?? [];
  // `cancel` is a keyword: `/signoff cancel` with no role is malformed, not a role named "cancel".
  if (verb === undefined || target === undefined || target === 'cancel') return null;
  // A waiver without a reason is still returned (with empty text), so the evaluator can say a reason is required.
  return { verb: verb === 'waive' ? 'waive' : 'signoff', cancel: cancel !== undefined, target, text: (rest ?? '').trim() };
}

/** `value` (starting at the slash) is exactly a command: tokens separated by ASCII spaces or tabs. */
export const parseStrict = (value: string): CommandParts | null => build(STRICT.exec(value));

/** Like parseStrict, but the target may end at punctuation; only for reporting commands that cannot count. */
export const parseLenient = (value: string): CommandParts | null => build(LENIENT.exec(value));

/** Up to three spaces, then a strict command: the only shape of line that may count. */
export function parseCommandLine(line: string): { parts: CommandParts; column: number } | null {
  const column = /^ {0,3}/.exec(line)?.[0].length ?? 0;
  const parts = line.charCodeAt(column) === 47 ? parseStrict(line.slice(column)) : null;
  return parts ? { parts, column } : null;
}
