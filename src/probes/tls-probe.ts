import type { PeerCertificate } from 'node:tls';
import { setTimeout as wait } from 'node:timers/promises';
import type { ProbeOptions, TlsProbeFact } from './probe-fact.ts';
import { DEFAULT_RETRY_DELAY_MS, tlsProbeSettings, type TlsProbe } from './probe-input.ts';
import { tlsHandshake, type HandshakeResult } from './tls-handshake.ts';
import { clean } from './wording.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "CN=example.com, O=Example": a distinguished name as one short line. */
function distinguishedName(name: PeerCertificate['subject'] | undefined): string | undefined {
  if (!name || typeof name !== 'object') return undefined;
  const parts = Object.entries(name).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`);
  return parts.length === 0 ? undefined : clean(parts.join(', '));
}

/**
 * Checks that a host's certificate is trusted, valid for the host, and valid for at least
 * `minDays` more whole days on the clock `options.now`. A refused certificate is `fail` with
 * its reason; no handshake (refused, unknown host, timeout), even after one retry, is
 * `unreachable`. Throws `ProbeInputError` for a description it refuses, before connecting.
 */
export async function runTlsProbe(probe: TlsProbe, options: ProbeOptions = {}): Promise<TlsProbeFact> {
  const settings = tlsProbeSettings(probe);
  const now = (options.now ?? (() => new Date()))();
  const base = { kind: 'tls' as const, host: settings.host, port: settings.port, at: now.toISOString() };
  const first: HandshakeResult = await tlsHandshake(settings, options);
  let result = first;
  // The same one retry as an HTTP probe, and for the same reason: a blip says nothing of the host.
  if (first.kind === 'no-answer' && first.problem.kind !== 'certificate') {
    await wait(options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS);
    result = await tlsHandshake(settings, options);
  }
  if (result.kind === 'no-answer') {
    const retried = first === result ? '' : first.kind === 'no-answer' && first.problem.detail === result.problem.detail ? ' (tried twice)' : ' (on the retry)';
    return { ...base, outcome: result.problem.kind === 'certificate' ? 'fail' : 'unreachable', detail: `${result.problem.detail}${retried}` };
  }

  const { certificate, refusal } = result;
  const validTo = new Date(certificate.valid_to ?? '');
  if (Number.isNaN(validTo.getTime())) return { ...base, outcome: 'fail', detail: refusal?.detail ?? 'the server presented no certificate with an expiry date' };
  const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
  const issuer = distinguishedName(certificate.issuer);
  const subject = distinguishedName(certificate.subject);
  const read = { ...base, validTo: validTo.toISOString(), daysLeft, ...(issuer ? { issuer } : {}), ...(subject ? { subject } : {}) };
  const date = validTo.toISOString().slice(0, 10);

  if (daysLeft < 0 || refusal?.code === 'CERT_HAS_EXPIRED') return { ...read, outcome: 'fail', detail: `certificate expired on ${date}` };
  if (refusal) return { ...read, outcome: 'fail', detail: refusal.detail };
  if (daysLeft < settings.minDays) return { ...read, outcome: 'fail', detail: `certificate valid until ${date}: ${daysLeft} days left, fewer than the ${settings.minDays} required` };
  return { ...read, outcome: 'pass', detail: `certificate valid until ${date}: ${daysLeft} days left (${settings.minDays} required)` };
}
