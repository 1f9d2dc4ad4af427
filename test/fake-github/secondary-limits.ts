// GitHub's secondary rate limits, per token. The per-minute limits run on real
// time, because a client paces itself on real time (retry-after, spacing of
// writes); the hourly write limit runs on the fake's clock, which tests advance.
// Usage is tracked even while a limit is off, so turning it on mid-test sees
// what came before.
// https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
import type { Clock } from './clock.ts';

export interface SecondaryLimitOptions {
  /** Requests in flight at once. */
  concurrent: number;
  /** Content-creating requests (POST, PATCH, PUT, DELETE) per rolling minute of real time. */
  writesPerMinute: number;
  /** Content-creating requests per rolling hour of the fake's clock. */
  writesPerHour: number;
  /** Points per rolling minute of real time: 1 for GET, HEAD and OPTIONS, 5 for any other method. */
  pointsPerMinute: number;
}

export const defaultSecondaryLimits: Readonly<SecondaryLimitOptions> = { concurrent: 100, writesPerMinute: 80, writesPerHour: 500, pointsPerMinute: 900 };

export type SecondaryLimitReason = keyof SecondaryLimitOptions;

export interface SecondaryLimitHit {
  token: string;
  method: string;
  path: string;
  reason: SecondaryLimitReason;
  /** Seconds, as sent in retry-after (of the fake's clock for writesPerHour). */
  retryAfter: number;
}

export type Admission = { ok: true; done: () => void } | { ok: false; hit: SecondaryLimitHit };

interface Usage {
  inFlight: number;
  /** Real-time ms of each write in the last minute. */
  writes: number[];
  /** Fake-clock ms of each write in the last hour. */
  hourlyWrites: number[];
  points: { at: number; cost: number }[];
}

const minuteMs = 60_000;
const hourMs = 3_600_000;
const reads = new Set(['GET', 'HEAD', 'OPTIONS']);

export class SecondaryRateLimits {
  readonly hits: SecondaryLimitHit[] = [];
  readonly #clock: Clock;
  readonly #realNow: () => number;
  readonly #usage = new Map<string, Usage>();
  #limits: SecondaryLimitOptions | undefined;

  constructor(clock: Clock, options: Partial<SecondaryLimitOptions> | false = {}, realNow: () => number = () => performance.now()) {
    this.#clock = clock;
    this.#realNow = realNow;
    this.configure(options);
  }

  /** `false` turns every secondary limit off; a partial object tunes some and keeps GitHub's others. */
  configure(options: Partial<SecondaryLimitOptions> | false): void {
    this.#limits = options === false ? undefined : { ...defaultSecondaryLimits, ...options };
  }

  /** Admits a request, which is then in flight until `done`; or names the limit it would exceed. */
  admit(token: string, method: string, path: string): Admission {
    const usage = this.#prune(token);
    const now = this.#realNow();
    const clockMs = this.#clock.now().getTime();
    const write = !reads.has(method);
    const cost = write ? 5 : 1;
    const exceeded = this.#limits && this.#exceeded(this.#limits, usage, write, cost, now, clockMs);
    if (exceeded) {
      const hit = { token, method, path, ...exceeded };
      this.hits.push(hit);
      return { ok: false, hit };
    }
    usage.inFlight++;
    usage.points.push({ at: now, cost });
    if (write) {
      usage.writes.push(now);
      usage.hourlyWrites.push(clockMs);
    }
    let finished = false;
    return {
      ok: true,
      done: () => {
        if (finished) return;
        finished = true;
        usage.inFlight--;
      },
    };
  }

  // retry-after is when the rolling window has room again; for concurrency, GitHub cannot
  // know, and a second is what a request to the fake takes at most.
  #exceeded(limits: SecondaryLimitOptions, usage: Usage, write: boolean, cost: number, now: number, clockMs: number): { reason: SecondaryLimitReason; retryAfter: number } | undefined {
    if (usage.inFlight + 1 > limits.concurrent) return { reason: 'concurrent', retryAfter: 1 };
    const points = usage.points.reduce((sum, p) => sum + p.cost, 0);
    if (points + cost > limits.pointsPerMinute) {
      // The oldest entries must age out until the request fits.
      let freed = 0;
      const needed = points + cost - limits.pointsPerMinute;
      const until = usage.points.find((p) => (freed += p.cost) >= needed)?.at ?? now;
      return { reason: 'pointsPerMinute', retryAfter: secondsUntil(until + minuteMs, now) };
    }
    if (!write) return undefined;
    if (usage.writes.length + 1 > limits.writesPerMinute) {
      const until = usage.writes[usage.writes.length - limits.writesPerMinute] ?? now;
      return { reason: 'writesPerMinute', retryAfter: secondsUntil(until + minuteMs, now) };
    }
    if (usage.hourlyWrites.length + 1 > limits.writesPerHour) {
      const until = usage.hourlyWrites[usage.hourlyWrites.length - limits.writesPerHour] ?? clockMs;
      return { reason: 'writesPerHour', retryAfter: secondsUntil(until + hourMs, clockMs) };
    }
    return undefined;
  }

  #prune(token: string): Usage {
    let usage = this.#usage.get(token);
    if (!usage) {
      usage = { inFlight: 0, writes: [], hourlyWrites: [], points: [] };
      this.#usage.set(token, usage);
    }
    const now = this.#realNow();
    const clockMs = this.#clock.now().getTime();
    usage.writes = usage.writes.filter((at) => at > now - minuteMs);
    usage.points = usage.points.filter((p) => p.at > now - minuteMs);
    usage.hourlyWrites = usage.hourlyWrites.filter((at) => at > clockMs - hourMs);
    return usage;
  }
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** GitHub's answer names the request, for its support to find. */
export function secondaryLimitExceeded(requestId: string): { message: string; documentation_url: string } {
  return {
    message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
    documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  };
}
