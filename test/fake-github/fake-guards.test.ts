// What makes the fake strict: schema violations, auth, permissions, faults, clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeGitHub } from './index.ts';
import type { FakeGitHub } from './index.ts';
import { call, seedRepo } from './test-helpers.ts';

let fake: FakeGitHub;

beforeEach(async () => {
  fake = await createFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

describe('violations', () => {
  it('rejects a request body that does not match the schema (state "green")', async () => {
    const { repo, head } = seedRepo(fake);
    const res = await call(fake, 'POST', `/repos/${repo}/statuses/${head}`, { body: { state: 'green', context: 'gate' } });
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ message: expect.stringContaining('Invalid request'), status: '422' });
    expect(fake.violations).toEqual([expect.objectContaining({ kind: 'request', method: 'POST', path: `/repos/${repo}/statuses/${head}`, message: expect.stringContaining('body/state') })]);
    expect(fake.statuses(repo, head)).toEqual([]);
  });

  it('rejects per_page over 100 and unknown enum values in the query', async () => {
    const { repo } = seedRepo(fake);
    expect((await call(fake, 'GET', `/repos/${repo}/pulls?per_page=500`)).status).toBe(422);
    expect((await call(fake, 'GET', `/repos/${repo}/pulls?state=merged`)).status).toBe(422);
    expect(fake.violations.map((v) => v.message)).toEqual([expect.stringContaining('per_page'), expect.stringContaining('state')]);
  });

  it('rejects a status description over 140 characters, as GitHub does', async () => {
    const { repo, head } = seedRepo(fake);
    const res = await call(fake, 'POST', `/repos/${repo}/statuses/${head}`, { body: { state: 'success', description: 'x'.repeat(141) } });
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ errors: [{ resource: 'Status', field: 'description', message: 'description is too long (maximum is 140 characters)' }] });
    expect(fake.violations).toHaveLength(1);
  });

  it('records a route GitHub does not have, and answers 404', async () => {
    seedRepo(fake);
    const res = await call(fake, 'GET', '/repos/acme/rocket/pull/1');
    expect(res.status).toBe(404);
    expect(fake.violations).toEqual([expect.objectContaining({ kind: 'request', message: expect.stringContaining('no operation') })]);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/repos/acme/rocket/pull/1', status: 404, operationId: undefined });
  });

  it('records a real operation the fake does not implement', async () => {
    seedRepo(fake);
    const res = await call(fake, 'POST', '/repos/acme/rocket/issues/1/labels', { body: { labels: ['x'] } });
    expect(res.status).toBe(404);
    expect(fake.violations[0]?.message).toContain('issues/add-labels');
  });

  it('detects a response that does not match GitHub’s schema', async () => {
    const { repo, number } = seedRepo(fake);
    fake.inject({ path: `/repos/${repo}/pulls/${number}`, status: 200, body: JSON.stringify({ number, title: 'half a pull request' }) });
    const res = await call(fake, 'GET', `/repos/${repo}/pulls/${number}`);
    expect(res.status).toBe(200);
    expect(fake.violations.length).toBeGreaterThan(0);
    expect(fake.violations.every((v) => v.kind === 'response')).toBe(true);
    expect(fake.violations.map((v) => v.message).join('\n')).toContain("must have required property 'head'");
  });
});

