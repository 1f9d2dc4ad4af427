import { RequestError } from '@octokit/request-error';
import { describe, expect, it } from 'vitest';
import type { EvidenceProblem } from '../../src/core/evidence/snapshot.ts';
import { describeApiError, httpStatusOf, isRateLimited, permissionsFix } from '../../src/github/api-problem.ts';
import { RateLimitSpent } from '../../src/github/requests/rate-limit-spent.ts';
import { PacingRefused } from '../../src/github/requests/request-pacer.ts';

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
function noAnswer(message: string, code?: string, url = URL): RequestError {
  const cause = new TypeError('fetch failed', { cause: Object.assign(new Error(message), code ? { code } : {}) });
  return new RequestError(message, 500, { request: { ...request, url }, cause });
}

const timedOut = () => new RequestError('The operation was aborted due to timeout', 500, { request, cause: new DOMException('The operation was aborted due to timeout', 'TimeoutError') });
const aborted = () => Object.assign(new DOMException('This operation was aborted', 'AbortError'), { status: 500 });

const RESET = '1796300400'; // 2026-12-03T12:20:00Z
const permission = (header: string) => ({ 'x-accepted-github-permissions': header, 'x-ratelimit-remaining': '4990', 'x-ratelimit-reset': RESET });
const spent = { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': RESET };

const RERUN_AFTER_RESET =
  'Nothing was changed on the PRs it did not reach: re-run the job after the reset, or let the next scheduled run go on. A GitHub App installation token has a higher limit than the GITHUB_TOKEN (1,000 requests an hour per repository).';
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
  ['403 with x-ratelimit-remaining: 0: the rate limit, and when it resets', answered(403, 'API rate limit exceeded for installation ID 1.', spent), { message: "GitHub's rate limit of 1000 requests an hour for this token is spent (it resets at 12:20 UTC)", fix: RERUN_AFTER_RESET, httpStatus: 403 }],
  ['403 with x-ratelimit-remaining: 0 and a permission header: still the rate limit', answered(403, 'API rate limit exceeded for installation ID 1.', { ...spent, 'x-accepted-github-permissions': 'checks=read' }), { message: "GitHub's rate limit of 1000 requests an hour for this token is spent (it resets at 12:20 UTC)", fix: RERUN_AFTER_RESET, httpStatus: 403 }],
  ['403 with x-ratelimit-remaining: 0 and no reset header', answered(403, 'API rate limit exceeded for installation ID 1.', { 'x-ratelimit-remaining': '0' }), { message: "GitHub's rate limit for this token is spent", fix: RERUN_AFTER_RESET, httpStatus: 403 }],
  ['403 with x-ratelimit-remaining: 0 and a broken reset header', answered(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'soon' }), { message: "GitHub's rate limit for this token is spent", fix: RERUN_AFTER_RESET, httpStatus: 403 }],
  ['a secondary rate limit (403, without rate headers)', answered(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'), { message: "GitHub's secondary rate limit was hit: too many requests at once", fix: SECONDARY, httpStatus: 403 }],
  [
    'a secondary rate limit with GitHub’s usual headers: the wait it asks for, not the primary reset',
    answered(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', { 'x-ratelimit-remaining': '4990', 'x-ratelimit-reset': RESET, 'retry-after': '60' }),
    { message: "GitHub's secondary rate limit was hit: too many requests at once (GitHub asked to wait 60 s)", fix: SECONDARY, httpStatus: 403 },
  ],
  ['429 with x-ratelimit-remaining: 0', answered(429, 'API rate limit exceeded', spent), { message: "GitHub's rate limit of 1000 requests an hour for this token is spent (it resets at 12:20 UTC)", fix: RERUN_AFTER_RESET, httpStatus: 429 }],
  ['429 for a secondary rate limit', answered(429, 'You have exceeded a secondary rate limit.', { 'retry-after': '60' }), { message: "GitHub's secondary rate limit was hit: too many requests at once (GitHub asked to wait 60 s)", fix: SECONDARY, httpStatus: 429 }],
  ['429 saying nothing more', answered(429, 'Too Many Requests'), { message: "GitHub's rate limit was exceeded", fix: RERUN_AFTER_RESET, httpStatus: 429 }],
  ['the gate held a request back: the budget its answers showed is spent', new RateLimitSpent({ limit: 1000, remaining: 0, reset: Number(RESET) }), { message: "GitHub's rate limit for this token is spent (1000 requests an hour; it resets at 12:20 UTC)", fix: RERUN_AFTER_RESET, httpStatus: 403 }],
  ['the pacer refused: 80 writes this minute', new PacingRefused('80 content-creating requests a minute', 25_500), { message: 'GitHub allows at most 80 content-creating requests a minute; the next request would have to wait 26 s', fix: 'The next scheduled run goes on where this one stopped; run the schedule less often if it recurs.' }],
  ['the pacer refused: 500 writes this hour', new PacingRefused('500 content-creating requests an hour', 20 * 60_000), { message: 'GitHub allows at most 500 content-creating requests an hour; the next request would have to wait 20 min', fix: 'The next scheduled run goes on where this one stopped; run the schedule less often if it recurs.' }],

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

// A request that got no answer: where it went, what the network said (the code Octokit's
// cause chain carries), and the setting that would let it through, with what a proxy in the
// environment did to it. Node's fetch uses HTTPS_PROXY only with NODE_USE_ENV_PROXY=1.
const GHES = 'https://ghes.corp.example/api/v3/repos/acme/rocket/commits/aaaaaaa/check-runs';
const RESOLVE = (host: string) => `${host} does not resolve: check GITHUB_API_URL (on GitHub Enterprise Server, https://<your GHES host>/api/v3) and the runner's DNS, then re-run the job.`;
const REFUSED = (host: string) => `${host} refused the connection: check GITHUB_API_URL (its host and port) and that the server is up and reachable from the runner, then re-run the job.`;
const UNTRUSTED = (host: string, code: string) =>
  `The runner does not trust the certificate of ${host} (${code}): on GitHub Enterprise Server with a private CA (or behind a proxy that inspects TLS), set NODE_EXTRA_CA_CERTS to the CA's PEM file in the step's env, or NODE_USE_SYSTEM_CA=1 if the runner's system store trusts it.`;
const TIMEOUT = 'api.github.com did not answer in time, after retries: check that the runner can reach it (firewall, proxy), or re-run the job if GitHub was slow.';
const PROXY = 'http://gate:s3cret@proxy.corp.example:3128';
const UNUSED_PROXY = " HTTPS_PROXY is set (proxy.corp.example:3128) but Node's fetch does not use it: if the runner must go through that proxy, set NODE_USE_ENV_PROXY=1 in the step's env.";

const networkRows: [name: string, error: unknown, env: Record<string, string>, expected: { message: string; fix: string }][] = [
  // DNS.
  ['an unknown host (GHES)', noAnswer('getaddrinfo ENOTFOUND ghes.corp.example', 'ENOTFOUND', GHES), {}, { message: 'no answer from GitHub at ghes.corp.example: getaddrinfo ENOTFOUND ghes.corp.example', fix: RESOLVE('ghes.corp.example') }],
  [
    'a DNS server that did not answer',
    noAnswer('getaddrinfo EAI_AGAIN api.github.com', 'EAI_AGAIN'),
    {},
    { message: 'no answer from GitHub at api.github.com: getaddrinfo EAI_AGAIN api.github.com', fix: "The runner's DNS gave no answer for api.github.com (a temporary failure): re-run the job; if it recurs, check the runner's DNS and GITHUB_API_URL." },
  ],
  // The connection.
  ['connection refused', noAnswer('connect ECONNREFUSED 10.0.0.1:443', 'ECONNREFUSED', GHES), {}, { message: 'no answer from GitHub at ghes.corp.example: connect ECONNREFUSED 10.0.0.1:443', fix: REFUSED('ghes.corp.example') }],
  ['a GITHUB_API_URL with a port', noAnswer('connect ECONNREFUSED 10.0.0.1:8443', 'ECONNREFUSED', 'https://ghes.corp.example:8443/api/v3/user'), {}, { message: 'no answer from GitHub at ghes.corp.example:8443: connect ECONNREFUSED 10.0.0.1:8443', fix: REFUSED('ghes.corp.example:8443') }],
  [
    'connection reset',
    noAnswer('read ECONNRESET', 'ECONNRESET'),
    {},
    { message: 'no answer from GitHub at api.github.com: read ECONNRESET', fix: 'The connection to api.github.com was cut before GitHub answered: a proxy or firewall on the way may be closing it; re-run the job.' },
  ],
  ['no route to the host', noAnswer('connect EHOSTUNREACH 10.0.0.1:443', 'EHOSTUNREACH', GHES), {}, { message: 'no answer from GitHub at ghes.corp.example: connect EHOSTUNREACH 10.0.0.1:443', fix: 'The runner has no route to ghes.corp.example: check its network and firewall, and GITHUB_API_URL, then re-run the job.' }],
  [
    'a network error thrown without a status or URL',
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }),
    {},
    { message: 'no answer from GitHub: connect ECONNREFUSED 127.0.0.1:443', fix: REFUSED('GitHub') },
  ],
  ['a failure without a code', noAnswer('other side closed'), {}, { message: 'no answer from GitHub at api.github.com: other side closed', fix: 'Check that the runner can reach the API at GITHUB_API_URL (DNS, proxy, firewall), then re-run the job.' }],
  // TLS.
  ['a private CA (self-signed in the chain)', noAnswer('self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN', GHES), {}, { message: 'no answer from GitHub at ghes.corp.example: self-signed certificate in certificate chain', fix: UNTRUSTED('ghes.corp.example', 'SELF_SIGNED_CERT_IN_CHAIN') }],
  ['a self-signed server certificate', noAnswer('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT', GHES), {}, { message: 'no answer from GitHub at ghes.corp.example: self-signed certificate', fix: UNTRUSTED('ghes.corp.example', 'DEPTH_ZERO_SELF_SIGNED_CERT') }],
  ['an unknown issuer', noAnswer('unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', GHES), {}, { message: 'no answer from GitHub at ghes.corp.example: unable to verify the first certificate', fix: UNTRUSTED('ghes.corp.example', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE') }],
  [
    'an unknown issuer, with NODE_EXTRA_CA_CERTS set',
    noAnswer('unable to get local issuer certificate', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', GHES),
    { NODE_EXTRA_CA_CERTS: '/etc/ssl/corp-ca.pem' },
    {
      message: 'no answer from GitHub at ghes.corp.example: unable to get local issuer certificate',
      fix: 'The runner does not trust the certificate of ghes.corp.example (UNABLE_TO_GET_ISSUER_CERT_LOCALLY), even with NODE_EXTRA_CA_CERTS=/etc/ssl/corp-ca.pem: that file must hold the CA that signed it (PEM).',
    },
  ],
  [
    'a certificate for another name',
    noAnswer("Hostname/IP does not match certificate's altnames", 'ERR_TLS_CERT_ALTNAME_INVALID', GHES),
    {},
    { message: "no answer from GitHub at ghes.corp.example: Hostname/IP does not match certificate's altnames", fix: "The certificate ghes.corp.example presented is for another name: check that GITHUB_API_URL uses the server's own name." },
  ],
  ['an expired certificate', noAnswer('certificate has expired', 'CERT_HAS_EXPIRED', GHES), {}, { message: 'no answer from GitHub at ghes.corp.example: certificate has expired', fix: 'The certificate of ghes.corp.example has expired: its administrator must renew it.' }],
  // Timeouts.
  ['the client’s own timeout', timedOut(), {}, { message: 'no answer from GitHub at api.github.com: The operation was aborted due to timeout', fix: TIMEOUT }],
  ['a connect timeout', noAnswer('Connect Timeout Error', 'UND_ERR_CONNECT_TIMEOUT'), {}, { message: 'no answer from GitHub at api.github.com: Connect Timeout Error', fix: TIMEOUT }],
  ['aborted', aborted(), {}, { message: 'no answer from GitHub: This operation was aborted', fix: 'The request was cancelled before GitHub answered: re-run the job.' }],
  // A proxy: used or not, and never its credentials.
  ['HTTPS_PROXY set, but Node’s fetch does not read it', noAnswer('getaddrinfo ENOTFOUND api.github.com', 'ENOTFOUND'), { HTTPS_PROXY: PROXY }, { message: 'no answer from GitHub at api.github.com: getaddrinfo ENOTFOUND api.github.com', fix: RESOLVE('api.github.com') + UNUSED_PROXY }],
  ['https_proxy (lower case), not read either', noAnswer('connect ETIMEDOUT 140.82.112.6:443', 'ETIMEDOUT'), { https_proxy: PROXY }, { message: 'no answer from GitHub at api.github.com: connect ETIMEDOUT 140.82.112.6:443', fix: TIMEOUT + UNUSED_PROXY }],
  [
    'HTTPS_PROXY used (NODE_USE_ENV_PROXY=1), and the proxy refused',
    noAnswer('connect ECONNREFUSED 10.0.0.9:3128', 'ECONNREFUSED'),
    { HTTPS_PROXY: PROXY, NODE_USE_ENV_PROXY: '1' },
    { message: 'no answer from GitHub at api.github.com: connect ECONNREFUSED 10.0.0.9:3128', fix: `${REFUSED('api.github.com')} The request went through the proxy (proxy.corp.example:3128) from HTTPS_PROXY: check that it is up and lets the runner reach api.github.com.` },
  ],
  [
    'HTTPS_PROXY used through NODE_OPTIONS=--use-env-proxy',
    noAnswer('read ECONNRESET', 'ECONNRESET'),
    { HTTPS_PROXY: PROXY, NODE_OPTIONS: '--max-old-space-size=512 --use-env-proxy' },
    {
      message: 'no answer from GitHub at api.github.com: read ECONNRESET',
      fix: 'The connection to api.github.com was cut before GitHub answered: a proxy or firewall on the way may be closing it; re-run the job. The request went through the proxy (proxy.corp.example:3128) from HTTPS_PROXY: check that it is up and lets the runner reach api.github.com.',
    },
  ],
  [
    'HTTPS_PROXY set, and NO_PROXY names the GHES domain',
    noAnswer('getaddrinfo ENOTFOUND ghes.corp.example', 'ENOTFOUND', GHES),
    { HTTPS_PROXY: PROXY, NODE_USE_ENV_PROXY: '1', NO_PROXY: 'localhost, .corp.example' },
    { message: 'no answer from GitHub at ghes.corp.example: getaddrinfo ENOTFOUND ghes.corp.example', fix: `${RESOLVE('ghes.corp.example')} HTTPS_PROXY is set (proxy.corp.example:3128), but NO_PROXY names ghes.corp.example: the request went direct.` },
  ],
  ['a proxy given without a scheme', noAnswer('getaddrinfo ENOTFOUND api.github.com', 'ENOTFOUND'), { HTTPS_PROXY: 'gate:s3cret@proxy.corp.example:3128' }, { message: 'no answer from GitHub at api.github.com: getaddrinfo ENOTFOUND api.github.com', fix: RESOLVE('api.github.com') + UNUSED_PROXY }],
  [
    'an HTTPS_PROXY that is not a URL: named by its variable only',
    noAnswer('getaddrinfo ENOTFOUND api.github.com', 'ENOTFOUND'),
    { HTTPS_PROXY: 'http://gate:s3cret@[proxy' },
    { message: 'no answer from GitHub at api.github.com: getaddrinfo ENOTFOUND api.github.com', fix: `${RESOLVE('api.github.com')} HTTPS_PROXY is set but Node's fetch does not use it: if the runner must go through that proxy, set NODE_USE_ENV_PROXY=1 in the step's env.` },
  ],
  ['HTTP_PROXY only: not for an https URL', noAnswer('getaddrinfo ENOTFOUND api.github.com', 'ENOTFOUND'), { HTTP_PROXY: PROXY, NODE_USE_ENV_PROXY: '1' }, { message: 'no answer from GitHub at api.github.com: getaddrinfo ENOTFOUND api.github.com', fix: RESOLVE('api.github.com') }],
];

describe('describeApiError: a request that got no answer says where it went, why, and what to set', () => {
  it.each(networkRows)('%s', (_name, error, env, expected) => {
    expect(describeApiError(error, WHAT, env)).toEqual({ what: WHAT, ...expected });
  });

  it('never prints a proxy’s credentials', () => {
    for (const [, error, env] of networkRows) expect(JSON.stringify(describeApiError(error, WHAT, env))).not.toContain('s3cret');
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

describe('isRateLimited tells a spent budget from every other refusal', () => {
  const cases: [string, unknown, boolean][] = [
    ['a 403 with remaining 0', answered(403, 'API rate limit exceeded for installation ID 1.', spent), true],
    ['a 429, whatever it says', answered(429, 'Too Many Requests'), true],
    ['a 429 naming the rate limit', answered(429, 'API rate limit exceeded'), true],
    ['a secondary limit', answered(403, 'You have exceeded a secondary rate limit.'), true],
    ['a permission 403', answered(403, 'Resource not accessible by integration', permission('checks=read')), false],
    ['a 404', answered(404, 'Not Found'), false],
    ['the gate holding a request back', new RateLimitSpent({ limit: 1000, remaining: 0, reset: Number(RESET) }), true],
    ['the pacer refusing', new PacingRefused('900 points a minute', 60_000), true],
    ['no answer at all', timedOut(), false],
  ];
  it.each(cases)('%s', (_name, error, expected) => {
    expect(isRateLimited(error)).toBe(expected);
  });
});
