export interface NetworkSettings {
  /** A request that hangs longer fails, and is retried like a 5xx. */
  requestTimeoutMs: number;
  /** Retries of a 5xx or a hang; the waits grow as 1, 4, 9 times the base. */
  retries: number;
  retryBaseMs: number;
  /** Waits before looking again for a head that GitHub's activity feed does not show yet. */
  activityWaitsMs: number[];
}

/**
 * A persistent 5xx costs at most 4 attempts and 0.5 + 2 + 4.5 = 7 s of waiting; a request
 * that hangs, 10 s each time. Past that the run reports `error` rather than hold the runner.
 * GitHub records a push in its activity feed within seconds: a head it does not show yet is
 * looked for again after 1, 2 and 4 s.
 */
export const DEFAULT_NETWORK: NetworkSettings = { requestTimeoutMs: 10_000, retries: 3, retryBaseMs: 500, activityWaitsMs: [1000, 2000, 4000] };
