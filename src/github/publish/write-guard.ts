/** The evaluation of a PR ran past its time budget: it may no longer write anything. */
export class BudgetExceeded extends Error {}

/**
 * Lets an evaluation write only while it is within its budget. Every write goes through
 * `write`, which refuses once the budget is spent; `close` refuses further writes and waits
 * for the ones already sent, so that the error status that follows is the last word.
 */
export class WriteGuard {
  readonly #inFlight = new Set<Promise<unknown>>();
  #closed: string | null = null;

  async write<T>(send: () => Promise<T>): Promise<T> {
    if (this.#closed !== null) throw new BudgetExceeded(this.#closed);
    const sent = send();
    this.#inFlight.add(sent);
    try {
      return await sent;
    } finally {
      this.#inFlight.delete(sent);
    }
  }

  async close(reason: string): Promise<void> {
    this.#closed = reason;
    await Promise.allSettled([...this.#inFlight]);
  }
}
