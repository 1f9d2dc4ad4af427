import type { EvidenceProblem } from '../core/evidence/snapshot.ts';
import { describeNoAnswer, isNetworkError, type NetworkEnv } from './network-problem.ts';
import { UnreadableAnswer } from './requests/client-errors.ts';
import { RateLimitSpent, resetPhrase } from './requests/rate-limit-spent.ts';
import { PacingRefused } from './requests/request-pacer.ts';

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

function asHttpError(error: unknown): HttpError {
  return typeof error === 'object' && error !== null ? (error as HttpError) : { message: String(error) };
}

/** Maps `issues=write,pull_requests=write` to the workflow `permissions:` lines a user adds. */
export function permissionsFix(header: string | undefined): string | null {
  if (!header) return null;
  const options = header
    .split(';')
    .map((alternative) =>
      alternative
        .split(',')
        .map((pair) => pair.trim().split('='))
        .filter((pair) => pair.length === 2 && pair[0])
        .map(([name, level]) => `\`${name!.replace(/_/g, '-')}: ${level}\``)
        .join(' and '),
    )
    .filter(Boolean);
  if (options.length === 0) return null;
  return `add ${options.join(' or ')} to the workflow's \`permissions:\` (or give the token that permission)`;
}

/**
 * Explains a failed API call so that a person knows exactly what to change. `env` is where a
 * request that got no answer looks for the proxy and certificate settings it ran with.
 */
export function describeApiError(error: unknown, what: string, env: NetworkEnv = process.env): EvidenceProblem {
  if (error instanceof UnreadableAnswer) return { what, message: error.message, fix: 'Re-run the job.' };
  if (error instanceof RateLimitSpent) return { what, message: error.message, fix: RATE_LIMIT_FIX, httpStatus: 403 };
  if (error instanceof PacingRefused) return { what, message: error.message, fix: 'The next scheduled run goes on where this one stopped; run the schedule less often if it recurs.' };
  const http = asHttpError(error);
  const status = typeof http.status === 'number' ? http.status : undefined;
  const headers = http.response?.headers ?? {};
  const accepted = headers['x-accepted-github-permissions'];
  const firstLine = (http.message ?? 'unknown error').split('\n')[0]!.slice(0, 200);

  // Octokit reports a request that got no answer (refused, unknown host, timed out, aborted)
  // as a 500 without a response: GitHub said nothing, and its status page is not the place to look.
  if ((status === 500 && http.response === undefined) || (status === undefined && isNetworkError(error))) {
    return { what, ...describeNoAnswer(error, firstLine, env) };
  }
  // GitHub sends the primary limit's headers with every answer: a secondary limit says so in
  // its message, and asks for a wait (retry-after), not for the primary reset.
  if ((status === 403 || status === 429) && /secondary rate limit/i.test(firstLine)) {
    const after = Number(headers['retry-after']);
    const wait = Number.isFinite(after) && after > 0 ? ` (GitHub asked to wait ${after} s)` : '';
    return {
      what,
      message: `GitHub's secondary rate limit was hit: too many requests at once${wait}`,
      fix: 'Re-run the job in a few minutes; if it recurs, spread the runs out (fewer concurrent jobs writing to the repository).',
      httpStatus: status,
    };
  }
  // A spent rate limit is a 403 (or 429) too, and no permission fixes it.
  const remaining = headers['x-ratelimit-remaining'];
  if ((status === 403 || status === 429) && (String(remaining) === '0' || /rate limit/i.test(firstLine))) {
    const limit = headers['x-ratelimit-limit'];
    const size = limit === undefined ? '' : ` of ${String(limit)} requests an hour`;
    return { what, message: `GitHub's rate limit${size} for this token is spent${resetPhrase(headers['x-ratelimit-reset'])}`, fix: RATE_LIMIT_FIX, httpStatus: status };
  }
  if (status === 403 || status === 401 || status === 404) {
    const fix =
      permissionsFix(accepted === undefined ? undefined : String(accepted)) ??
      (status === 401
        ? 'check the `github-token` input: GitHub rejected the token'
        : status === 404
          ? 'check that it exists and that the token can read this repository'
          : 'give the token read access to it');
    return { what, message: `GitHub answered ${status} ${firstLine}`, fix: capitalize(fix) + '.', httpStatus: status };
  }
  if (status !== undefined && status >= 500) {
    return { what, message: `GitHub answered ${status} after retries`, fix: 'Re-run the job; if it persists, check https://www.githubstatus.com.', httpStatus: status };
  }
  if (status === 429) {
    return { what, message: `GitHub's rate limit was exceeded${resetPhrase(headers['x-ratelimit-reset'])}`, fix: RATE_LIMIT_FIX, httpStatus: status };
  }
  return {
    what,
    message: status === undefined ? `the request failed: ${firstLine}` : `GitHub answered ${status} ${firstLine}`,
    fix: 'Re-run the job.',
    ...(status === undefined ? {} : { httpStatus: status }),
  };
}

const RATE_LIMIT_FIX =
  'Nothing was changed on the PRs it did not reach: re-run the job after the reset, or let the next scheduled run go on. A GitHub App installation token has a higher limit than the GITHUB_TOKEN (1,000 requests an hour per repository).';

/** GitHub refused for a rate limit (primary or secondary), or the gate held back a request it would refuse. */
export function isRateLimited(error: unknown): boolean {
  if (error instanceof RateLimitSpent || error instanceof PacingRefused) return true;
  const http = asHttpError(error);
  if (http.status === 429) return true;
  if (http.status !== 403) return false;
  const remaining = http.response?.headers?.['x-ratelimit-remaining'];
  return String(remaining) === '0' || /rate limit/i.test(http.message ?? '');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function httpStatusOf(error: unknown): number | undefined {
  const status = asHttpError(error).status;
  return typeof status === 'number' ? status : undefined;
}
