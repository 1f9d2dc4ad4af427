// The TLS probe against real TLS servers on 127.0.0.1, with certificates dated for the test
// run, read on the certificates' own clock so that the days left are exact.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeOptions } from '../../src/probes/probe-fact.ts';
import { runTlsProbe } from '../../src/probes/tls-probe.ts';
import { makeTestCertificates, type TestCertificates } from './certificates.ts';
import { closeAll, closedPort, startSilentServer, startTlsServer } from './local-servers.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});
afterEach(closeAll);

const options = (): ProbeOptions => ({ ca: certs.ca, now: () => certs.issuedAt, retryDelayMs: 5 });
const daysFromIssue = (days: number): string => new Date(certs.issuedAt.getTime() + days * DAY_MS).toISOString();

describe('runTlsProbe', () => {
  it('passes a certificate valid for 365 more days, and says who issued it to whom', async () => {
    const server = await startTlsServer(certs.valid);
    const fact = await runTlsProbe({ host: 'localhost', port: server.port, minDays: 30 }, options());
    expect(fact).toEqual({
      kind: 'tls',
      host: 'localhost',
      port: server.port,
      at: certs.issuedAt.toISOString(),
      outcome: 'pass',
      validTo: daysFromIssue(365),
      daysLeft: 365,
      issuer: 'CN=Probe Test CA',
      subject: 'CN=localhost',
      detail: `certificate valid until ${daysFromIssue(365).slice(0, 10)}: 365 days left (30 required)`,
    });
  });

  it('checks an address against the certificate’s IP entries', async () => {
    const server = await startTlsServer(certs.valid);
    const fact = await runTlsProbe({ host: '127.0.0.1', port: server.port, minDays: 30 }, options());
    expect(fact).toMatchObject({ outcome: 'pass', daysLeft: 365 });
  });

  it('fails a certificate with 5 days left when 30 are required', async () => {
    const server = await startTlsServer(certs.expiresSoon);
    const fact = await runTlsProbe({ host: 'localhost', port: server.port, minDays: 30 }, options());
    expect(fact).toMatchObject({ outcome: 'fail', daysLeft: 5, validTo: daysFromIssue(5) });
    expect(fact.detail).toBe(`certificate valid until ${daysFromIssue(5).slice(0, 10)}: 5 days left, fewer than the 30 required`);
  });

  it('fails an expired certificate, with its date', async () => {
    const server = await startTlsServer(certs.expired);
    const fact = await runTlsProbe({ host: 'localhost', port: server.port, minDays: 30 }, options());
    expect(fact).toMatchObject({ outcome: 'fail', daysLeft: -10, validTo: daysFromIssue(-10), detail: `certificate expired on ${daysFromIssue(-10).slice(0, 10)}` });
  });

  it('counts the days on the clock it is given', async () => {
    const server = await startTlsServer(certs.valid);
    const later = new Date(certs.issuedAt.getTime() + 400 * DAY_MS);
    const fact = await runTlsProbe({ host: 'localhost', port: server.port, minDays: 0 }, { ...options(), now: () => later });
    expect(fact).toMatchObject({ outcome: 'fail', daysLeft: -35, at: later.toISOString() });
    expect(fact.detail).toMatch(/^certificate expired on /);
  });

  it('fails a certificate it does not trust, with the reason, and still reports its dates', async () => {
    const server = await startTlsServer(certs.valid);
    const fact = await runTlsProbe({ host: 'localhost', port: server.port, minDays: 30 }, { now: () => certs.issuedAt, retryDelayMs: 5 });
    expect(fact).toMatchObject({ outcome: 'fail', daysLeft: 365, detail: 'certificate not trusted: unable to verify the first certificate' });
  });

  it('fails a certificate for another name', async () => {
    const server = await startTlsServer(certs.wrongName);
    const fact = await runTlsProbe({ host: 'localhost', port: server.port, minDays: 30 }, options());
    expect(fact.outcome).toBe('fail');
    expect(fact.detail).toMatch(/^certificate not valid for localhost: .*DNS:other\.example/);
  });

  it('is unreachable when the connection is refused', async () => {
    const port = await closedPort();
    const fact = await runTlsProbe({ host: 'localhost', port, minDays: 30 }, options());
    expect(fact).toEqual({ kind: 'tls', host: 'localhost', port, at: certs.issuedAt.toISOString(), outcome: 'unreachable', detail: `connection refused by localhost:${port} (tried twice)` });
  });

  it('is unreachable when the handshake never completes, after one retry', async () => {
    const server = await startSilentServer();
    const fact = await runTlsProbe({ host: '127.0.0.1', port: server.port, minDays: 30, timeoutMs: 300 }, options());
    expect(fact).toMatchObject({ outcome: 'unreachable', detail: 'no answer within 300 ms (tried twice)' });
    expect(server.connections()).toBe(2);
  });
});
