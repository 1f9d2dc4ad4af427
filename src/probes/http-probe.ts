import { setTimeout as wait } from 'node:timers/promises';
import { attemptHttpProbe } from './http-attempt.ts';
import { attemptSummary, httpVerdict, worthRetrying } from './http-verdict.ts';
import type { HttpProbeFact, ProbeOptions } from './probe-fact.ts';
import { DEFAULT_RETRY_DELAY_MS, httpProbeSettings, type HttpProbe } from './probe-input.ts';

/**
 * Asks a live endpoint over HTTPS, from the runner, and tells what it answered as a plain JSON
 * fact. At most two attempts of `timeoutMs` each, the second only after no answer or a 5xx.
 * Never rejects for the endpoint's sake; throws `ProbeInputError` for a description it refuses
 * (an http:// URL, credentials in the URL, a bound exceeded), before any connection.
 */
export async function runHttpProbe(probe: HttpProbe, options: ProbeOptions = {}): Promise<HttpProbeFact> {
  const settings = httpProbeSettings(probe);
  const at = (options.now ?? (() => new Date()))().toISOString();
  const first = await attemptHttpProbe(settings, options);
  let final = first;
  let attempts = 1;
  if (worthRetrying(first, settings)) {
    await wait(options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS);
    final = await attemptHttpProbe(settings, options);
    attempts = 2;
  }
  const verdict = httpVerdict(final, settings);
  const retried = attempts === 1 ? '' : attemptSummary(first) === attemptSummary(final) ? ' (tried twice)' : ` (on the retry; the first attempt: ${attemptSummary(first)})`;
  return { kind: 'http', url: probe.url, at, ...verdict, detail: `${verdict.detail}${retried}`, elapsedMs: final.elapsedMs, attempts };
}
