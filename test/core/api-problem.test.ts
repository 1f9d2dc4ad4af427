import { RequestError } from '@octokit/request-error';
import { describe, expect, it } from 'vitest';
import type { EvidenceProblem } from '../../src/core/evidence/snapshot.ts';
import { describeApiError, httpStatusOf, permissionsFix } from '../../src/github/api-problem.ts';

// Errors built the way Octokit (@octokit/request's fetch wrapper) builds them: an answer of 400
// or more is a RequestError whose message is GitHub's `message` and ` - <documentation_url>`
// (with `: <errors…>` for a 422), carrying the response's headers; a request that got no
// answer (refused, unknown host, timed out) is a RequestError with status 500 whose cause is
// fetch's TypeError; an abort is fetch's own AbortError given `status = 500`.

const WHAT = 'check runs of aaaaaaa';
const URL = 'https://api.github.com/repos/acme/rocket/commits/aaaaaaa/check-runs';
const DOCS = 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference';
const request = { method: 'GET' as const, url: URL, headers: { authorization: 'token ghs_secret' } };

/** An answer from GitHub, as Octokit throws it. */
function answered(status: number, message: string, headers: Record<string, string> = {}, errors?: object[]): RequestError {
  const data = { message, documentation_url: DOCS, status: String(status), ...(errors ? { errors } : {}) };
  const text = `${message}${errors ? `: ${errors.map((e) => JSON.stringify(e)).join(', ')}` : ''} - ${DOCS}`;
  return new RequestError(text, status, { request, response: { url: URL, status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, data } });
}

/** No answer at all, as Octokit throws it: status 500, the network error as the cause. */
function noAnswer(message: string, code?: string): RequestError {
  const cause = new TypeError('fetch failed', { cause: Object.assign(new Error(message), code ? { code } : {}) });
  return new RequestError(message, 500, { request, cause });
}

const timedOut = () => new RequestError('The operation was aborted due to timeout', 500, { request, cause: new DOMException('The operation was aborted due to timeout', 'TimeoutError') });
const aborted = () => Object.assign(new DOMException('This operation was aborted', 'AbortError'), { status: 500 });

