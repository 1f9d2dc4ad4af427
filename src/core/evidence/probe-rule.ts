import type { JsonScalar } from './probe-fact.ts';

/** A live check of an endpoint, as the base branch's policy states it. */
export type ProbeRule =
  | {
      /** An https URL; GET it. */
      url: string;
      /** Statuses that pass; [200] unless given. */
      status?: number[];
      /** A field of the JSON answer and the value it must have. */
      json?: { path: string; equals: JsonScalar };
      timeout_seconds?: number;
      /** Hosts besides the URL's own that a redirect may go to. */
      allow_hosts?: string[];
    }
  | { tls: { host: string; port?: number; min_days: number } };

/** One key per distinct probe, so that two checks of the same endpoint probe it once. */
export function probeKey(rule: ProbeRule): string {
  return 'tls' in rule ? `tls ${rule.tls.host}:${rule.tls.port ?? 443} ${rule.tls.min_days}` : `http ${JSON.stringify(rule)}`;
}

/** The endpoint in a person's words: the URL, or `tls://host:port`. */
export function probeTarget(rule: ProbeRule): string {
  return 'tls' in rule ? `${rule.tls.host}:${rule.tls.port ?? 443}` : rule.url;
}
