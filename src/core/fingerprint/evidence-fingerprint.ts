import type { EvidenceSnapshot, EvidenceSources, PlannedSource, Readable } from '../evidence/snapshot.ts';
import { isGateComment } from '../markers/gate-comments.ts';

/**
 * The sources that can change while a PR's head, title, body and labels stay the same: what a
 * scheduled run must read again to know whether an evaluation still holds. The others (changed
 * files, the head's tree, the record of pushes, commits) follow from the head commit.
 */
const CHANGING: readonly PlannedSource[] = ['comments', 'statuses', 'checkRuns', 'reviews', 'dependabotAlerts', 'secretScanningAlerts', 'codeScanningAlerts', 'baseStatuses', 'baseCheckRuns'];

export function changingSources(plan: readonly PlannedSource[]): PlannedSource[] {
  return plan.filter((source) => CHANGING.includes(source));
}

/** Bumped whenever what the material holds changes, so that an older fingerprint never matches. */
export const FINGERPRINT_VERSION = 1;

function readable<T, U>(source: Readable<T> | undefined, shape: (value: T) => U): U | string | null {
  if (source === undefined) return null;
  return source.ok ? shape(source.value) : `unreadable: ${source.problem.message}`;
}

/**
 * Everything an evaluation of `snapshot` depended on that can change without a new head, as
 * one string: equal strings mean the evaluation would come out the same (until its
 * `reconsiderAt`). The gate's own traces are left out (its comments, its 👍, its status and its
 * own job), since writing them must not make the next run look changed. Lookups that only
 * change with the head are covered by the head; team and role changes are not, which is why
 * a fingerprint also expires (see the gate's sweep).
 */
export function fingerprintMaterial(snapshot: EvidenceSnapshot, gateVersion: string): string {
  const { pullRequest: pr, gate, sources } = snapshot;
  const identity = gate.identity;
  const own = new Set(gate.ownCheckNames);
  const shaped: Record<string, unknown> = {
    comments: readable(sources.comments, (comments) =>
      comments.filter((comment) => !isGateComment(comment, identity)).map((comment) => [comment.id, comment.updatedAt, comment.user?.login ?? null, comment.viaApp]),
    ),
    statuses: readable(sources.statuses, (statuses) => statuses.filter((status) => status.context !== gate.context)),
    checkRuns: readable(sources.checkRuns, (runs) => runs.filter((run) => !own.has(run.name))),
    reviews: readable(sources.reviews, (reviews) => reviews),
  };
  for (const name of ['dependabotAlerts', 'secretScanningAlerts', 'codeScanningAlerts', 'baseStatuses', 'baseCheckRuns'] as const satisfies (keyof EvidenceSources)[]) {
    shaped[name] = readable(sources[name] as Readable<unknown> | undefined, (value) => value);
  }
  const policy = snapshot.policy.ok ? { ref: snapshot.policy.value.ref, text: snapshot.policy.value.text } : `unreadable: ${snapshot.policy.problem.message}`;
  return JSON.stringify({
    v: FINGERPRINT_VERSION,
    gate: gateVersion,
    identity: identity.login,
    pr: { head: pr.head.sha, base: pr.base.ref, title: pr.title, body: pr.body, draft: pr.draft, labels: [...pr.labels].sort(), author: pr.author.login, state: pr.state },
    policy,
    sources: shaped,
  });
}
