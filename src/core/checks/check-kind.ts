import type { CheckConfig } from '../config/schema.ts';
import type { CheckResult, RoleResult } from '../evaluation/result.ts';
import type { LookupReader } from '../evidence/lookups.ts';
import type { EvidenceProblem, EvidenceSnapshot, PlannedSource, Readable, SourceName } from '../evidence/snapshot.ts';

export interface CheckContext {
  snapshot: EvidenceSnapshot;
  /** Sign-off results by role, already decided. */
  roles: ReadonlyMap<string, RoleResult>;
  /** Evidence that depends on other evidence (e.g. a reviewer's permission). */
  lookups: LookupReader;
  /** The policy's `writers:`: who may write each status context or check run. */
  writers: Readonly<Record<string, readonly string[]>>;
}

/** What a kind of check decides; the caller adds id, name and required. */
export type CheckVerdict = Omit<CheckResult, 'id' | 'name' | 'required'>;

export interface CheckKindModule {
  /** The evidence sources this check needs. */
  sources(check: CheckConfig): PlannedSource[];
  evaluate(check: CheckConfig, context: CheckContext): CheckVerdict;
}

/** A source the plan asked for but the adapter did not provide is unreadable, never empty. */
export function source<K extends SourceName>(snapshot: EvidenceSnapshot, name: K): NonNullable<EvidenceSnapshot['sources'][K]> {
  const value = snapshot.sources[name];
  if (value) return value as NonNullable<EvidenceSnapshot['sources'][K]>;
  return {
    ok: false,
    problem: { what: name, message: 'this evidence was not gathered', fix: 'report this as a bug in release-readiness' },
  } as NonNullable<EvidenceSnapshot['sources'][K]>;
}

export function unknownVerdict(problem: EvidenceProblem): CheckVerdict {
  return {
    outcome: 'unknown',
    summary: `Could not read ${problem.what}: ${problem.message}`,
    fix: problem.fix,
    blocker: `cannot read ${problem.what}`,
    problem,
  };
}

/** The first unreadable source among several, if any. */
export function firstProblem(...sources: Readable<unknown>[]): EvidenceProblem | undefined {
  for (const item of sources) if (!item.ok) return item.problem;
  return undefined;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
