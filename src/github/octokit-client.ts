import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
// The light build, as the Octokit plugins use, so the bundle holds one copy.
import Bottleneck from 'bottleneck/light.js';

export type GitHubClient = InstanceType<typeof GateOctokit>;

const GateOctokit = Octokit.plugin(retry, throttling);

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** A request that hangs longer than this fails, and is retried like a 5xx. */
  requestTimeoutMs: number;
  retries: number;
  retryBaseMs: number;
  /**
   * Space content-creating requests (GitHub asks for a second between them when there are
   * many: https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api).
   * A run for one PR writes two or three times and needs no spacing; a run over every open PR does.
   */
  spaceWrites: boolean;
  /** Refuse every request that could change something: a client for looking only (`preview`). */
  readOnly?: boolean;
  log: { debug(message: string): void; warning(message: string): void };
}

/** A rate limit wait longer than this is not worth holding a runner for: the run fails closed instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

/** The one place that sets up retries and throttling for every request the gate makes. */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  const timedFetch: typeof fetch = (input, init) =>
    fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(options.requestTimeoutMs) });

  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount < 2 && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS) {
      options.log.warning(`GitHub ${kind} hit on ${request.method} ${request.url}; retrying in ${retryAfter}s.`);
      return true;
    }
    options.log.warning(`GitHub ${kind} hit on ${request.method} ${request.url}; giving up (retry after ${retryAfter}s).`);
    return false;
  };

  const octokit = new GateOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'release-readiness',
    request: { fetch: timedFetch },
    // Octokit logs every failed request, even the expected ones (a 404 for "not a team member"):
    // the gate reports what matters itself.
    log: { debug: options.log.debug, info: options.log.debug, warn: options.log.debug, error: options.log.debug },
    // 429 and secondary limits are the throttler's; the retry plugin handles 5xx, so the two do not fight.
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retries: options.retries, retryAfterBaseValue: options.retryBaseMs },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.spaceWrites ? 1000 : 0 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.spaceWrites ? 3000 : 0 }),
    },
  });
  // A JSON answer that does not parse reaches the caller as a string; list pagination then
  // fails deep inside with a TypeError. Say what happened instead, for every read alike
  // (writes check their answers themselves, naming the write).
  octokit.hook.after('request', (response, request) => {
    const type = String(response.headers['content-type'] ?? '');
    if (request.method === 'GET' && type.includes('json') && typeof response.data === 'string' && response.data !== '') throw new UnreadableAnswer();
  });
  if (options.readOnly) {
    octokit.hook.before('request', (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') throw new ReadOnlyViolation(`${request.method} ${request.url}`);
    });
  }
  return octokit;
}

/** A read-only client was asked to write: a bug, never a GitHub answer. */
export class ReadOnlyViolation extends Error {
  constructor(request: string) {
    super(`refused to send ${request}: this client only reads`);
  }
}

/** GitHub answered 2xx with a body that is not the JSON it declared: malformed or cut off. */
export class UnreadableAnswer extends Error {
  constructor() {
    super("GitHub's answer was not readable (a malformed or cut-off response)");
  }
}