const RESET = '1796300400'; // 2026-12-03T12:20:00Z
const permission = (header: string) => ({ 'x-accepted-github-permissions': header, 'x-ratelimit-remaining': '4990', 'x-ratelimit-reset': RESET });
const spent = { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': RESET };

const RERUN_AFTER_RESET = 'Re-run the job after the reset; a GitHub App installation token has a higher limit than the GITHUB_TOKEN.';
const RETRIED_5XX = 'Re-run the job; if it persists, check https://www.githubstatus.com.';
const SECONDARY = 'Re-run the job in a few minutes; if it recurs, spread the runs out (fewer concurrent jobs writing to the repository).';
const ADD = (lines: string) => `Add ${lines} to the workflow's \`permissions:\` (or give the token that permission).`;

const rows: [name: string, error: unknown, expected: Omit<EvidenceProblem, 'what'>][] = [
  // The token.
  ['401: the token was rejected', answered(401, 'Bad credentials'), { message: `GitHub answered 401 Bad credentials - ${DOCS}`, fix: 'Check the `github-token` input: GitHub rejected the token.', httpStatus: 401 }],

  // 403: a permission, named from GitHub's X-Accepted-GitHub-Permissions header.
  ['403: a missing permission', answered(403, 'Resource not accessible by integration', permission('checks=read')), { message: `GitHub answered 403 Resource not accessible by integration - ${DOCS}`, fix: ADD('`checks: read`'), httpStatus: 403 }],
  ['403: an underscore permission becomes the workflow’s hyphenated key', answered(403, 'Resource not accessible by integration', permission('vulnerability_alerts=read')), { message: `GitHub answered 403 Resource not accessible by integration - ${DOCS}`, fix: ADD('`vulnerability-alerts: read`'), httpStatus: 403 }],
  ['403: a write permission', answered(403, 'Resource not accessible by integration', permission('statuses=write')), { message: `GitHub answered 403 Resource not accessible by integration - ${DOCS}`, fix: ADD('`statuses: write`'), httpStatus: 403 }],
  ['403: either of two permissions', answered(403, 'Resource not accessible by integration', permission('pull_requests=write; issues=write')), { message: `GitHub answered 403 Resource not accessible by integration - ${DOCS}`, fix: ADD('`pull-requests: write` or `issues: write`'), httpStatus: 403 }],
  ['403: two permissions together', answered(403, 'Resource not accessible by integration', permission('contents=read,security_events=read')), { message: `GitHub answered 403 Resource not accessible by integration - ${DOCS}`, fix: ADD('`contents: read` and `security-events: read`'), httpStatus: 403 }],
  ['403: no permission header', answered(403, 'Resource not accessible by integration', { 'x-ratelimit-remaining': '4990' }), { message: `GitHub answered 403 Resource not accessible by integration - ${DOCS}`, fix: 'Give the token read access to it.', httpStatus: 403 }],
  ['403: an empty permission header', answered(403, 'Resource not accessible by integration', { 'x-accepted-github-permissions': '' }), { message: `GitHub answered 403 Resource not accessible by integration - ${DOCS}`, fix: 'Give the token read access to it.', httpStatus: 403 }],
  ['403: a permission header with nothing usable', answered(403, 'Resource not accessible by integration', { 'x-accepted-github-permissions': ' ; =read' }), { message: `GitHub answered 403 Resource not accessible by integration - ${DOCS}`, fix: 'Give the token read access to it.', httpStatus: 403 }],

  // A spent rate limit: no permission fixes it.
  ['403 with x-ratelimit-remaining: 0: the rate limit, and when it resets', answered(403, 'API rate limit exceeded for installation ID 1.', spent), { message: "GitHub's rate limit is spent (it resets at 12:20 UTC)", fix: RERUN_AFTER_RESET, httpStatus: 403 }],
  ['403 with x-ratelimit-remaining: 0 and a permission header: still the rate limit', answered(403, 'API rate limit exceeded for installation ID 1.', { ...spent, 'x-accepted-github-permissions': 'checks=read' }), { message: "GitHub's rate limit is spent (it resets at 12:20 UTC)", fix: RERUN_AFTER_RESET, httpStatus: 403 }],
  ['403 with x-ratelimit-remaining: 0 and no reset header', answered(403, 'API rate limit exceeded for installation ID 1.', { 'x-ratelimit-remaining': '0' }), { message: "GitHub's rate limit is spent", fix: RERUN_AFTER_RESET, httpStatus: 403 }],
  ['403 with x-ratelimit-remaining: 0 and a broken reset header', answered(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'soon' }), { message: "GitHub's rate limit is spent", fix: RERUN_AFTER_RESET, httpStatus: 403 }],
  ['a secondary rate limit (403, without rate headers)', answered(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'), { message: "GitHub's secondary rate limit was hit: too many requests at once", fix: SECONDARY, httpStatus: 403 }],
  [
    'a secondary rate limit with GitHub’s usual headers: the wait it asks for, not the primary reset',
    answered(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', { 'x-ratelimit-remaining': '4990', 'x-ratelimit-reset': RESET, 'retry-after': '60' }),
    { message: "GitHub's secondary rate limit was hit: too many requests at once (GitHub asked to wait 60 s)", fix: SECONDARY, httpStatus: 403 },
  ],
  ['429 with x-ratelimit-remaining: 0', answered(429, 'API rate limit exceeded', spent), { message: "GitHub's rate limit is spent (it resets at 12:20 UTC)", fix: RERUN_AFTER_RESET, httpStatus: 429 }],
  ['429 for a secondary rate limit', answered(429, 'You have exceeded a secondary rate limit.', { 'retry-after': '60' }), { message: "GitHub's secondary rate limit was hit: too many requests at once (GitHub asked to wait 60 s)", fix: SECONDARY, httpStatus: 429 }],
  ['429 saying nothing more', answered(429, 'Too Many Requests'), { message: 'GitHub rate limit exceeded', fix: 'Wait for the rate limit to reset, then re-run the job (a GitHub App token has a higher limit).', httpStatus: 429 }],

  // Not there, gone, refused.
  ['404', answered(404, 'Not Found'), { message: `GitHub answered 404 Not Found - ${DOCS}`, fix: 'Check that it exists and that the token can read this repository.', httpStatus: 404 }],
  ['404 naming a permission (a fine-grained token): the permission', answered(404, 'Not Found', { 'x-accepted-github-permissions': 'secret_scanning_alerts=read' }), { message: `GitHub answered 404 Not Found - ${DOCS}`, fix: ADD('`secret-scanning-alerts: read`'), httpStatus: 404 }],
  ['410', answered(410, 'Issues are disabled for this repo'), { message: `GitHub answered 410 Issues are disabled for this repo - ${DOCS}`, fix: 'Re-run the job.', httpStatus: 410 }],
  [
    '422, with GitHub’s errors',
    answered(422, 'Validation Failed', {}, [{ resource: 'Status', field: 'state', code: 'invalid' }]),
    {
      message: `GitHub answered 422 Validation Failed: {"resource":"Status","field":"state","code":"invalid"} - ${DOCS}`,
      fix: 'Re-run the job.',
      httpStatus: 422,
    },
  ],

  // GitHub failed (after the client's retries).
  ['500', answered(500, 'Server Error'), { message: 'GitHub answered 500 after retries', fix: RETRIED_5XX, httpStatus: 500 }],
  ['502 (an HTML page)', new RequestError('<html><body>502 Bad Gateway</body></html>', 502, { request, response: { url: URL, status: 502, headers: { 'content-type': 'text/html' }, data: '<html><body>502 Bad Gateway</body></html>' } }), { message: 'GitHub answered 502 after retries', fix: RETRIED_5XX, httpStatus: 502 }],
  ['503', answered(503, 'Service Unavailable'), { message: 'GitHub answered 503 after retries', fix: RETRIED_5XX, httpStatus: 503 }],
  ['504', answered(504, 'We couldn’t respond to your request in time.'), { message: 'GitHub answered 504 after retries', fix: RETRIED_5XX, httpStatus: 504 }],

  // Not from an answer at all.
  ['a network error thrown without a status', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }), { message: 'the request failed: connect ECONNREFUSED 127.0.0.1:443', fix: 'Re-run the job.' }],
  ['something thrown that is not an error', 'socket hang up', { message: 'the request failed: socket hang up', fix: 'Re-run the job.' }],
  ['an error without a message', {}, { message: 'the request failed: unknown error', fix: 'Re-run the job.' }],
  ['only the first line of a long message, cut at 200 characters', answered(418, `${'x'.repeat(250)}\nsecond line`), { message: `GitHub answered 418 ${'x'.repeat(200)}`, fix: 'Re-run the job.', httpStatus: 418 }],
];

describe('describeApiError says what failed and what to change', () => {
  it.each(rows)('%s', (_name, error, expected) => {
    expect(describeApiError(error, WHAT)).toEqual({ what: WHAT, ...expected });
  });

  // Octokit turns a request that got no answer (refused, unknown host, timed out, aborted) into
  // status 500 without a response: the message carries the network error, and no HTTP status.
  it.each<[string, unknown, RegExp]>([
    ['connection refused', noAnswer('connect ECONNREFUSED 10.0.0.1:443', 'ECONNREFUSED'), /ECONNREFUSED/],
    ['unknown host', noAnswer('getaddrinfo ENOTFOUND github.example.com', 'ENOTFOUND'), /ENOTFOUND github\.example\.com/],
    ['timed out', timedOut(), /timed out|timeout/],
    ['aborted', aborted(), /aborted/],
  ])('no answer (%s): says so, not "GitHub answered 500"', (_name, error, cause) => {
    const problem = describeApiError(error, WHAT);
    expect(problem.message).not.toMatch(/^GitHub answered/);
    expect(problem.message).toMatch(cause);
    expect(problem.httpStatus).toBeUndefined();
  });

  it('never echoes the token of the request', () => {
    for (const [, error] of rows) expect(JSON.stringify(describeApiError(error, WHAT))).not.toContain('ghs_secret');
  });
});

describe('permissionsFix', () => {
  it.each<[string | undefined, string | null]>([
    [undefined, null],
    ['', null],
    ['checks=read', "add `checks: read` to the workflow's `permissions:` (or give the token that permission)"],
    ['pull_requests=write, issues=write', "add `pull-requests: write` and `issues: write` to the workflow's `permissions:` (or give the token that permission)"],
    ['pull_requests=write;issues=write', "add `pull-requests: write` or `issues: write` to the workflow's `permissions:` (or give the token that permission)"],
    ['=read; checks', null],
  ])('%j → %j', (header, fix) => {
    expect(permissionsFix(header)).toBe(fix);
  });
});

describe('httpStatusOf', () => {
  it.each<[string, unknown, number | undefined]>([
    ['an answer', answered(404, 'Not Found'), 404],
    ['no answer (Octokit says 500)', noAnswer('connect ECONNREFUSED 10.0.0.1:443', 'ECONNREFUSED'), 500],
    ['a plain error', new Error('boom'), undefined],
    ['a string', 'boom', undefined],
    ['null', null, undefined],
    ['a status that is not a number', { status: '404' }, undefined],
  ])('%s', (_name, error, status) => {
    expect(httpStatusOf(error)).toBe(status);
  });
});
