// The gate's HTTP transport: node:http(s) in place of fetch, as Octokit uses it.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { describeApiError } from '../../src/github/api-problem.ts';
import { createGitHubClient } from '../../src/github/octokit-client.ts';
import { proxyConfigured } from '../../src/github/requests/http-send.ts';
import { nodeFetch } from '../../src/github/requests/node-fetch.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    handler!(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('the node:http transport', () => {
  it('answers as fetch does: status, headers, a gzipped JSON body', async () => {
    const { url, seen } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip', etag: 'W/"1"', 'x-ratelimit-remaining': '999' });
      res.end(gzipSync(JSON.stringify({ login: 'octocat' })));
    });
    const response = await nodeFetch(`${url}/user`, { method: 'GET', headers: { authorization: 'token t', accept: 'application/json' } });
    expect([response.status, response.headers.get('ETag'), response.headers.get('x-ratelimit-remaining')]).toEqual([200, 'W/"1"', '999']);
    expect(await response.json()).toEqual({ login: 'octocat' });
    expect(seen[0]).toMatchObject({ authorization: 'token t', 'accept-encoding': 'gzip' });
  });

  it('follows a redirect, and never carries the token to another host', async () => {
    const other = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('moved here'));
    const { url, seen } = await serve((req, res) => {
      if (req.url === '/old') return res.writeHead(301, { location: '/new' }).end();
      if (req.url === '/new') return res.writeHead(302, { location: `${other.url.replace('127.0.0.1', 'localhost')}/elsewhere` }).end();
      res.writeHead(404).end();
    });
    const response = await nodeFetch(`${url}/old`, { method: 'GET', headers: { authorization: 'token t' } });
    expect([response.status, await response.text(), response.url]).toEqual([200, 'moved here', `${other.url.replace('127.0.0.1', 'localhost')}/elsewhere`]);
    expect(seen.map((headers) => headers.authorization)).toEqual(['token t', 'token t']);
    expect(other.seen[0]!.authorization).toBeUndefined();
  });

  it('fails like fetch when nothing answers, so the explanation names the cause', async () => {
    const { url } = await serve(() => {});
    servers[0]!.close();
    servers[0]!.closeAllConnections();
    const error = await nodeFetch(`${url}/user`, { method: 'GET', headers: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
    const client = createGitHubClient({ token: 't', baseUrl: url, requestTimeoutMs: 2000, retries: 0, retryBaseMs: 1, log: { debug: () => {}, warning: () => {} } });
    const failure = await client.rest.users.getAuthenticated().catch((e: unknown) => e);
    const problem = describeApiError(failure, 'the account', {});
    expect(problem.message).toMatch(/^no answer from GitHub at 127\.0\.0\.1:(\d+): connect ECONNREFUSED 127\.0\.0\.1:\1$/);
    expect(problem.fix).toMatch(/refused/);
  });

  it('gives up on a request that hangs, with the signal’s reason', async () => {
    const { url } = await serve(() => {});
    const error = await nodeFetch(`${url}/slow`, { method: 'GET', headers: {}, signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('leaves a proxied setup to Node’s own fetch', () => {
    expect(proxyConfigured({})).toBe(false);
    expect(proxyConfigured({ HTTPS_PROXY: 'http://proxy:3128' })).toBe(true);
    expect(proxyConfigured({ http_proxy: 'http://proxy:3128' })).toBe(true);
  });
});
