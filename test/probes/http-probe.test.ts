// The HTTP probe against real HTTPS servers on 127.0.0.1, trusting a CA made for the test run.
// Every count and header is read on the server's side; no test sleeps.
import type { ServerResponse } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runHttpProbe } from '../../src/probes/http-probe.ts';
import type { ProbeOptions } from '../../src/probes/probe-fact.ts';
import { makeTestCertificates, type TestCertificates } from './certificates.ts';
import { closeAll, closedPort, startHttpsServer } from './local-servers.ts';

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});
afterEach(closeAll);

/** Trust the test CA, date the fact on the certificates' clock, and retry at once. */
const options = (): ProbeOptions => ({ ca: certs.ca, now: () => certs.issuedAt, retryDelayMs: 5 });

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function redirect(res: ServerResponse, location: string, status = 302): void {
  res.writeHead(status, { location, 'set-cookie': 'session=secret; Secure; HttpOnly' });
  res.end();
}

describe('runHttpProbe: status', () => {
  it('passes on 200, and records when and how fast', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => sendJson(res, 200, { status: 'ok' }));
    const fact = await runHttpProbe({ url: `${server.origin}/healthz` }, options());
    expect(fact).toMatchObject({ kind: 'http', url: `${server.origin}/healthz`, at: certs.issuedAt.toISOString(), outcome: 'pass', status: 200, attempts: 1 });
    expect(fact.detail).toMatch(/^answered 200 in \d+ ms$/);
    expect(fact.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(server.requests.map((request) => request.path)).toEqual(['/healthz']);
    // Plain JSON: it survives the evidence snapshot unchanged.
    expect(JSON.parse(JSON.stringify(fact))).toEqual(fact);
  });

  it('fails on a status it does not expect, without retrying a 4xx', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => sendJson(res, 404, {}));
    const fact = await runHttpProbe({ url: `${server.origin}/healthz` }, options());
    expect(fact).toMatchObject({ outcome: 'fail', status: 404, attempts: 1, detail: 'answered 404, expected 200' });
    expect(server.requests).toHaveLength(1);
  });

  it('passes on any listed status', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => res.writeHead(204).end());
    const fact = await runHttpProbe({ url: server.origin, expectStatus: [200, 204] }, options());
    expect(fact).toMatchObject({ outcome: 'pass', status: 204 });
  });
});

describe('runHttpProbe: JSON field', () => {
  const health = { status: 'degraded', checks: { db: 'up', queue: 3, ready: false } };

  it('passes when the field has the value', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => sendJson(res, 200, health));
    const fact = await runHttpProbe({ url: server.origin, json: { path: 'checks.db', equals: 'up' } }, options());
    expect(fact).toMatchObject({ outcome: 'pass', status: 200, json: 'up' });
    expect(fact.detail).toMatch(/^answered 200 in \d+ ms, `checks.db` is "up"$/);
  });

  it('fails when the field has another value, and records the value', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => sendJson(res, 200, health));
    const fact = await runHttpProbe({ url: server.origin, json: { path: 'status', equals: 'ok' } }, options());
    expect(fact).toMatchObject({ outcome: 'fail', status: 200, json: 'degraded', detail: '`status` is "degraded", expected "ok"', attempts: 1 });
  });

  it('compares types strictly: 3 is not "3", false is not "false"', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => sendJson(res, 200, health));
    const number = await runHttpProbe({ url: server.origin, json: { path: 'checks.queue', equals: '3' } }, options());
    expect(number).toMatchObject({ outcome: 'fail', json: 3, detail: '`checks.queue` is 3, expected "3"' });
    const boolean = await runHttpProbe({ url: server.origin, json: { path: 'checks.ready', equals: false } }, options());
    expect(boolean).toMatchObject({ outcome: 'pass', json: false });
  });

  it('fails when the field is missing', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => sendJson(res, 200, health));
    const fact = await runHttpProbe({ url: server.origin, json: { path: 'checks.cache', equals: 'up' } }, options());
    expect(fact).toMatchObject({ outcome: 'fail', status: 200, detail: '`checks.cache` is missing' });
    expect(fact).not.toHaveProperty('json');
  });

  it('fails when the answer is not JSON', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('OK'));
    const fact = await runHttpProbe({ url: server.origin, json: { path: 'status', equals: 'ok' } }, options());
    expect(fact).toMatchObject({ outcome: 'fail', detail: 'the answer is not JSON, so `status` was not read' });
  });

  it('records an object found at the path only as words, never the object', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => sendJson(res, 200, health));
    const fact = await runHttpProbe({ url: server.origin, json: { path: 'checks', equals: 'up' } }, options());
    expect(fact).toMatchObject({ outcome: 'fail', detail: '`checks` is an object, expected "up"' });
    expect(fact).not.toHaveProperty('json');
  });
});