describe('authentication and permissions', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    seedRepo(fake);
    for (const token of [null, 'ghs_unknown']) {
      const res = await call(fake, 'GET', '/repos/acme/rocket/pulls/1', { token });
      expect(res.status).toBe(401);
      expect(res.json()).toMatchObject({ message: 'Bad credentials' });
    }
    expect(fake.violations).toEqual([]);
  });

  it('accepts Bearer as well as token', async () => {
    seedRepo(fake);
    const res = await fetch(`${fake.url}/repos/acme/rocket`, { headers: { authorization: 'Bearer ghs_gate' } });
    expect(res.status).toBe(200);
  });

  it('answers 403 with x-accepted-github-permissions when the token lacks a permission', async () => {
    const { repo, head, number } = seedRepo(fake);
    fake.addToken('ghs_readonly', { actor: 'github-actions[bot]', permissions: { contents: 'read', pull_requests: 'read', statuses: 'read' } });
    const status = await call(fake, 'POST', `/repos/${repo}/statuses/${head}`, { token: 'ghs_readonly', body: { state: 'success' } });
    expect(status.status).toBe(403);
    expect(status.headers.get('x-accepted-github-permissions')).toBe('statuses=write');
    expect(status.json()).toMatchObject({ message: 'Resource not accessible by integration', status: '403' });

    const comment = await call(fake, 'POST', `/repos/${repo}/issues/${number}/comments`, { token: 'ghs_readonly', body: { body: 'hi' } });
    expect(comment.status).toBe(403);
    expect(comment.headers.get('x-accepted-github-permissions')).toBe('issues=write; pull_requests=write');

    const checks = await call(fake, 'GET', `/repos/${repo}/commits/${head}/check-runs`, { token: 'ghs_readonly' });
    expect(checks.headers.get('x-accepted-github-permissions')).toBe('checks=read');
    expect((await call(fake, 'GET', `/repos/${repo}/pulls/${number}`, { token: 'ghs_readonly' })).status).toBe(200);
  });

  it('lets pull_requests: write alone comment on a pull request, as the gate token does', async () => {
    const { repo, number } = seedRepo(fake);
    fake.addToken('ghs_pr', { actor: 'github-actions[bot]', permissions: { pull_requests: 'write' } });
    expect((await call(fake, 'POST', `/repos/${repo}/issues/${number}/comments`, { token: 'ghs_pr', body: { body: 'hi' } })).status).toBe(201);
  });
});

describe('fault injection', () => {
  it('answers the next matching requests with the injected raw response, then recovers', async () => {
    const { repo, number } = seedRepo(fake);
    fake.inject({ method: 'GET', path: '/repos/{owner}/{repo}/pulls/{pull_number}', status: 502, body: '<html>Bad gateway</html>', times: 2, headers: { 'content-type': 'text/html' } });
    for (let i = 0; i < 2; i++) {
      const res = await call(fake, 'GET', `/repos/${repo}/pulls/${number}`);
      expect([res.status, res.text, res.headers.get('content-type')]).toEqual([502, '<html>Bad gateway</html>', 'text/html']);
    }
    expect((await call(fake, 'GET', `/repos/${repo}/pulls/${number}`)).status).toBe(200);
    expect(fake.pendingFaults).toBe(0);
    expect(fake.violations).toEqual([]);
  });

  it('can send malformed JSON with a 200', async () => {
    const { repo } = seedRepo(fake);
    fake.inject({ path: /\/contents\//, status: 200, body: '{"type": "file", "content": ' });
    const res = await call(fake, 'GET', `/repos/${repo}/contents/.github/readiness.yml`);
    expect(res.status).toBe(200);
    expect(() => res.json()).toThrow();
  });

  it('delays an answer to simulate a hang', async () => {
    const { repo } = seedRepo(fake);
    fake.inject({ path: `/repos/${repo}`, delayMs: 5_000 });
    await expect(call(fake, 'GET', `/repos/${repo}`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    fake.inject({ path: `/repos/${repo}`, delayMs: 50 });
    const started = performance.now();
    expect((await call(fake, 'GET', `/repos/${repo}`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });
});

describe('clock', () => {
  it('starts at 2026-11-21T09:00:00Z and ticks one second per mutation', async () => {
    expect(fake.clock.iso()).toBe('2026-11-21T09:00:00Z');
    const { repo, number } = seedRepo(fake);
    const after = Date.parse(fake.clock.iso());
    const comment = fake.addComment(repo, number, { user: 'bob', body: 'hello' });
    expect(Date.parse(comment.created_at)).toBe(after + 1000);
    fake.clock.advance(3600);
    const edited = fake.editComment(comment.id, 'hello again', { by: 'bob' });
    expect(edited.updated_at).toBe(new Date(after + 3_602_000).toISOString().replace('.000', ''));
    const created = (await call(fake, 'POST', `/repos/${repo}/issues/${number}/comments`, { body: { body: 'via HTTP' } })).json() as { created_at: string };
    expect(Date.parse(created.created_at)).toBe(after + 3_603_000);
    expect(created.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});
