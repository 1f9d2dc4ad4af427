import type { RateLimitReading } from './rate-budget.ts';

export function clockTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(11, 16);
}

/** The gate held a request back: GitHub's answers said the token's budget for this hour is spent. */
export class RateLimitSpent extends Error {
  readonly reading: RateLimitReading;

  constructor(reading: RateLimitReading) {
    super(`GitHub's rate limit for this token is spent (${reading.limit} requests an hour; it resets at ${clockTime(reading.reset)} UTC)`);
    this.reading = reading;
  }
}

/** When the budget resets, in words, from an answer's headers; '' when they do not say. */
export function resetPhrase(reset: unknown): string {
  const seconds = Number(reset);
  return Number.isFinite(seconds) && seconds > 0 ? ` (it resets at ${clockTime(seconds)} UTC)` : '';
}
