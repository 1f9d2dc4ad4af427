// GitHub's primary rate limit over real HTTP: per token, on the fake's clock, and a
// spent limit refuses requests without serving them.
import { describe, expect, it } from 'vitest';
import { createFakeGitHub } from './index.ts';
import { call, useSeededFake, type SeededFake } from './test-helpers.ts';

let world: SeededFake;
useSeededFake((seeded) => (world = seeded));

const rateLimitOf = (res: { headers: Headers }) =>
  Object.fromEntries(['limit', 'remaining', 'used', 'reset', 'resource'].map((name) => [name, res.headers.get(`x-ratelimit-${name}`)]));

describe('the primary rate limit', () => {
  it('is counted per token, by kind: 1,000 an hour for a GITHUB_TOKEN, 5,000 for an app or a person', async () => {
    const { fake } = world;
    fake.addToken('ghs_app', { actor: 'github-actions[bot]', permissions: { metadata: 'read' }, kind: 'app' });
    fake.addToken('github_pat_alice', { actor: 'alice', permissions: { metadata: 'read' }, kind: 'user' });
    const start = fake.clock.epochSeconds();
    const first = await call(fake, 'GET', '/repos/acme/rocket');
    expect(rateLimitOf(first)).toEqual({ limit: '1000', remaining: '999', used: '1', reset: String(start + 3600), resource: 'core' });
    // The hour runs from the token's first request, however the clock moves within it.
    fake.clock.advance(600);
    expect(rateLimitOf(await call(fake, 'GET', '/repos/acme/rocket'))).toMatchObject({ remaining: '998', used: '2', reset: String(start + 3600) });

    const app = await call(fake, 'GET', '/repos/acme/rocket', { token: 'ghs_app' });
    expect(rateLimitOf(app)).toEqual({ limit: '5000', remaining: '4999', used: '1', reset: String(start + 600 + 3600), resource: 'core' });
    expect(rateLimitOf(await call(fake, 'GET', '/repos/acme/rocket', { token: 'github_pat_alice' }))).toMatchObject({ limit: '5000', used: '1' });

    expect(fake.rateLimit()).toEqual({ limit: 1000, used: 2, remaining: 998, reset: start + 3600 });
    expect(fake.rateLimit('ghs_app')).toMatchObject({ used: 1, remaining: 4999 });
  });

  it('counts errors too, and shows a full hour ahead for a token that has made no request', async () => {
    const { fake } = world;
    fake.addToken('ghs_idle', { actor: 'github-actions[bot]', permissions: {}, kind: 'app' });
    expect(fake.rateLimit('ghs_idle')).toEqual({ limit: 5000, used: 0, remaining: 5000, reset: fake.clock.epochSeconds() + 3600 });
    expect((await call(fake, 'GET', '/repos/acme/rocket/pulls/99')).status).toBe(404);
    expect((await call(fake, 'GET', '/repos/acme/rocket/commits/main/check-runs', { token: 'ghs_idle' })).status).toBe(403);
    expect([fake.rateLimit().used, fake.rateLimit('ghs_idle').used]).toEqual([1, 1]);
    expect(() => fake.rateLimit('ghs_unknown')).toThrow(/addToken/);
  });

  it('once spent, answers 403 with GitHub’s message and headers, and serves nothing', async () => {
    const { fake, number } = world;
    fake.setRateLimit('github-token', 2);
    for (let i = 0; i < 2; i++) expect((await call(fake, 'GET', '/repos/acme/rocket')).status).toBe(200);
    const refused = await call(fake, 'POST', `/repos/acme/rocket/issues/${number}/comments`, { body: { body: 'Readiness' } });
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual({
      message: 'API rate limit exceeded for installation ID 1.',
      documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
    });
    expect(rateLimitOf(refused)).toEqual({ limit: '2', remaining: '0', used: '2', reset: String(fake.rateLimit().reset), resource: 'core' });
    expect(fake.comments('acme/rocket', number)).toEqual([]);
    expect((await call(fake, 'GET', '/repos/acme/rocket')).status).toBe(403);
    expect(fake.rateLimit()).toMatchObject({ used: 2, remaining: 0 });
    expect(fake.rateLimitRejections).toBe(2);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 403, 403]);
  });

  it('names the person for a personal token', async () => {
    const { fake } = world;
    fake.addToken('github_pat_alice', { actor: 'alice', permissions: { metadata: 'read' }, kind: 'user' });
    fake.setRateLimit('user', 0);
    const refused = await call(fake, 'GET', '/repos/acme/rocket', { token: 'github_pat_alice' });
    expect([refused.status, (refused.json() as { message: string }).message]).toEqual([403, `API rate limit exceeded for user ID ${fake.user('alice').id}.`]);
    // Other tokens have their own count.
    expect((await call(fake, 'GET', '/repos/acme/rocket')).status).toBe(200);
  });

  it('starts a new window once the clock passes the reset', async () => {
    const { fake } = world;
    fake.setRateLimit('github-token', 1);
    const first = await call(fake, 'GET', '/repos/acme/rocket');
    const reset = Number(first.headers.get('x-ratelimit-reset'));
    fake.clock.advance(3599);
    expect((await call(fake, 'GET', '/repos/acme/rocket')).status).toBe(403);
    fake.clock.advance(1);
    const renewed = await call(fake, 'GET', '/repos/acme/rocket');
    expect(renewed.status).toBe(200);
    expect(rateLimitOf(renewed)).toMatchObject({ remaining: '0', used: '1', reset: String(reset + 3600) });
  });

  it('is set per fake', async () => {
    const own = await createFakeGitHub({ rateLimits: { 'github-token': 7 } });
    try {
      own.createRepo('acme/rocket');
      expect((await call(own, 'GET', '/repos/acme/rocket')).headers.get('x-ratelimit-limit')).toBe('7');
      expect(() => own.setRateLimit('app', -1)).toThrow(/whole number/);
    } finally {
      await own.close();
    }
  });
});
