/**
 * Spaces content-creating requests (POST, PATCH, PUT, DELETE) only as GitHub requires: at most
 * 80 in any minute and 500 in any hour for one token
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits).
 * A run for one PR writes two or three times and never waits. A write that would have to wait
 * longer than `maxWaitMs` is refused instead, so that a run over many PRs stops cleanly rather
 * than hold a runner (and spend a PR's time limit) waiting.
 */
export interface PacerWindow {
  limit: number;
  ms: number;
}

export const GITHUB_WRITE_WINDOWS: readonly PacerWindow[] = [
  { limit: 80, ms: 60_000 },
  { limit: 500, ms: 3_600_000 },
];

export class WritesSpent extends Error {
  readonly waitMs: number;

  constructor(waitMs: number) {
    super(`GitHub allows at most 80 content-creating requests a minute and 500 an hour; the next would have to wait ${waitMs >= 60_000 ? `${Math.ceil(waitMs / 60_000)} min` : `${Math.ceil(waitMs / 1000)} s`}`);
    this.waitMs = waitMs;
  }
}

export class WritePacer {
  readonly #windows: readonly PacerWindow[];
  readonly #maxWaitMs: number;
  readonly #clock: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  /** Start times of past writes, oldest first, as many as the largest window holds. */
  readonly #starts: number[] = [];
  #queue: Promise<void> = Promise.resolve();

  constructor(options: { windows?: readonly PacerWindow[]; maxWaitMs?: number; clock?: () => number; sleep?: (ms: number) => Promise<void> } = {}) {
    this.#windows = options.windows ?? GITHUB_WRITE_WINDOWS;
    this.#maxWaitMs = options.maxWaitMs ?? 20_000;
    this.#clock = options.clock ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** How long until every window has room for `slots` more writes. */
  #waitMs(now: number, slots = 1): number {
    let wait = 0;
    for (const { limit, ms } of this.#windows) {
      const allowed = limit - slots;
      if (allowed < 0) return Infinity;
      if (this.#starts.length <= allowed) continue;
      // The write that must leave the window first for `slots` more to fit.
      const leaving = this.#starts[this.#starts.length - allowed - 1]!;
      wait = Math.max(wait, leaving + ms - now);
    }
    return wait;
  }

  /**
   * Waits until the windows have room for `slots` writes, without taking them: a run over many
   * PRs starts a PR only when its writes can go at once, so that no PR's own time limit is
   * spent waiting. False, at once, when the wait would be longer than `maxWaitMs`.
   */
  async room(slots: number, maxWaitMs: number): Promise<boolean> {
    const wait = this.#waitMs(this.#clock(), slots);
    if (wait > maxWaitMs) return false;
    if (wait > 0) await this.#sleep(wait);
    return true;
  }

  /** Resolves when a write may start (and records it); writers are let through in turn. */
  take(): Promise<void> {
    const turn = this.#queue.then(async () => {
      const wait = this.#waitMs(this.#clock());
      if (wait > this.#maxWaitMs) throw new WritesSpent(wait);
      if (wait > 0) await this.#sleep(wait);
      this.#starts.push(this.#clock());
      const keep = Math.max(...this.#windows.map((w) => w.limit));
      if (this.#starts.length > keep) this.#starts.splice(0, this.#starts.length - keep);
    });
    this.#queue = turn.catch(() => {});
    return turn;
  }

  /** Writes started so far that still fall in the shortest window: for the log. */
  get recent(): number {
    return this.#starts.length;
  }
}
