// What a probe description may say, checked without any network: refusals throw before a
// connection is even tried.
import { describe, expect, it } from 'vitest';
import { runHttpProbe } from '../../src/probes/http-probe.ts';
import { readJsonPath } from '../../src/core/json/json-path.ts';
import { httpProbeSettings, PROBE_BOUNDS, ProbeInputError, tlsProbeSettings } from '../../src/probes/probe-input.ts';
import { checkProbeHost, checkProbeUrl } from '../../src/core/config/probe-url.ts';
import { runTlsProbe } from '../../src/probes/tls-probe.ts';

describe('checkProbeUrl', () => {
  it('accepts an https URL with a port, path and query', () => {
    expect(checkProbeUrl('https://status.example.com:8443/healthz?deep=1')).toBeNull();
  });

  it.each([
    ['http://status.example.com/healthz', 'only https:// URLs are probed, not http://'],
    ['ftp://status.example.com/', 'only https:// URLs are probed, not ftp://'],
    ['https://user:hunter2@status.example.com/', 'the probe URL must not hold credentials (user:password@): probes never authenticate'],
    ['https://token@status.example.com/', 'the probe URL must not hold credentials (user:password@): probes never authenticate'],
    ['https://status.example.com/#section', 'the probe URL must not have a fragment (#…): it is never sent to the server'],
    ['https://status.example.com/#', 'the probe URL must not have a fragment (#…): it is never sent to the server'],
    ['/healthz', 'the probe URL is not a valid absolute URL'],
    ['', 'the probe URL is empty'],
    [`https://example.com/${'a'.repeat(2048)}`, 'the probe URL is longer than 2048 characters'],
  ])('refuses %s', (url, message) => {
    expect(checkProbeUrl(url)).toBe(message);
  });

  it('never repeats a secret the URL holds', () => {
    expect(checkProbeUrl('https://user:hunter2@status.example.com/')).not.toContain('hunter2');
  });
});

describe('checkProbeHost', () => {
  it.each(['example.com', 'localhost', '127.0.0.1', '::1', 'xn--bcher-kva.example'])('accepts %s', (host) => {
    expect(checkProbeHost(host)).toBeNull();
  });

  it.each(['https://example.com', 'example.com/path', 'example.com:443', '-bad.example', 'a..b', ''])('refuses %j', (host) => {
    expect(checkProbeHost(host)).toEqual(expect.any(String));
  });
});

describe('probe bounds', () => {
  const url = 'https://status.example.com/healthz';

  it('fills the defaults', () => {
    const settings = httpProbeSettings({ url });
    expect(settings).toMatchObject({ expectStatus: [200], json: null, timeoutMs: 5000, maxBodyBytes: 65_536 });
    expect([...settings.allowHosts]).toEqual(['status.example.com']);
    expect(tlsProbeSettings({ host: 'Example.COM', minDays: 30 })).toEqual({ host: 'example.com', port: 443, minDays: 30, timeoutMs: 5000 });
  });

  it.each([
    [{ url, timeoutMs: 0 }, '`timeoutMs` must be a whole number from 1 to 30000'],
    [{ url, timeoutMs: PROBE_BOUNDS.timeoutMs.max + 1 }, '`timeoutMs` must be a whole number from 1 to 30000'],
    [{ url, maxBodyBytes: 1024 * 1024 + 1 }, '`maxBodyBytes` must be a whole number from 1 to 1048576'],
    [{ url, expectStatus: [] }, '`expectStatus` must list HTTP statuses from 100 to 599'],
    [{ url, expectStatus: [600] }, '`expectStatus` must list HTTP statuses from 100 to 599'],
    [{ url, allowHosts: ['https://other.example'] }, /^`allowHosts`: /],
    [{ url, json: { path: 'checks..db', equals: 'up' } }, /^`json.path` must be a dot path/],
    [{ url, json: { path: 'status', equals: { nested: true } as unknown as string } }, '`json.equals` must be a string, a number or true/false'],
  ])('refuses %j', (probe, message) => {
    expect(() => httpProbeSettings(probe)).toThrow(message);
  });

  it.each([
    [{ host: 'example.com', minDays: -1 }, '`tls.min_days` must be a whole number from 0 to 3650'],
    [{ host: 'example.com', port: 70_000, minDays: 30 }, '`tls.port` must be a whole number from 1 to 65535'],
    [{ host: 'example.com:443', minDays: 30 }, /^`tls.host`: /],
  ])('refuses the TLS probe %j', (probe, message) => {
    expect(() => tlsProbeSettings(probe)).toThrow(message);
  });

  it('rejects a refused description before connecting anywhere', async () => {
    await expect(runHttpProbe({ url: 'http://127.0.0.1:1/' })).rejects.toThrow(ProbeInputError);
    await expect(runHttpProbe({ url: 'https://u:p@127.0.0.1:1/' })).rejects.toThrow(ProbeInputError);
    await expect(runTlsProbe({ host: 'localhost', minDays: 1.5 })).rejects.toThrow(ProbeInputError);
  });
});

describe('readJsonPath', () => {
  const document = { status: 'ok', checks: { db: null, list: [{ state: 'up' }] } };

  it('follows objects and array indexes', () => {
    expect(readJsonPath(document, ['status'])).toEqual({ found: true, value: 'ok' });
    expect(readJsonPath(document, ['checks', 'db'])).toEqual({ found: true, value: null });
    expect(readJsonPath(document, ['checks', 'list', '0', 'state'])).toEqual({ found: true, value: 'up' });
  });

  it('finds nothing the server did not send', () => {
    expect(readJsonPath(document, ['checks', 'list', '1'])).toEqual({ found: false });
    expect(readJsonPath(document, ['checks', 'list', '01'])).toEqual({ found: false });
    expect(readJsonPath(document, ['status', 'length'])).toEqual({ found: false });
    expect(readJsonPath(document, ['constructor'])).toEqual({ found: false });
    expect(readJsonPath(document, ['__proto__'])).toEqual({ found: false });
  });
});
