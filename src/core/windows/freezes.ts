import { parseInstant } from './iso-instant.ts';

/** A freeze as written in the config. */
export interface FreezeSpec {
  from: string;
  to: string;
  reason: string;
}

/** A stretch during which nothing merges, window or not: from `from` (included) to `to` (excluded), epoch ms. */
export interface Freeze {
  from: number;
  to: number;
  reason: string;
}

/** What is wrong with one freeze: `index` into the list, the `field` at fault (null for the pair). */
export interface FreezeError {
  index: number;
  field: 'from' | 'to' | 'reason' | null;
  message: string;
}

export type FreezesParse = { ok: true; freezes: Freeze[] } | { ok: false; errors: FreezeError[] };

function parseFreeze(spec: FreezeSpec, index: number): Freeze | FreezeError[] {
  const errors: FreezeError[] = [];
  const from = parseInstant(spec.from);
  const to = parseInstant(spec.to);
  if (!from.ok) errors.push({ index, field: 'from', message: from.message });
  if (!to.ok) errors.push({ index, field: 'to', message: to.message });
  // The reason is what the pending status shows: "frozen for <reason>" needs one.
  if (spec.reason.trim() === '') errors.push({ index, field: 'reason', message: 'empty reason: say why merging stops, e.g. `year-end freeze`' });
  if (!from.ok || !to.ok) return errors;
  if (from.instant >= to.instant) errors.push({ index, field: null, message: `the freeze ends (\`${spec.to.trim()}\`) before it starts (\`${spec.from.trim()}\`): \`from\` must be earlier than \`to\`` });
  return errors.length > 0 ? errors : { from: from.instant, to: to.instant, reason: spec.reason.trim() };
}

/**
 * Freezes from the config: timestamps with an offset or `Z` (a bare local time would name a
 * different instant for every reader), `from` before `to`, and a reason. Overlapping freezes
 * are fine. Every freeze's errors are reported, not only the first.
 */
export function parseFreezes(specs: readonly FreezeSpec[]): FreezesParse {
  const parsed = specs.map(parseFreeze);
  const errors = parsed.flatMap((result) => (Array.isArray(result) ? result : []));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, freezes: parsed as Freeze[] };
}
