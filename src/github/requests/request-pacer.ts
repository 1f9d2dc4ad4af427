/**
 * Spaces requests only as GitHub's secondary rate limits require
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits):
 * at most 900 points a minute (a read costs 1, a write 5), and at most 80 content-creating
 * requests (POST, PATCH, PUT, DELETE) a minute and 500 an hour. A run for one PR makes a dozen
 * requests and never waits. A request that would have to wait longer than `maxWaitMs` is
 * refused instead, so that a run over many PRs stops cleanly rather than hold a runner (and
 * spend a PR's time limit) waiting.
 */
export interface PacerWindow {
  name: string;
  limit: number;
  ms: number;
  /** What a request costs in this window; 0: it does not count here. */
  cost: (method: string) => number;
}

const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

export const GITHUB_SECONDARY_LIMITS: readonly PacerWindow[] = [
  { name: '900 points a minute', limit: 900, ms: 60_000, cost: (method) => (isWrite(method) ? 5 : 1) },
  { name: '80 content-creating requests a minute', limit: 80, ms: 60_000, cost: (method) => (isWrite(method) ? 1 : 0) },
  { name: '500 content-creating requests an hour', limit: 500, ms: 3_600_000, cost: (method) => (isWrite(method) ? 1 : 0) },
];

export class PacingRefused extends Error {
  readonly waitMs: number;

  constructor(window: string, waitMs: number) {
    super(`GitHub allows at most ${window}; the next request would have to wait ${waitMs >= 120_000 ? `${Math.ceil(waitMs / 60_000)} min` : `${Math.ceil(waitMs / 1000)} s`}`);
    this.waitMs = waitMs;
  }
}

/**
 * GitHub counts a request when it arrives, the pacer when it is sent: a request is let out only
 * a second after the one it replaces left GitHub's window, so that the two never disagree.
 */
const ARRIVAL_MARGIN_MS = 1_000;

interface Spent {
  at: number;
  cost: number;
}

class SlidingWindow {
  readonly #window: PacerWindow;
  /** What was spent, oldest first, within the window. */
  #spent: Spent[] = [];

  constructor(window: PacerWindow) {
    this.#window = window;
  }

  get name(): string {
    return this.#window.name;
  }

  cost(method: string): number {
    return this.#window.cost(method);
  }

  /** How long until `cost` more fits. */
  waitMs(now: number, cost: number): number {
    const { limit } = this.#window;
    const ms = this.#window.ms + ARRIVAL_MARGIN_MS;
    if (cost === 0) return 0;
    if (cost > limit) return Infinity;
    this.#spent = this.#spent.filter((entry) => entry.at > now - ms);
    let inWindow = this.#spent.reduce((sum, entry) => sum + entry.cost, 0);
    if (inWindow + cost <= limit) return 0;
    for (const entry of this.#spent) {
      inWindow -= entry.cost;
      if (inWindow + cost <= limit) return entry.at + ms - now;
    }
    return Infinity;
  }

  /** Counts `cost` from `now`; the entry returned is moved later once the request is answered. */
  spend(now: number, cost: number): Spent | null {
    if (cost === 0) return null;
    const entry = { at: now, cost };
    this.#spent.push(entry);
    return entry;
  }
}

export class RequestPacer {
  readonly #windows: SlidingWindow[];
  readonly #maxWaitMs: number;
  readonly #clock: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  #queue: Promise<void> = Promise.resolve();

  constructor(options: { windows?: readonly PacerWindow[]; maxWaitMs?: number; clock?: () => number; sleep?: (ms: number) => Promise<void> } = {}) {
    this.#windows = (options.windows ?? GITHUB_SECONDARY_LIMITS).map((window) => new SlidingWindow(window));
    this.#maxWaitMs = options.maxWaitMs ?? 20_000;
    this.#clock = options.clock ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The longest wait any window asks for `count` requests of `method`, and that window. */
  #wait(method: string, count: number): { ms: number; window: string } {
    const now = this.#clock();
    let longest = { ms: 0, window: '' };
    for (const window of this.#windows) {
      const ms = window.waitMs(now, window.cost(method) * count);
      if (ms > longest.ms) longest = { ms, window: window.name };
    }
    return longest;
  }

  /**
   * Resolves when a request may be sent (and counts it); requests are let through in turn. Call
   * the function it resolves to once the request is answered: a request can wait in Octokit's
   * queue before it leaves, and GitHub counts it when it arrives, so the pacer counts it from
   * its answer, the latest it can have arrived.
   */
  take(method: string): Promise<() => void> {
    const turn = this.#queue.then(async () => {
      const wait = this.#wait(method, 1);
      if (wait.ms > this.#maxWaitMs) throw new PacingRefused(wait.window, wait.ms);
      if (wait.ms > 0) await this.#sleep(wait.ms);
      const now = this.#clock();
      const entries = this.#windows.map((window) => window.spend(now, window.cost(method))).filter((entry): entry is Spent => entry !== null);
      return () => {
        const answered = this.#clock();
        for (const entry of entries) entry.at = Math.max(entry.at, answered);
      };
    });
    this.#queue = turn.then(
      () => {},
      () => {},
    );
    return turn;
  }

  /**
   * Waits until there is room for `writes` writes, without taking it: a run over many PRs starts
   * a PR only when its writes can go at once, so that no PR's own time limit is spent waiting.
   * False, at once, when the wait would be longer than `maxWaitMs`.
   */
  async room(writes: number, maxWaitMs: number): Promise<boolean> {
    const wait = this.#wait('POST', writes);
    if (wait.ms > maxWaitMs) return false;
    if (wait.ms > 0) await this.#sleep(wait.ms);
    return true;
  }
}
