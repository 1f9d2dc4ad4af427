/**
 * What a probe found, as plain JSON: it goes into the evidence snapshot as it is, so that an
 * evaluation can be replayed without touching the network again.
 *
 * - `pass`: answered as expected.
 * - `fail`: answered, but not as expected (a wrong status, a wrong JSON value, a certificate
 *   that is not trusted, not valid for the host, expired or too close to expiry, a redirect
 *   that may not be followed).
 * - `unreachable`: no answer even after the retry (refused, unknown host, TLS handshake broken
 *   off, timeout). The check maps it to `unknown`: a probe that cannot reach the endpoint says
 *   nothing about the endpoint.
 */
export type ProbeOutcome = 'pass' | 'fail' | 'unreachable';

/** A JSON value a probe compares against, and the only kind of value it records. */
export type JsonScalar = string | number | boolean;

export interface HttpProbeFact {
  kind: 'http';
  /** The probed URL, as the policy gave it (never one with credentials: those are refused). */
  url: string;
  /** When the probe started, ISO 8601, on the clock passed as `options.now`. */
  at: string;
  outcome: ProbeOutcome;
  /** The status of the last answer, when there was one (a refused redirect's own 3xx included). */
  status?: number;
  /** How long the attempt that decided took, redirects included, in whole milliseconds. */
  elapsedMs: number;
  /** 1, or 2 when the first attempt had no answer or a 5xx and was retried. */
  attempts: number;
  /** In a person's words, e.g. "answered 200 in 84 ms". */
  detail: string;
  /** The value found at the JSON path, when it is a scalar or null (objects are not recorded). */
  json?: JsonScalar | null;
}

export interface TlsProbeFact {
  kind: 'tls';
  host: string;
  port: number;
  at: string;
  outcome: ProbeOutcome;
  /** The end of the certificate's validity, ISO 8601. */
  validTo?: string;
  /** Whole days from `at` to `validTo`, rounded down: negative once expired. */
  daysLeft?: number;
  /** Distinguished names as "CN=…, O=…", as the server presented them (shortened, no control characters). */
  issuer?: string;
  subject?: string;
  detail: string;
}

export type ProbeFact = HttpProbeFact | TlsProbeFact;
