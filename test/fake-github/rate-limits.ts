// GitHub's primary rate limit, per token, on the fake's clock: a test spends an
// hour by advancing the clock, not by waiting. GitHub counts every request it
// serves, errors included, except a 304 (a conditional request that found
// nothing changed), which is why a served request can be refunded.
// https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
import type { TokenGrant, TokenKind } from './auth.ts';
import type { Clock } from './clock.ts';

const windowSeconds = 3600;

/** Requests per hour: a GITHUB_TOKEN gets 1,000 per repository, an installation or a person 5,000. */
export const defaultRateLimits: Readonly<Record<TokenKind, number>> = { 'github-token': 1000, app: 5000, user: 5000 };

export interface RateLimitStatus {
  limit: number;
  used: number;
  remaining: number;
  /** When the window ends, in the fake's epoch seconds (x-ratelimit-reset). */
  reset: number;
}

interface Window {
  start: number;
  used: number;
}

/** One counted request, handed back by `refund`. */
export interface Charge {
  token: string;
  window: Window;
}

export class PrimaryRateLimits {
  readonly #clock: Clock;
  readonly #limits: Record<TokenKind, number>;
  readonly #windows = new Map<string, Window>();
  #rejections = 0;

  constructor(clock: Clock, limits: Partial<Record<TokenKind, number>> = {}) {
    this.#clock = clock;
    this.#limits = { ...defaultRateLimits };
    for (const [kind, perHour] of Object.entries(limits)) this.setLimit(kind as TokenKind, perHour);
  }

  setLimit(kind: TokenKind, perHour: number): void {
    if (!Number.isInteger(perHour) || perHour < 0) throw new Error(`A rate limit is a whole number of requests per hour, not ${perHour}`);
    this.#limits[kind] = perHour;
  }

  /** Requests refused because the limit was spent. */
  get rejections(): number {
    return this.#rejections;
  }

  status(token: string, kind: TokenKind): RateLimitStatus {
    const window = this.#window(token, false);
    const limit = this.#limits[kind];
    return { limit, used: window.used, remaining: Math.max(0, limit - window.used), reset: window.start + windowSeconds };
  }

  /** Whether the token may make one more request now; a refusal counts as a rejection. */
  admits(token: string, kind: TokenKind): boolean {
    if (this.#window(token, true).used < this.#limits[kind]) return true;
    this.#rejections++;
    return false;
  }

  /** Counts a request that `admits` let through. */
  charge(token: string): Charge {
    const window = this.#window(token, true);
    window.used++;
    return { token, window };
  }

  /** A charge from a window that has since ended is not refunded into the next one. */
  refund(charge: Charge): void {
    if (this.#windows.get(charge.token) === charge.window) charge.window.used--;
  }

  // The window starts at the token's first request; before that, and after a
  // window ended, GitHub shows a full hour ahead.
  #window(token: string, open: boolean): Window {
    const now = this.#clock.epochSeconds();
    const current = this.#windows.get(token);
    if (current && now < current.start + windowSeconds) return current;
    const fresh = { start: now, used: 0 };
    if (open) this.#windows.set(token, fresh);
    return fresh;
  }
}

export function rateLimitHeaders(status: RateLimitStatus): Record<string, string> {
  return {
    'x-ratelimit-limit': String(status.limit),
    'x-ratelimit-remaining': String(status.remaining),
    'x-ratelimit-reset': String(status.reset),
    'x-ratelimit-used': String(status.used),
    'x-ratelimit-resource': 'core',
  };
}

/** GitHub names the installation for an app's (or a workflow's) token, the person for theirs. */
export function rateLimitExceeded(grant: TokenGrant, userId: number): { message: string; documentation_url: string } {
  const who = grant.kind === 'user' ? `user ID ${userId}` : `installation ID ${grant.app?.installationId ?? 1}`;
  return { message: `API rate limit exceeded for ${who}.`, documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' };
}
