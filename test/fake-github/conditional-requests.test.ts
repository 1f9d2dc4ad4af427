// Conditional requests over real HTTP: ETags on reads, 304 for an unchanged
// resource, not counted against the primary rate limit.
import { describe, expect, it } from 'vitest';
import { call, octokitFor, useSeededFake, type SeededFake } from './test-helpers.ts';

let world: SeededFake;
useSeededFake((seeded) => (world = seeded));

async function conditional(path: string, ifNoneMatch: string): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(world.fake.url + path, { headers: { authorization: 'token ghs_gate', accept: 'application/vnd.github+json', 'if-none-match': ifNoneMatch } });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

describe('conditional requests', () => {
  it('tags a read with a weak ETag and answers 304, with no body and uncounted, when it still holds', async () => {
    const { fake, number } = world;
    const path = `/repos/acme/rocket/pulls/${number}`;
    const first = await call(fake, 'GET', path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
    expect((await call(fake, 'GET', path)).headers.get('etag')).toBe(etag);

    const unchanged = await conditional(path, etag);
    expect([unchanged.status, unchanged.text, unchanged.headers.get('content-type'), unchanged.headers.get('etag')]).toEqual([304, '', null, etag]);
    expect(unchanged.headers.get('x-ratelimit-remaining')).toBe('998');
    expect(unchanged.headers.get('x-ratelimit-used')).toBe('2');
    expect(fake.rateLimit()).toMatchObject({ used: 2, remaining: 998 });
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 304]);
  });

  it('matches a list of tags, a strong spelling of the tag, and *, as HTTP does', async () => {
    const { fake } = world;
    // The comments list does not declare a 304 in GitHub's description: the fake does not flag it.
    const path = `/repos/acme/rocket/issues/${world.number}/comments`;
    const etag = (await call(fake, 'GET', path)).headers.get('etag')!;
    expect((await conditional(path, `W/"0000", ${etag}`)).status).toBe(304);
    expect((await conditional(path, etag.replace(/^W\//, ''))).status).toBe(304);
    expect((await conditional(path, '*')).status).toBe(304);
    expect((await conditional(path, 'W/"0000"')).status).toBe(200);
  });

  it('keeps an ETag to the token that read it: another token (a new job’s GITHUB_TOKEN) gets 200', async () => {
    const { fake, number } = world;
    const path = `/repos/acme/rocket/pulls/${number}`;
    const etag = (await call(fake, 'GET', path)).headers.get('etag')!;
    fake.addToken('ghs_next_job', { actor: 'github-actions[bot]', permissions: { pull_requests: 'read' }, kind: 'github-token' });
    const res = await fetch(fake.url + path, { headers: { authorization: 'token ghs_next_job', accept: 'application/vnd.github+json', 'if-none-match': etag } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
  });

  it('answers 200 with a new ETag once the resource changed', async () => {
    const { fake, number } = world;
    const path = `/repos/acme/rocket/pulls/${number}`;
    const etag = (await call(fake, 'GET', path)).headers.get('etag')!;
    fake.setPullRequest('acme/rocket', number, { title: 'Release 1.2.1' });
    const changed = await conditional(path, etag);
    expect(changed.status).toBe(200);
    expect(JSON.parse(changed.text)).toMatchObject({ title: 'Release 1.2.1' });
    expect(changed.headers.get('etag')).toMatch(/^W\/"[0-9a-f]{64}"$/);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(fake.rateLimit().used).toBe(2);
  });

  it('tags each page and each media type on its own, and never a write', async () => {
    const { fake, number } = world;
    for (let i = 0; i < 3; i++) fake.addComment('acme/rocket', number, { user: 'bob', body: `c${i}` });
    const path = `/repos/acme/rocket/issues/${number}/comments?per_page=2`;
    const pages = [await call(fake, 'GET', path), await call(fake, 'GET', `${path}&page=2`)];
    expect(new Set(pages.map((p) => p.headers.get('etag'))).size).toBe(2);
    const file = '/repos/acme/rocket/contents/src/app.ts';
    const raw = await call(fake, 'GET', file, { accept: 'application/vnd.github.raw+json' });
    expect(raw.headers.get('etag')).not.toBe((await call(fake, 'GET', file)).headers.get('etag'));
    const created = await call(fake, 'POST', `/repos/acme/rocket/issues/${number}/comments`, { body: { body: 'hi' } });
    expect([created.status, created.headers.get('etag')]).toEqual([201, null]);
  });

  it('reaches Octokit as a RequestError with status 304', async () => {
    const { fake, number } = world;
    const octokit = octokitFor(fake);
    const { headers } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'rocket', pull_number: number });
    const error = await octokit.rest.pulls.get({ owner: 'acme', repo: 'rocket', pull_number: number, headers: { 'if-none-match': headers.etag } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'HttpError', status: 304, response: { status: 304, headers: { etag: headers.etag } } });
  });
});