describe('runHttpProbe: body cap', () => {
  it('stops reading an endless body at the cap, and a JSON check on it fails', async () => {
    // The server writes until the client hangs up: only a probe that stops reading returns.
    const server = await startHttpsServer(certs.valid, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":"ok","padding":"');
      const more = (): void => {
        while (!res.destroyed && res.write('x'.repeat(16 * 1024)));
        if (!res.destroyed) res.once('drain', more);
      };
      more();
    });
    const fact = await runHttpProbe({ url: server.origin, json: { path: 'status', equals: 'ok' }, maxBodyBytes: 1024 }, options());
    expect(fact).toMatchObject({ outcome: 'fail', status: 200, attempts: 1, detail: 'the answer is longer than 1 KiB, so `status` was not read' });
  });

  it('reads a body of exactly the cap', async () => {
    const body = JSON.stringify({ status: 'ok', padding: '' });
    const exact = JSON.stringify({ status: 'ok', padding: 'x'.repeat(1024 - body.length) });
    expect(exact).toHaveLength(1024);
    const server = await startHttpsServer(certs.valid, (_req, res) => res.writeHead(200).end(exact));
    const fact = await runHttpProbe({ url: server.origin, json: { path: 'status', equals: 'ok' }, maxBodyBytes: 1024 }, options());
    expect(fact).toMatchObject({ outcome: 'pass', json: 'ok' });
  });
});

describe('runHttpProbe: deadline and retry', () => {
  it('gives up on a server that never answers after two attempts: unreachable', async () => {
    const server = await startHttpsServer(certs.valid, () => {
      // Never answers.
    });
    const fact = await runHttpProbe({ url: server.origin, timeoutMs: 300 }, options());
    expect(fact).toMatchObject({ outcome: 'unreachable', attempts: 2, detail: 'no answer within 300 ms (tried twice)' });
    expect(fact).not.toHaveProperty('status');
    expect(server.requests).toHaveLength(2);
  });

  it('passes when a 503 is followed by a 200 on the retry', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res, index) => sendJson(res, index === 0 ? 503 : 200, {}));
    const fact = await runHttpProbe({ url: server.origin }, options());
    expect(fact).toMatchObject({ outcome: 'pass', status: 200, attempts: 2 });
    expect(fact.detail).toMatch(/^answered 200 in \d+ ms \(on the retry; the first attempt: answered 503\)$/);
    expect(server.requests).toHaveLength(2);
  });

  it('fails on a 5xx that is given again', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => sendJson(res, 503, {}));
    const fact = await runHttpProbe({ url: server.origin }, options());
    expect(fact).toMatchObject({ outcome: 'fail', status: 503, attempts: 2, detail: 'answered 503, expected 200 (tried twice)' });
    expect(server.requests).toHaveLength(2);
  });

  it('is unreachable when the connection is refused, twice', async () => {
    const port = await closedPort();
    const fact = await runHttpProbe({ url: `https://127.0.0.1:${port}/` }, options());
    expect(fact).toMatchObject({ outcome: 'unreachable', attempts: 2, detail: `connection refused by 127.0.0.1:${port} (tried twice)` });
  });
});

