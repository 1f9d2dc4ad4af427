import { describe, expect, it } from 'vitest';
import { describeApiError } from '../../src/github/api-problem.ts';

const httpError = (status: number, message: string, headers: Record<string, string> = {}) => Object.assign(new Error(message), { status, response: { headers } });

describe('API problems say what to change', () => {
  it.each<[string, unknown, { message: RegExp; fix: RegExp }]>([
    ['a missing permission', httpError(403, 'Resource not accessible by integration', { 'x-accepted-github-permissions': 'checks=read' }), { message: /^GitHub answered 403 Resource not accessible/, fix: /^Add `checks: read` to the workflow's `permissions:`/ }],
    ['a spent rate limit: no permission advice', httpError(403, 'API rate limit exceeded for installation ID 1.', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1796300400' }), { message: /^GitHub's rate limit is spent \(it resets at \d\d:\d\d UTC\)$/, fix: /after the reset/ }],
    ['a secondary rate limit', httpError(403, 'You have exceeded a secondary rate limit.'), { message: /rate limit is spent$/, fix: /after the reset/ }],
    ['a 429', httpError(429, 'Too many requests', { 'x-ratelimit-remaining': '0' }), { message: /rate limit is spent/, fix: /App installation token/ }],
    ['a 404', httpError(404, 'Not Found'), { message: /^GitHub answered 404/, fix: /^Check that it exists/ }],
    ['a 5xx', httpError(502, 'Bad Gateway'), { message: /502 after retries/, fix: /githubstatus/ }],
  ])('%s', (_name, error, expected) => {
    const problem = describeApiError(error, 'check runs');
    expect(problem.message).toMatch(expected.message);
    expect(problem.fix).toMatch(expected.fix);
  });
});
