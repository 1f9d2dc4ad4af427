import type { EvidenceProblem, Readable } from '../../core/evidence/snapshot.ts';
import { describeApiError } from '../api-problem.ts';

/** Runs one read; a failure becomes a problem that says what to fix, never an empty answer. */
export async function readable<T>(what: string, read: () => Promise<T>, explain?: (problem: EvidenceProblem) => EvidenceProblem): Promise<Readable<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    const problem = describeApiError(error, what);
    return { ok: false, problem: explain ? explain(problem) : problem };
  }
}
