import { matchesAnyGlob } from '../config/patterns.ts';
import type { CheckRunFact, StatusFact } from '../evidence/snapshot.ts';

/**
 * A status or check run is evidence only from the writer the policy expects. Anyone with
 * `statuses: write` can set any context, so a CI context turned green by another account, or a
 * check run of the right name from another App, must not count.
 */
export type Attributed<T> = { kind: 'trusted'; items: T[]; ignored: string[] } | { kind: 'suspect'; writers: string[] };

const same = (a: string | null | undefined, b: string) => a !== null && a !== undefined && a.toLowerCase() === b.toLowerCase();
const slugOf = (account: string) => account.replace(/\[bot\]$/i, '');

/** Whether a login is the account `writers:` names (an App by `<slug>[bot]` or its slug alone). */
export function sameAccount(login: string | null | undefined, account: string): boolean {
  return same(login, account) || same(login, `${slugOf(account)}[bot]`);
}

/** The accounts `writers:` names for a context or check name (an App as `<slug>[bot]` or its slug); null when none. */
export function namedWriters(writers: Readonly<Record<string, readonly string[]>>, name: string): string[] | null {
  const named = Object.entries(writers).flatMap(([pattern, accounts]) => (pattern === name || matchesAnyGlob([pattern], name) ? accounts : []));
  return named.length > 0 ? [...new Set(named)] : null;
}

function attribute<T>(items: readonly T[], writerOf: (item: T) => string, expected: readonly string[] | null, matches: (item: T, account: string) => boolean): Attributed<T> {
  if (expected) {
    const trusted = items.filter((item) => expected.some((account) => matches(item, account)));
    const ignored = [...new Set(items.filter((item) => !trusted.includes(item)).map(writerOf))];
    return { kind: 'trusted', items: trusted, ignored };
  }
  // Nobody named: the context belongs to whoever wrote it, as long as only one account did.
  const writers = [...new Set(items.map(writerOf))];
  return writers.length > 1 ? { kind: 'suspect', writers } : { kind: 'trusted', items: [...items], ignored: [] };
}

/** Who wrote a status; null when GitHub no longer knows the account. */
export const statusWriter = (status: StatusFact): string | null => status.creator?.login ?? null;

/** The App that wrote a check run, as `<slug>[bot]`; null when GitHub does not say. */
export const checkRunWriter = (run: CheckRunFact): string | null => (run.appSlug ? `${run.appSlug}[bot]` : null);

/** One context's statuses (newest first), as far as they come from the expected writer. */
export function statusesFrom(statuses: readonly StatusFact[], expected: readonly string[] | null): Attributed<StatusFact> {
  const login = (status: StatusFact) => statusWriter(status) ?? 'an unknown account';
  return attribute(statuses, login, expected, (status, account) => sameAccount(status.creator?.login, account));
}

/** One name's check runs, as far as they come from the expected App. */
export function checkRunsFrom(runs: readonly CheckRunFact[], expected: readonly string[] | null): Attributed<CheckRunFact> {
  const app = (run: CheckRunFact) => checkRunWriter(run) ?? 'an unknown app';
  return attribute(runs, app, expected, (run, account) => same(run.appSlug, slugOf(account)));
}

/** Groups items by a key, keeping their order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
