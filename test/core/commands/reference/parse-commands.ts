import { findCandidate, type Candidate } from './find-candidate.ts';
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

const RAW_LIMIT = 200;

/** Truncates by code points, so a surrogate pair is never cut in half. */
function truncate(text: string): string {
  if (text.length <= RAW_LIMIT) return text;
  let out = '';
  let count = 0;
  for (const char of text) {
    if (count++ === RAW_LIMIT) break;
    out += char;
  }
  return out;
}

/**
 * Finds the gate's commands in a pull request comment: `/signoff <role> [note]`,
 * `/signoff cancel <role>`, `/waive <check> <reason>`, `/waive cancel <check>`.
 * Every command found is returned with where it stood, so the gate can say why
 * one did not count; only placement 'line' may count. At most one per line.
 * A line that starts like a command but breaks its grammar (`/signoff`,
 * `/signoff Security!`, `/waive check` without a reason) is not a command and
 * is not returned. Never throws.
 */
export function parseCommands(body: string): ParsedCommand[] {
  if (typeof body !== 'string' || body === '') return [];
  try {
    const lines = splitLines(body);
    const memo = new Map<number, string>();
    const candidates: Candidate[] = [];
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index];
      const candidate = line ? findCandidate(line, index, memo) : null;
      if (candidate) candidates.push(candidate);
    }
    if (candidates.length === 0) return [];
    const placements = placeCandidates(body, lines, candidates);
    return candidates.map((candidate) => ({
      verb: candidate.verb,
      cancel: candidate.cancel,
      target: candidate.target,
      text: candidate.text,
      line: candidate.line + 1,
      raw: truncate((lines[candidate.line]?.text ?? '').trim()),
      placement: placements.get(candidate.line) ?? 'mid-line',
    }));
  } catch {
    // Not expected; should it happen, no command counts rather than the gate failing.
    return [];
  }
}
