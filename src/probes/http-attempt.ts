import type { ConnectionProblem } from './connection-problems.ts';
import { httpsGet } from './https-get.ts';
import { PROBE_BOUNDS, type HttpProbeSettings } from './probe-input.ts';
import type { ProbeOptions } from './probe-fact.ts';
import { hostKey } from '../core/config/probe-url.ts';
import { clean } from './wording.ts';

/** How one attempt ended: the last answer, a redirect it would not follow, or no answer. */
export type AttemptResult = { elapsedMs: number } & (
  | { kind: 'answer'; status: number; body: Buffer | null; truncated: boolean }
  | { kind: 'refused-redirect'; status: number; detail: string }
  | { kind: 'no-answer'; problem: ConnectionProblem }
);

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Where a redirect leads, or why it is not followed. Only to https, never with credentials
 * (Node would send them as Authorization), and only to the probe's own host or an allowed one:
 * the policy names an endpoint, and a redirect must not turn the probe into a request to
 * anywhere a server chooses.
 */
function redirectTarget(from: URL, location: string, settings: HttpProbeSettings, followed: number): URL | string {
  if (followed >= PROBE_BOUNDS.maxRedirects) return `redirected more than ${PROBE_BOUNDS.maxRedirects} times`;
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return 'redirected to a location that is not a URL';
  }
  if (next.protocol !== 'https:') return `redirected to ${clean(next.protocol, 20)}// ${clean(next.hostname, 100)}, and only https is followed`;
  if (next.username !== '' || next.password !== '') return 'redirected to a URL with credentials, which is never followed';
  if (!settings.allowHosts.has(hostKey(next.hostname))) return `redirected to ${clean(next.hostname, 100)}, which is not allowed`;
  next.hash = '';
  return next;
}

/** One attempt: the GET and the redirects it follows, all within one deadline of `timeoutMs`. */
export async function attemptHttpProbe(settings: HttpProbeSettings, options: ProbeOptions): Promise<AttemptResult> {
  const started = performance.now();
  const elapsedMs = (): number => Math.round(performance.now() - started);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.timeoutMs);
  try {
    let url = settings.url;
    for (let followed = 0; ; followed++) {
      const result = await httpsGet(url, {
        ca: options.ca,
        signal: deadline.signal,
        timeoutMs: settings.timeoutMs,
        // The body is read only for a JSON check: nothing else looks at it.
        maxBodyBytes: settings.json ? settings.maxBodyBytes : null,
      });
      if (result.kind === 'no-answer') return { kind: 'no-answer', problem: result.problem, elapsedMs: elapsedMs() };
      // An expected 3xx is the answer itself: the policy checks the redirect, not its target.
      const redirect = REDIRECT_STATUSES.has(result.status) && !settings.expectStatus.includes(result.status) && result.location !== null;
      if (!redirect || result.location === null) return { kind: 'answer', status: result.status, body: result.body, truncated: result.truncated, elapsedMs: elapsedMs() };
      const next = redirectTarget(url, result.location, settings, followed);
      if (typeof next === 'string') return { kind: 'refused-redirect', status: result.status, detail: next, elapsedMs: elapsedMs() };
      url = next;
    }
  } finally {
    clearTimeout(timer);
  }
}
