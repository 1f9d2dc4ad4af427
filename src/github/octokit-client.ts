import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
// The light build, as the Octokit plugins use, so the bundle holds one copy.
import Bottleneck from 'bottleneck/light.js';
import { errorMessage } from '../core/errors/error-message.ts';
import { describeApiError, isRateLimited } from './api-problem.ts';
import { ReadOnlyViolation, UnreadableAnswer } from './requests/client-errors.ts';
import { ConditionalCache } from './requests/conditional-requests.ts';
import { proxyConfigured } from './requests/http-send.ts';
import { nodeFetch } from './requests/node-fetch.ts';
import { RateBudget } from './requests/rate-budget.ts';
import { RateLimitSpent } from './requests/rate-limit-spent.ts';
import { RequestPacer } from './requests/request-pacer.ts';

export type GitHubClient = InstanceType<typeof GateOctokit>;

const GateOctokit = Octokit.plugin(retry, throttling);

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** A request that hangs longer than this fails, and is retried like a 5xx. */
  requestTimeoutMs: number;
  retries: number;
  retryBaseMs: number;
  /** What is left of the token's rate limit; the caller keeps it to plan a run over many PRs. */
  budget?: RateBudget;
  /** Paces the client's writes; the caller keeps it to start a PR only when its writes can go. */
  pacer?: RequestPacer;
  /** Refuse every request that could change something: a client for looking only (`preview`). */
  readOnly?: boolean;
  log: { debug(message: string): void; warning(message: string): void };
}

/** A rate limit wait longer than this is not worth holding a runner for: the run fails closed instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

/** The one place that sets up retries and throttling for every request the gate makes. */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  // Node's own fetch only behind a proxy (it alone honours Node's proxy settings): loading it costs a run as much as starting Node.
  const transport: typeof fetch = proxyConfigured(process.env) ? (input, init) => fetch(input, init) : nodeFetch;
  const timedFetch: typeof fetch = (input, init) => transport(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(options.requestTimeoutMs) });

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
      // One write at a time, as GitHub asks; their pace is the RequestPacer's (80 a minute).
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
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
  trackBudget(octokit, options.budget ?? new RateBudget(), options.pacer ?? new RequestPacer());
  conditionalReads(octokit, new ConditionalCache());
  return octokit;
}

interface AnswerLike {
  status?: number;
  response?: { status: number; headers: Record<string, string | number | undefined> };
}

/**
 * Every request through the budget: none is sent once the token's limit is known to be spent (it
 * would only be refused), each waits for the pacer, and every answer updates what is left.
 */
function trackBudget(octokit: InstanceType<typeof GateOctokit>, budget: RateBudget, pacer: RequestPacer): void {
  octokit.hook.wrap('request', async (request, options) => {
    if (budget.available() <= 0) {
      const spent = new RateLimitSpent(budget.reading!);
      budget.stopped ??= spent.message;
      throw spent;
    }
    let settle: () => void;
    try {
      settle = await pacer.take(options.method);
    } catch (error) {
      budget.stopped ??= errorMessage(error);
      throw error;
    }
    budget.sent();
    try {
      const response = await request(options);
      budget.answered(response.headers, response.status);
      return response;
    } catch (error) {
      const answer = (error as AnswerLike).response;
      if (!answer) {
        budget.failed();
        throw error;
      }
      budget.answered(answer.headers, answer.status);
      if (isRateLimited(error)) budget.stopped ??= describeApiError(error, 'a request').message;
      throw error;
    } finally {
      settle();
    }
  });
}

/** A GET made before in this run asks GitHub whether its answer changed: a 304 costs no budget. */
function conditionalReads(octokit: InstanceType<typeof GateOctokit>, cache: ConditionalCache): void {
  octokit.hook.wrap('request', async (request, options) => {
    if (options.method !== 'GET') return request(options);
    const { url, headers } = octokit.request.endpoint(options);
    const key = `${String(headers['accept'])} ${url}`;
    const cached = cache.get(key);
    // Hooks inside this one were bound to these very options: change them, do not replace them.
    if (cached) options.headers = { ...options.headers, 'if-none-match': cached.etag };
    try {
      const response = await request(options);
      const etag = response.headers.etag;
      // Pagination rewrites a listing's answer in place: the cache keeps its own copy.
      if (typeof etag === 'string' && etag) cache.set(key, { etag, response: structuredClone(response) });
      return response;
    } catch (error) {
      const answer = (error as AnswerLike).response;
      if (!cached || answer?.status !== 304) throw error;
      const kept = structuredClone(cached.response) as typeof answer & { headers: Record<string, unknown> };
      return { ...kept, headers: { ...kept.headers, ...answer.headers, etag: cached.etag } } as Awaited<ReturnType<typeof request>>;
    }
  });
}
