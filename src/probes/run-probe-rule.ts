import type { ProbeFact } from '../core/evidence/probe-fact.ts';
import type { ProbeRule } from '../core/evidence/probe-rule.ts';
import { runHttpProbe } from './http-probe.ts';
import type { ProbeOptions } from './probe-fact.ts';
import { runTlsProbe } from './tls-probe.ts';

/** Runs a probe as the policy states it: the policy's words for the probe's options. */
export function runProbeRule(rule: ProbeRule, options: ProbeOptions = {}): Promise<ProbeFact> {
  if ('tls' in rule) return runTlsProbe({ host: rule.tls.host, minDays: rule.tls.min_days, ...(rule.tls.port ? { port: rule.tls.port } : {}) }, options);
  return runHttpProbe(
    {
      url: rule.url,
      ...(rule.status ? { expectStatus: rule.status } : {}),
      ...(rule.json ? { json: rule.json } : {}),
      ...(rule.timeout_seconds ? { timeoutMs: rule.timeout_seconds * 1000 } : {}),
      ...(rule.allow_hosts ? { allowHosts: rule.allow_hosts } : {}),
    },
    options,
  );
}
