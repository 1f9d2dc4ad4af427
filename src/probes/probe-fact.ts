import type { JsonScalar, ProbeFact, ProbeOutcome, HttpProbeFact, TlsProbeFact } from '../core/evidence/probe-fact.ts';

// The facts are the core's (they go into the evidence snapshot); the options are the runner's.
export type { JsonScalar, ProbeFact, ProbeOutcome, HttpProbeFact, TlsProbeFact };

/** What the runner supplies, not the policy. */
export interface ProbeOptions {
  /**
   * The certificate authorities to trust, instead of Node's bundled roots (Node's `ca`
   * semantics: it replaces them). Tests pass their own CA; production passes nothing.
   */
  ca?: string | Buffer | Array<string | Buffer>;
  /** The clock for `at` and for days left; elapsed times use a monotonic clock instead. */
  now?: () => Date;
  /** The wait before the one retry; 500 ms unless given (tests pass a few ms). */
  retryDelayMs?: number;
}
