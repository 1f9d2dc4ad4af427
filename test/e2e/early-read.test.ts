// The read the entry point sends before the action's code has loaded: the client takes its
// answer for the same request, once, and only with the same credentials.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/octokit-client.ts';
import { sendEarlyRead, takeEarlyRead } from '../../src/github/requests/early-read.ts';
import { RateBudget } from '../../src/github/requests/rate-budget.ts';
import { authorizationOf } from '../../src/github/token-identity.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

async function github(): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url!, headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': String(1000 - seen.length), 'x-ratelimit-reset': '2000000000', 'x-ratelimit-resource': 'core' });
    res.end(JSON.stringify({ number: 7, asked: seen.length }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const log = { debug: () => {}, warning: () => {} };
/** The answer's count of requests GitHub had been asked when it answered. */
const asked = (data: object) => (data as { asked: number }).asked;
const client = (baseUrl: string, token: string, budget = new RateBudget()) => createGitHubClient({ token, baseUrl, requestTimeoutMs: 2000, retries: 0, retryBaseMs: 1, budget, log });
const ACCEPT = 'application/vnd.github.v3+json';

describe('the early read', () => {
  it('is the answer the client gets for that request: GitHub is asked once, and the budget counts it', async () => {
    const { url, seen } = await github();
    await sendEarlyRead({ url: `${url}/repos/acme/rocket/pulls/7`, authorization: authorizationOf('ghs_gate'), accept: ACCEPT });
    const budget = new RateBudget();
    const { data } = await client(url, 'ghs_gate', budget).rest.pulls.get({ owner: 'acme', repo: 'rocket', pull_number: 7 });
    expect(data).toEqual({ number: 7, asked: 1 });
    expect(seen.map((s) => s.url)).toEqual(['/repos/acme/rocket/pulls/7']);
    expect(seen[0]!.headers).toMatchObject({ authorization: 'token ghs_gate', accept: ACCEPT });
    expect(budget.counted).toBe(1);
    // Taken once: the same read again is asked of GitHub.
    const again = await client(url, 'ghs_gate').rest.pulls.get({ owner: 'acme', repo: 'rocket', pull_number: 7 });
    expect(again.data).toEqual({ number: 7, asked: 2 });
  });

  it('is never handed to another token, nor to another request', async () => {
    const { url, seen } = await github();
    await sendEarlyRead({ url: `${url}/repos/acme/rocket/pulls/7`, authorization: authorizationOf('ghs_gate'), accept: ACCEPT });
    const other = await client(url, 'ghs_other').rest.pulls.get({ owner: 'acme', repo: 'rocket', pull_number: 7 });
    const elsewhere = await client(url, 'ghs_gate').rest.pulls.get({ owner: 'acme', repo: 'rocket', pull_number: 8 });
    expect([asked(other.data), asked(elsewhere.data)].sort()).toEqual([2, 3]);
    expect(seen.filter((s) => s.headers.authorization === 'token ghs_other')).toHaveLength(1);
    // Still there for its own request.
    const own = await client(url, 'ghs_gate').rest.pulls.get({ owner: 'acme', repo: 'rocket', pull_number: 7 });
    expect(asked(own.data)).toBe(1);
    expect(seen).toHaveLength(3);
  });

  it('keeps the time limit of the request that takes it', async () => {
    const server = createServer(() => {}); // never answers
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/user`;
    await sendEarlyRead({ url, authorization: 'token t', accept: ACCEPT });
    const taken = takeEarlyRead(new URL(url), { method: 'GET', headers: { authorization: 'token t', accept: ACCEPT }, signal: AbortSignal.timeout(50) });
    expect(taken).not.toBeNull();
    await expect(taken).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
