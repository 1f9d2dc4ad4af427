import type { JsonScalar } from './probe-fact.ts';
import { checkProbeHost, checkProbeUrl, hostKey } from '../core/config/probe-url.ts';

/**
 * A probe description as the policy gives it, its defaults and its bounds. The config schema
 * validates first; these checks hold the adapter to the bounds even when called otherwise, so
 * that one probe can never hold the runner longer than 2 × 30 s plus the retry's wait.
 */

export const PROBE_BOUNDS = {
  timeoutMs: { min: 1, max: 30_000, default: 5_000 },
  maxBodyBytes: { min: 1, max: 1024 * 1024, default: 64 * 1024 },
  minDays: { min: 0, max: 3650 },
  /** Redirects followed within one attempt; the fourth is refused. */
  maxRedirects: 3,
  /** Path segments of a JSON check. */
  maxJsonPathSegments: 16,
  maxAllowHosts: 32,
} as const;

/** The wait before the one retry, unless `options.retryDelayMs` says otherwise. */
export const DEFAULT_RETRY_DELAY_MS = 500;

export interface JsonExpectation {
  /** A dot path such as `status` or `checks.db`; a number segment indexes an array. */
  path: string;
  equals: JsonScalar;
}

export interface HttpProbe {
  url: string;
  /** Statuses that pass; [200] unless given. */
  expectStatus?: number[];
  json?: JsonExpectation;
  /** The deadline of one attempt, connection, redirects and body included. */
  timeoutMs?: number;
  /** Hosts besides the URL's own that a redirect may go to. */
  allowHosts?: string[];
  /** The most of the body read; a JSON check on a longer body fails. */
  maxBodyBytes?: number;
}

export interface TlsProbe {
  host: string;
  port?: number;
  minDays: number;
  timeoutMs?: number;
}

export interface HttpProbeSettings {
  url: URL;
  expectStatus: readonly number[];
  json: { path: string[]; text: string; equals: JsonScalar } | null;
  timeoutMs: number;
  /** Lower-cased, the URL's own host first. */
  allowHosts: ReadonlySet<string>;
  maxBodyBytes: number;
}

export interface TlsProbeSettings {
  host: string;
  port: number;
  minDays: number;
  timeoutMs: number;
}

/** A probe description the adapter refuses: a policy error, never an outcome of the endpoint. */
export class ProbeInputError extends Error {
  override name = 'ProbeInputError';
}

function integer(name: string, value: number | undefined, bounds: { min: number; max: number; default?: number }): number {
  const chosen = value ?? bounds.default;
  if (typeof chosen !== 'number' || !Number.isInteger(chosen) || chosen < bounds.min || chosen > bounds.max) {
    throw new ProbeInputError(`\`${name}\` must be a whole number from ${bounds.min} to ${bounds.max}`);
  }
  return chosen;
}

function jsonSettings(json: JsonExpectation | undefined): HttpProbeSettings['json'] {
  if (json === undefined) return null;
  const path = typeof json.path === 'string' ? json.path.split('.') : [];
  if (path.length === 0 || path.length > PROBE_BOUNDS.maxJsonPathSegments || path.some((segment) => segment === '')) {
    throw new ProbeInputError(`\`json.path\` must be a dot path such as \`status\` or \`checks.db\`, of at most ${PROBE_BOUNDS.maxJsonPathSegments} parts`);
  }
  const kind = typeof json.equals;
  if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') throw new ProbeInputError('`json.equals` must be a string, a number or true/false');
  return { path, text: json.path, equals: json.equals };
}

export function httpProbeSettings(probe: HttpProbe): HttpProbeSettings {
  const problem = checkProbeUrl(probe.url);
  if (problem) throw new ProbeInputError(problem);
  const url = new URL(probe.url);
  const expectStatus = probe.expectStatus ?? [200];
  if (!Array.isArray(expectStatus) || expectStatus.length === 0 || !expectStatus.every((status) => Number.isInteger(status) && status >= 100 && status <= 599)) {
    throw new ProbeInputError('`expectStatus` must list HTTP statuses from 100 to 599');
  }
  const extra = probe.allowHosts ?? [];
  if (!Array.isArray(extra) || extra.length > PROBE_BOUNDS.maxAllowHosts) throw new ProbeInputError(`\`allowHosts\` must list at most ${PROBE_BOUNDS.maxAllowHosts} hosts`);
  for (const host of extra) {
    const hostProblem = checkProbeHost(host);
    if (hostProblem) throw new ProbeInputError(`\`allowHosts\`: ${hostProblem}`);
  }
  return {
    url,
    expectStatus: [...new Set(expectStatus)],
    json: jsonSettings(probe.json),
    timeoutMs: integer('timeoutMs', probe.timeoutMs, PROBE_BOUNDS.timeoutMs),
    allowHosts: new Set([hostKey(url.hostname), ...extra.map(hostKey)]),
    maxBodyBytes: integer('maxBodyBytes', probe.maxBodyBytes, PROBE_BOUNDS.maxBodyBytes),
  };
}

export function tlsProbeSettings(probe: TlsProbe): TlsProbeSettings {
  const hostProblem = checkProbeHost(probe.host);
  if (hostProblem) throw new ProbeInputError(`\`tls.host\`: ${hostProblem}`);
  return {
    host: hostKey(probe.host),
    port: integer('tls.port', probe.port, { min: 1, max: 65_535, default: 443 }),
    minDays: integer('tls.min_days', probe.minDays, PROBE_BOUNDS.minDays),
    timeoutMs: integer('timeoutMs', probe.timeoutMs, PROBE_BOUNDS.timeoutMs),
  };
}
