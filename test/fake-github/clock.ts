// A controllable clock, so that timestamps in responses and payloads are
// deterministic. Every mutation of the fake ticks it by one second, which keeps
// "created before updated" orderings strict without sleeping in tests.
export const startTime = Date.parse('2026-11-21T09:00:00Z');

export class Clock {
  #ms = startTime;

  now(): Date {
    return new Date(this.#ms);
  }

  /** Seconds since the epoch, as in x-ratelimit-reset. */
  epochSeconds(): number {
    return Math.floor(this.#ms / 1000);
  }

  /** GitHub renders timestamps without milliseconds: 2026-11-21T09:00:05Z. */
  iso(): string {
    return formatTime(this.#ms);
  }

  advance(seconds: number): string {
    this.#ms += seconds * 1000;
    return this.iso();
  }

  /** Called by every mutation: moves one second on and returns the new time. */
  tick(): string {
    return this.advance(1);
  }
}

export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
