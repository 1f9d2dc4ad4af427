import { findCandidate } from './find-candidate.ts';
import { placeCandidates } from './place-candidates.ts';
import type { CommandPlacement } from './placement.ts';
import { splitLines } from './source-lines.ts';

export type { CommandPlacement } from './placement.ts';

export interface ParsedCommand {
  verb: 'signoff' | 'waive';
  cancel: boolean;
  /** role for signoff, check id for waive */
  target: string;
  /** the note (signoff) or reason (waive), trimmed, '' if none */
  text: string;
  /** 1-based line in the comment body */
  line: number;
  /** the raw line as typed, trimmed, truncated to 200 chars */
  raw: string;
  /** where it stood: only 'line' may ever count */
  placement: CommandPlacement;
}

/** Truncates to 200 code points, so a surrogate pair is never cut in half. */
const truncate = (text: string): string => (text.length <= 200 ? text : Array.from(text).slice(0, 200).join(''));

/**
 * Finds the gate's commands in a pull request comment: `/signoff <role> [note]`, `/signoff cancel <role>`,
 * `/waive <check> <reason>`, `/waive cancel <check>`. Every command found is returned with where it stood,
 * so the gate can say why one did not count; only placement 'line' may count. At most one per line. A line
 * that starts like a command but breaks its grammar (`/signoff`, `/signoff Security!`) is not returned.
 * A waiver without a reason is, so the gate can say one is required. Never throws.
 */
export function parseCommands(body: string): ParsedCommand[] {
  if (typeof body !== 'string' || body === '') return [];
  try {
    const lines = splitLines(body);
    const memo = new Map<number, string>();
    const candidates = lines.flatMap((line, index) => findCandidate(line, index, memo) ?? []);
    if (candidates.length === 0) return [];
    const placements = placeCandidates(body, lines, candidates);
    return candidates.map(({ verb, cancel, target, text, line }) => {
      const raw = truncate((lines[line]?.text ?? '').trim());
      return { verb, cancel, target, text, line: line + 1, raw, placement: placements.get(line) ?? 'mid-line' };
    });
  } catch {
    // Not expected; should it happen, no command counts rather than the gate failing.
    return [];
  }
}