describe('runHttpProbe: redirects', () => {
  it('follows a redirect on the same host', async () => {
    const server = await startHttpsServer(certs.valid, (req, res) => (req.url === '/start' ? redirect(res, '/final?x=1#top') : sendJson(res, 200, {})));
    const fact = await runHttpProbe({ url: `${server.origin}/start` }, options());
    expect(fact).toMatchObject({ outcome: 'pass', status: 200, attempts: 1 });
    expect(server.requests.map((request) => request.path)).toEqual(['/start', '/final?x=1']);
  });

  it('refuses a redirect to another host, without asking it', async () => {
    const server = await startHttpsServer(certs.valid, (req, res) => (req.url === '/start' ? redirect(res, `https://localhost:${server.port}/final`) : sendJson(res, 200, {})));
    const fact = await runHttpProbe({ url: `${server.origin}/start` }, options());
    expect(fact).toMatchObject({ outcome: 'fail', status: 302, attempts: 1, detail: 'redirected to localhost, which is not allowed' });
    expect(server.requests.map((request) => request.path)).toEqual(['/start']);
  });

  it('follows a redirect to a host in allowHosts', async () => {
    const server = await startHttpsServer(certs.valid, (req, res) => (req.url === '/start' ? redirect(res, `https://localhost:${server.port}/final`, 307) : sendJson(res, 200, {})));
    const fact = await runHttpProbe({ url: `${server.origin}/start`, allowHosts: ['LocalHost'] }, options());
    expect(fact).toMatchObject({ outcome: 'pass', status: 200 });
    expect(server.requests.map((request) => [request.path, request.headers.host])).toEqual([
      ['/start', `127.0.0.1:${server.port}`],
      ['/final', `localhost:${server.port}`],
    ]);
  });

  it('follows at most 3 redirects', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res, index) => redirect(res, `/hop-${index + 1}`));
    const fact = await runHttpProbe({ url: `${server.origin}/hop-0` }, options());
    expect(fact).toMatchObject({ outcome: 'fail', status: 302, detail: 'redirected more than 3 times' });
    expect(server.requests.map((request) => request.path)).toEqual(['/hop-0', '/hop-1', '/hop-2', '/hop-3']);
  });

  it('never follows a redirect to plain http', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => redirect(res, `http://127.0.0.1:${server.port}/final`, 301));
    const fact = await runHttpProbe({ url: server.origin }, options());
    expect(fact).toMatchObject({ outcome: 'fail', status: 301, detail: 'redirected to http:// 127.0.0.1, and only https is followed' });
    expect(server.requests).toHaveLength(1);
  });

  it('takes an expected 3xx as the answer, without following it', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => redirect(res, '/elsewhere', 301));
    const fact = await runHttpProbe({ url: server.origin, expectStatus: [301] }, options());
    expect(fact).toMatchObject({ outcome: 'pass', status: 301 });
    expect(server.requests).toHaveLength(1);
  });
});

describe('runHttpProbe: what reaches the server', () => {
  it('sends only Host, User-Agent, Accept and Connection: no cookie it was given, no credentials it was sent to', async () => {
    const server = await startHttpsServer(certs.valid, (req, res) => {
      if (req.url === '/start') return redirect(res, '/next');
      if (req.url === '/next') return redirect(res, `https://user:secret@127.0.0.1:${server.port}/final`);
      sendJson(res, 200, {});
    });
    const fact = await runHttpProbe({ url: `${server.origin}/start` }, options());
    expect(fact).toMatchObject({ outcome: 'fail', detail: 'redirected to a URL with credentials, which is never followed' });
    expect(server.requests.map((request) => request.path)).toEqual(['/start', '/next']);
    for (const request of server.requests) {
      expect(request.headerNames.sort()).toEqual(['accept', 'connection', 'host', 'user-agent']);
      expect(request.headers['user-agent']).toBe('release-readiness-probe');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers.cookie).toBeUndefined();
    }
  });

  it('sends nothing at all to a server whose certificate is not trusted: fail, not retried', async () => {
    const server = await startHttpsServer(certs.valid, (_req, res) => sendJson(res, 200, {}));
    const fact = await runHttpProbe({ url: server.origin }, { now: () => certs.issuedAt, retryDelayMs: 5 });
    expect(fact).toMatchObject({ outcome: 'fail', attempts: 1, detail: 'certificate not trusted: unable to verify the first certificate' });
    expect(server.requests).toHaveLength(0);
  });

  it('fails on a certificate for another name', async () => {
    const server = await startHttpsServer(certs.wrongName, (_req, res) => sendJson(res, 200, {}));
    const fact = await runHttpProbe({ url: `https://localhost:${server.port}/` }, options());
    expect(fact.outcome).toBe('fail');
    expect(fact.detail).toMatch(/^certificate not valid for localhost: .*other\.example/);
    expect(server.requests).toHaveLength(0);
  });

  it('fails on an expired certificate', async () => {
    const server = await startHttpsServer(certs.expired, (_req, res) => sendJson(res, 200, {}));
    const fact = await runHttpProbe({ url: server.origin }, options());
    expect(fact).toMatchObject({ outcome: 'fail', attempts: 1, detail: 'certificate expired' });
    expect(server.requests).toHaveLength(0);
  });
});
