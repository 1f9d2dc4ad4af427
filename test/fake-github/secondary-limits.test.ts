// GitHub's secondary rate limits over real HTTP: concurrency, writes per minute and
// per hour, points per minute; a refused request is not served.
import { describe, expect, it, vi } from 'vitest';
import { createFakeGitHub, type FakeGitHub } from './index.ts';
import { call, useSeededFake, type ApiResponse, type SeededFake } from './test-helpers.ts';

let world: SeededFake;
useSeededFake((seeded) => (world = seeded));

const docs = 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

function expectSecondaryLimit(res: ApiResponse): void {
  expect(res.status).toBe(403);
  expect(res.json()).toEqual({
    message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${res.headers.get('x-github-request-id')}.`,
    documentation_url: docs,
  });
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

const comment = (fake: FakeGitHub, number: number, body: string) => call(fake, 'POST', `/repos/acme/rocket/issues/${number}/comments`, { body: { body } });

describe('secondary rate limits', () => {
  it('refuses the 81st write within a minute, with retry-after, and does not serve it', async () => {
    const { fake, number } = world;
    for (let i = 1; i <= 80; i++) expect((await comment(fake, number, `comment ${i}`)).status).toBe(201);
    const refused = await comment(fake, number, 'comment 81');
    expectSecondaryLimit(refused);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(fake.comments('acme/rocket', number)).toHaveLength(80);
    expect(fake.secondaryLimitHits).toEqual([{ token: 'ghs_gate', method: 'POST', path: `/repos/acme/rocket/issues/${number}/comments`, reason: 'writesPerMinute', retryAfter: Number(refused.headers.get('retry-after')) }]);
    // Not served, so not counted against the primary limit either; reads still go through.
    expect(fake.rateLimit().used).toBe(80);
    expect(refused.headers.get('x-ratelimit-used')).toBe('80');
    expect((await call(fake, 'GET', '/repos/acme/rocket')).status).toBe(200);
  });

  it('refuses a request over 100 in flight at once for one token', async () => {
    const { fake } = world;
    fake.inject({ method: 'GET', path: '/repos/{owner}/{repo}', delayMs: 2_000, times: 100 });
    const held = Array.from({ length: 100 }, () => call(fake, 'GET', '/repos/acme/rocket'));
    await vi.waitFor(() => expect(fake.requests).toHaveLength(100), { timeout: 10_000 });
    const refused = await call(fake, 'GET', '/repos/acme/rocket');
    expectSecondaryLimit(refused);
    expect(fake.secondaryLimitHits.map((hit) => hit.reason)).toEqual(['concurrent']);
    fake.addToken('ghs_other', { actor: 'github-actions[bot]', permissions: {} });
    expect((await call(fake, 'GET', '/repos/acme/rocket', { token: 'ghs_other' })).status).toBe(200);
    expect((await Promise.all(held)).map((res) => res.status)).toEqual(Array(100).fill(200));
    expect((await call(fake, 'GET', '/repos/acme/rocket')).status).toBe(200);
  });

  it('costs a read 1 point and a write 5 against the points per minute', async () => {
    const { fake, number } = world;
    fake.setSecondaryLimits({ pointsPerMinute: 10 });
    for (let i = 0; i < 6; i++) expect((await call(fake, 'GET', '/repos/acme/rocket')).status).toBe(200);
    expectSecondaryLimit(await comment(fake, number, 'six points spent, five more are too many'));
    expect((await call(fake, 'GET', '/repos/acme/rocket')).status).toBe(200);
    expect(fake.secondaryLimitHits.map((hit) => hit.reason)).toEqual(['pointsPerMinute']);
  });

  it('counts writes per hour on the fake clock', async () => {
    const { fake, number } = world;
    fake.setSecondaryLimits({ writesPerHour: 2 });
    const start = fake.clock.epochSeconds();
    for (let i = 0; i < 2; i++) expect((await comment(fake, number, `comment ${i}`)).status).toBe(201);
    const refused = await comment(fake, number, 'one too many this hour');
    expectSecondaryLimit(refused);
    // The first write came in at `start` (each write then ticks the clock): it leaves the hour at start + 3600.
    expect(refused.headers.get('retry-after')).toBe(String(start + 3600 - fake.clock.epochSeconds()));
    fake.clock.advance(3600);
    expect((await comment(fake, number, 'a new hour')).status).toBe(201);
  });

  it('can be switched off, per fake or on the way', async () => {
    const { fake, number } = world;
    fake.setSecondaryLimits({ writesPerMinute: 1 });
    expect((await comment(fake, number, 'one')).status).toBe(201);
    expect((await comment(fake, number, 'two')).status).toBe(403);
    fake.setSecondaryLimits(false);
    expect((await comment(fake, number, 'three')).status).toBe(201);

    const own = await createFakeGitHub({ secondaryLimits: false });
    try {
      own.createRepo('acme/rocket');
      own.commit('acme/rocket', 'feature', { 'a.txt': 'a\n' });
      const pr = own.openPullRequest('acme/rocket', { base: 'main', head: 'feature', title: 'A', author: 'alice' });
      for (let i = 0; i < 81; i++) expect((await comment(own, pr, `comment ${i}`)).status).toBe(201);
      expect(own.secondaryLimitHits).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
