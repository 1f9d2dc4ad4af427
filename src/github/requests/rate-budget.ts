/** GitHub's primary rate limit for one token, as its last answers told it. */
export interface RateLimitReading {
  limit: number;
  remaining: number;
  /** Epoch seconds, as in x-ratelimit-reset. */
  reset: number;
}

type Headers = Record<string, string | number | undefined>;

function readHeaders(headers: Headers): RateLimitReading | null {
  // Only the core REST limit: search and others have budgets of their own.
  const resource = headers['x-ratelimit-resource'];
  if (resource !== undefined && resource !== 'core') return null;
  const limit = Number(headers['x-ratelimit-limit']);
  const remaining = Number(headers['x-ratelimit-remaining']);
  const reset = Number(headers['x-ratelimit-reset']);
  if (![limit, remaining, reset].every(Number.isFinite) || headers['x-ratelimit-limit'] === undefined) return null;
  return { limit, remaining, reset };
}

/**
 * What is left of the token's primary rate limit, learnt from the headers GitHub sends on every
 * answer (no request of its own). Answers to concurrent requests arrive out of order, so within
 * one window the lowest `remaining` wins, and every request still in flight is counted as spent.
 */
export class RateBudget {
  #reading: RateLimitReading | null = null;
  #inFlight = 0;
  /** GitHub's clock minus this machine's, from the `date` header: the reset is in GitHub's time. */
  #skewMs = 0;
  /** Requests answered with something other than 304, which GitHub counts. */
  counted = 0;
  /** Conditional requests answered 304, which GitHub does not count. */
  notModified = 0;
  /**
   * Why the run must send nothing more, once GitHub refused a request for a rate limit (its hour
   * or a secondary limit) or the gate held one back: evidence read after that may be missing for
   * that reason alone, and proves nothing about a PR.
   */
  stopped: string | null = null;

  sent(): void {
    this.#inFlight++;
  }

  answered(headers: Headers, status: number): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    if (status === 304) this.notModified++;
    else this.counted++;
    const date = Date.parse(String(headers['date'] ?? ''));
    if (Number.isFinite(date)) this.#skewMs = date - Date.now();
    const reading = readHeaders(headers);
    if (!reading) return;
    const current = this.#reading;
    if (!current || reading.reset > current.reset) this.#reading = reading;
    else if (reading.reset === current.reset) this.#reading = { ...reading, remaining: Math.min(reading.remaining, current.remaining) };
  }

  /** No answer at all (a network failure): the request may or may not have counted. */
  failed(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
  }

  /** The last reading, or null before the first answer. */
  get reading(): RateLimitReading | null {
    return this.#reading;
  }

  /** Requests that can still be sent in this window, counting those in flight as spent; Infinity while unknown. */
  available(): number {
    const reading = this.#reading;
    if (!reading) return Infinity;
    if (this.nowSeconds() >= reading.reset) return Infinity;
    return reading.remaining - this.#inFlight;
  }

  /** GitHub's clock, in epoch seconds. */
  nowSeconds(): number {
    return Math.floor((Date.now() + this.#skewMs) / 1000);
  }
}
