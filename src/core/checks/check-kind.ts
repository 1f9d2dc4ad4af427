import type { CheckKind, CheckOf } from '../config/schema.ts';
import type { LookupReader } from '../evidence/lookups.ts';
import type { EvidenceProblem, EvidenceSnapshot, PlannedSource, SourceName } from '../evidence/snapshot.ts';
import type { CheckResult } from '../model/check-result.ts';
import type { EvidenceSource } from '../model/evidence-source.ts';
import { quoted, rich } from '../model/rich-text.ts';
import { todo } from '../model/todo.ts';
import type { RoleResult } from '../model/role-result.ts';

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

/** One kind of check: given a check of that kind, the evidence it needs and what it decides. */
export interface CheckKindModule<K extends CheckKind> {
  sources(check: CheckOf<K>): PlannedSource[];
  evaluate(check: CheckOf<K>, context: CheckContext): CheckVerdict;
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
    summary: rich`Could not read ${quoted(problem.what)}: ${quoted(problem.message)}`,
    fix: quoted(problem.fix),
    todos: [todo({ kind: 'maintainers' }, quoted(problem.fix))],
    blocker: `cannot read ${problem.what}`,
    problem,
  };
}

/**
 * A part of the PR itself as evidence (its labels, its description). GitHub does not record who
 * last changed it, and anyone who can write to the repository can: it names no writer.
 */
export function pullRequestPart(name: 'labels' | 'description', context: CheckContext): EvidenceSource {
  return { kind: 'pull request', name, url: context.snapshot.pullRequest.htmlUrl, writer: null };
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
