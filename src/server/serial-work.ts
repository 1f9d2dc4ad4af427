/**
 * Work for one key (one pull request) runs one piece at a time, in arrival order; a piece that
 * arrives while another for the same key is still waiting to start is folded into it, because
 * the waiting one reads everything afresh when it starts. So a burst of events for one PR costs
 * at most two evaluations, and the last one always starts after the last event arrived.
 */
export class SerialWork {
  readonly #running = new Map<string, Promise<void>>();
  readonly #waiting = new Map<string, Promise<void>>();
  #active = 0;
  #idle: (() => void)[] = [];
  readonly #onError: (error: unknown, key: string) => void;

  /** `onError` hears of work that threw: the work after it runs all the same. */
  constructor(onError: (error: unknown, key: string) => void) {
    this.#onError = onError;
  }

  /** Runs `work` after the work before it for `key`; resolves when it (or the work it was folded into) is done. */
  run(key: string, work: () => Promise<void>): { folded: boolean; done: Promise<void> } {
    const waiting = this.#waiting.get(key);
    if (waiting) return { folded: true, done: waiting };
    const before = this.#running.get(key) ?? Promise.resolve();
    this.#active++;
    const done = before.then(async () => {
      this.#waiting.delete(key);
      this.#running.set(key, done);
      try {
        await work();
      } catch (error) {
        this.#onError(error, key);
      } finally {
        if (this.#running.get(key) === done) this.#running.delete(key);
        if (--this.#active === 0) for (const resolve of this.#idle.splice(0)) resolve();
      }
    });
    this.#waiting.set(key, done);
    return { folded: false, done };
  }

  /** Pieces started or waiting. */
  get active(): number {
    return this.#active;
  }

  /** Resolves once no work is left (at once when there is none). */
  idle(): Promise<void> {
    return this.#active === 0 ? Promise.resolve() : new Promise((resolve) => this.#idle.push(resolve));
  }
}
