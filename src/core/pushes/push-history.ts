import type { PushFact, PushRecord } from '../evidence/snapshot.ts';

/** The SHA GitHub records as `before` of a branch's creation and `after` of its deletion. */
export const NO_COMMIT = '0000000000000000000000000000000000000000';

/** When `sha` last became the branch's tip; null when the record does not show it (yet). */
export function lastPushOf(record: PushRecord, sha: string): PushFact | null {
  return record.pushes.find((push) => push.after === sha) ?? null;
}

/**
 * The branch's tip at a moment: the commit of the latest move before it. GitHub's timestamps
 * have whole seconds, so a move in the same second as the moment counts as after it: a
 * command is never bound to a commit that may have arrived after it. Null when the record
 * does not reach back that far.
 */
export function tipAt(record: PushRecord, atIso: string): string | null {
  const at = Date.parse(atIso);
  return record.pushes.find((push) => Date.parse(push.at) < at)?.after ?? null;
}

/** The tips the branch had from a moment on, oldest first: every commit it moved to since. */
export function tipsSince(record: PushRecord, atIso: string): string[] {
  const at = Date.parse(atIso);
  return record.pushes
    .filter((push) => Date.parse(push.at) >= at)
    .map((push) => push.after)
    .reverse();
}

/** The oldest move the record holds. */
export function oldestPush(record: PushRecord): PushFact | null {
  return record.pushes.at(-1) ?? null;
}

/** Everyone who moved the branch, by lower-cased login, with their latest move. */
export function pushers(record: PushRecord): Map<string, PushFact> {
  const byLogin = new Map<string, PushFact>();
  for (const push of record.pushes) {
    const login = push.actor?.toLowerCase();
    if (login && !byLogin.has(login)) byLogin.set(login, push);
  }
  return byLogin;
}

/** `refs/heads/release-1.4` → `release-1.4`, for messages. */
export function branchName(record: PushRecord): string {
  return record.ref.replace(/^refs\/heads\//, '');
}
