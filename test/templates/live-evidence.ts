// The evidence of a template's `metric`, `deployment`, `probe` and `window` checks, as a release
// that meets them has it: each figure recorded within its bounds by the gate's identity, the head
// deployed to each environment, every probe answered as expected, and a clock inside every window.
// Built from the template, so that a check added to a template is covered without a line here.
import { windowChangesAt } from '../../src/core/checks/window-check.ts';
import type { CheckConfig, ReadinessConfig } from '../../src/core/config/schema.ts';
import { probeKey, type ProbeRule } from '../../src/core/evidence/probe-rule.ts';
import type { ProbeFact } from '../../src/core/evidence/probe-fact.ts';
import type { DeploymentFact, Lookups, Readable, StatusFact } from '../../src/core/evidence/snapshot.ts';
import { metricContext, recordedMetricDescription } from '../../src/core/metrics/recorded-metric.ts';
import { parseWindowPolicy } from '../../src/core/windows/window-policy.ts';
import { windowState } from '../../src/core/windows/window-state.ts';
import { HEAD, status } from '../core/builders.ts';

type MetricRule = NonNullable<CheckConfig['metric']>;
type WindowRule = NonNullable<CheckConfig['window']>;

const GATE = { login: 'github-actions[bot]', type: 'Bot' as const };
const DEPLOYER = { login: 'deploy-bot[bot]', type: 'Bot' as const };

/** A figure inside the rule's bounds: between min and max, half the max, or half as much again as the min. */
function figureWithin(rule: MetricRule): number {
  if (rule.min !== undefined && rule.max !== undefined) return (rule.min + rule.max) / 2;
  return rule.max !== undefined ? rule.max / 2 : rule.min! * 1.5;
}

/** The figures of the checks without `from`, recorded in the CI job as the action records them. */
export function recordedMetrics(config: ReadinessConfig, at: string): StatusFact[] {
  return config.checks.flatMap((check) =>
    check.metric && check.metric.from === undefined
      ? [status(metricContext(check.id), 'success', { description: recordedMetricDescription(figureWithin(check.metric), check.metric.unit ?? null), createdAt: at, creator: GATE })]
      : [],
  );
}

/** Each environment a check names: the head deployed there, its latest status `success`; or, before that, nothing deployed yet. */
export function deployments(config: ReadinessConfig, at: string, deployed = true): Record<string, Readable<DeploymentFact[]>> {
  const environments = [...new Set(config.checks.flatMap((check) => (check.deployment ? [check.deployment.environment] : [])))];
  return Object.fromEntries(
    environments.map((environment, index) => [
      environment,
      {
        ok: true as const,
        value: !deployed ? [] : [
          {
            id: 500 + index,
            environment,
            sha: HEAD,
            createdAt: at,
            creator: DEPLOYER,
            status: { state: 'success', createdAt: at, environmentUrl: `https://${environment}.example.com`, logUrl: null, creator: DEPLOYER },
          },
        ],
      },
    ]),
  );
}

function answered(rule: ProbeRule, at: string): ProbeFact {
  if ('tls' in rule) {
    const daysLeft = rule.tls.min_days + 60;
    const validTo = new Date(Date.parse(at) + (daysLeft + 0.5) * 86_400_000).toISOString();
    return { kind: 'tls', host: rule.tls.host, port: rule.tls.port ?? 443, at, outcome: 'pass', validTo, daysLeft, detail: `certificate valid until ${validTo.slice(0, 10)}: ${daysLeft} days left (${rule.tls.min_days} required)` };
  }
  const code = rule.status?.[0] ?? 200;
  return { kind: 'http', url: rule.url, at, outcome: 'pass', status: code, elapsedMs: 84, attempts: 1, detail: `answered ${code} in 84 ms`, ...(rule.json ? { json: rule.json.equals } : {}) };
}

/** Every probe a check names, answered as the check expects, by the runner at `at`. */
export function probes(config: ReadinessConfig, at: string): Record<string, Readable<ProbeFact>> {
  return Object.fromEntries(config.checks.flatMap((check) => (check.probe ? [[probeKey(check.probe), { ok: true as const, value: answered(check.probe, at) }]] : [])));
}

/** The lookups with the deployments (unless not `deployed` yet) and the probes of the policy's checks added. */
export function withLiveLookups(lookups: Lookups, config: ReadinessConfig, at: string, deployed = true): Lookups {
  return { ...lookups, deployments: deployments(config, at, deployed), probes: probes(config, at) };
}

const isOpen = (rule: WindowRule, at: string) => {
  const parsed = parseWindowPolicy(rule);
  if (!parsed.ok) throw new Error(`window: ${parsed.errors[0]!.message}`);
  const { windows, zone, freezes } = parsed.policy;
  return windowState(windows, zone, freezes, at).open;
};

/** `at`, or the first moment after it when every window of the policy is open. */
export function insideWindows(config: ReadinessConfig, at: string): string {
  const rules = config.checks.flatMap((check) => (check.window ? [check.window] : []));
  let now = at;
  for (let step = 0; step < 16; step++) {
    const closed = rules.find((rule) => !isOpen(rule, now));
    if (!closed) return now;
    const opens = windowChangesAt(closed, now);
    if (opens === null) throw new Error(`a window of the policy does not open within a year of ${now}`);
    now = opens;
  }
  throw new Error('the windows of the policy are never open at the same time');
}
