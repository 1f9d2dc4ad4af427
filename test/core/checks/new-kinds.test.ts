// The verdicts of the deployment, window, probe and metric kinds, from evidence snapshots.
import { describe, expect, it } from 'vitest';
import { evaluateDeployment, type DeploymentRule } from '../../../src/core/checks/deployment-check.ts';
import { evaluateMetric, type MetricRule } from '../../../src/core/checks/metric-check.ts';
import { evaluateProbe } from '../../../src/core/checks/probe-check.ts';
import { evaluateWindow } from '../../../src/core/checks/window-check.ts';
import type { CheckContext } from '../../../src/core/checks/check-kind.ts';
import { lookupReader } from '../../../src/core/evidence/lookups.ts';
import type { ProbeFact } from '../../../src/core/evidence/probe-fact.ts';
import { probeKey, type ProbeRule } from '../../../src/core/evidence/probe-rule.ts';
import type { DeploymentFact, EvidenceSnapshot, Lookups } from '../../../src/core/evidence/snapshot.ts';
import { plainText } from '../../../src/core/model/rich-text.ts';
import { checkRun, HEAD, snapshot, status } from '../builders.ts';

function contextOf(snap: EvidenceSnapshot, writers: Record<string, string[]> = {}): CheckContext {
  return { snapshot: snap, roles: new Map(), lookups: lookupReader(snap.lookups), writers };
}

const withLookups = (lookups: Lookups, evaluatedAt = '2026-11-21T10:00:00Z'): EvidenceSnapshot => ({ ...snapshot(), lookups, evaluatedAt });
// Check run links carry ids the builders number in sequence: left out of the comparison.
const verdict = (v: { outcome: string; summary: Parameters<typeof plainText>[0] }) => [v.outcome, plainText(v.summary).replace(/ \(https:\/\/github\.com\/acme\/rocket\/runs\/\d+\)/g, '')];

describe('deployment', () => {
  const rule: DeploymentRule = { environment: 'staging' };
  const deployment = (sha: string, state: string | null, at = '2026-11-21T09:30:00Z', id = 1): DeploymentFact => ({
    id,
    environment: 'staging',
    sha,
    createdAt: at,
    creator: { login: 'github-actions[bot]', type: 'Bot' },
    status: state === null ? null : { state, createdAt: at, environmentUrl: 'https://staging.example.com', logUrl: 'https://ci.example.com/run/1', creator: { login: 'deploy-bot[bot]', type: 'Bot' } },
  });
  const OTHER = 'c'.repeat(40);
  const rows: [string, DeploymentRule, Lookups, string, string][] = [
    ['the head deployed, success', rule, { deployments: { staging: { ok: true, value: [deployment(HEAD, 'success')] } } }, 'pass', 'Deployed to staging (https://staging.example.com) by deploy-bot[bot] at 2026-11-21 09:30 UTC'],
    ['a commit with the same files deployed', rule, { deployments: { staging: { ok: true, value: [deployment(OTHER, 'success')] } }, commitTrees: { [HEAD]: { ok: true, value: 't1' }, [OTHER]: { ok: true, value: 't1' } } }, 'pass', 'Deployed to staging (https://staging.example.com) by deploy-bot[bot] at 2026-11-21 09:30 UTC (from ccccccc, the same files)'],
    ['another commit, other files', rule, { deployments: { staging: { ok: true, value: [deployment(OTHER, 'success')] } }, commitTrees: { [HEAD]: { ok: true, value: 't1' }, [OTHER]: { ok: true, value: 't2' } } }, 'pending', 'No deployment of aaaaaaa to staging yet'],
    ['still deploying', rule, { deployments: { staging: { ok: true, value: [deployment(HEAD, 'in_progress')] } } }, 'pending', 'Deploying aaaaaaa to staging (in_progress)'],
    ['failed', rule, { deployments: { staging: { ok: true, value: [deployment(HEAD, 'failure')] } } }, 'fail', 'The deployment of aaaaaaa to staging ended in failure (log (https://ci.example.com/run/1))'],
    ['too old', { environment: 'staging', max_age: 3_600_000 }, { deployments: { staging: { ok: true, value: [deployment(HEAD, 'success', '2026-11-21T08:00:00Z')] } } }, 'fail', 'Deployed to staging (https://staging.example.com) by deploy-bot[bot] at 2026-11-21 08:00 UTC, 2 h ago: more than the 1 h allowed'],
    ['unreadable: 403', rule, { deployments: { staging: { ok: false, problem: { what: 'deployments to `staging`', message: 'GitHub answered 403', fix: 'Add `deployments: read`.' } } } }, 'unknown', 'Could not read deployments to staging: GitHub answered 403'],
  ];
  it.each(rows)('%s', (_name, r, lookups, outcome, summary) => {
    expect(verdict(evaluateDeployment(r, contextOf(withLookups(lookups))))).toEqual([outcome, summary]);
  });
  it('counts a success only from who deploys, when the policy names them', () => {
    const lookups = { deployments: { staging: { ok: true as const, value: [deployment(HEAD, 'success')] } } };
    expect(evaluateDeployment(rule, contextOf(withLookups(lookups), { 'deployment/staging': ['deploy-bot'] })).outcome).toBe('pass');
    expect(evaluateDeployment(rule, contextOf(withLookups(lookups), { 'deployment/staging': ['release-app[bot]'] })).outcome).toBe('pending');
    expect(evaluateDeployment(rule, contextOf(withLookups(lookups), { 'deployment/production': ['release-app[bot]'] })).outcome).toBe('pass');
  });

  it('asks for the deployments, and only then for trees', () => {
    const context = contextOf(withLookups({}));
    expect(evaluateDeployment(rule, context).outcome).toBe('unknown');
    expect(context.lookups.missing()).toEqual([{ kind: 'deployments', environment: 'staging' }]);
    const head = contextOf(withLookups({ deployments: { staging: { ok: true, value: [deployment(HEAD, 'success')] } } }));
    evaluateDeployment(rule, head);
    expect(head.lookups.missing()).toEqual([]);
  });
});

describe('window', () => {
  const spec = { when: ['Tue-Thu 09:00-16:00'], zone: 'Europe/Berlin', freezes: [{ from: '2026-12-22T00:00:00+01:00', to: '2027-01-04T00:00:00+01:00', reason: 'year-end freeze' }] };
  const rows: [string, string, string][] = [
    ['inside (Tue 10:00 Berlin)', '2026-12-08T09:00:00Z', 'pass'],
    ['outside (Mon)', '2026-12-07T09:00:00Z', 'pending'],
    ['in the freeze, on a Wednesday', '2026-12-23T09:00:00Z', 'pending'],
  ];
  it.each(rows)('%s', (_name, at, outcome) => {
    expect(evaluateWindow(spec, contextOf({ ...snapshot(), evaluatedAt: at })).outcome).toBe(outcome);
  });
  it('says when the window opens next', () => {
    const v = evaluateWindow(spec, contextOf({ ...snapshot(), evaluatedAt: '2026-12-07T09:00:00Z' }));
    expect(plainText(v.fix!)).toContain('It opens Tue 2026-12-08 09:00 Europe/Berlin (08:00 UTC).');
  });
});

describe('probe', () => {
  const rule: ProbeRule = { url: 'https://staging.example.com/health' };
  const fact = (outcome: ProbeFact['outcome'], detail: string): ProbeFact => ({ kind: 'http', url: rule.url, at: '2026-11-21T09:59:00Z', outcome, elapsedMs: 84, attempts: 1, detail, status: 200 });
  const rows: [string, Lookups, string, string][] = [
    ['answered as expected', { probes: { [probeKey(rule)]: { ok: true, value: fact('pass', 'answered 200 in 84 ms') } } }, 'pass', 'https://staging.example.com/health: answered 200 in 84 ms (2026-11-21 09:59 UTC)'],
    ['answered otherwise', { probes: { [probeKey(rule)]: { ok: true, value: fact('fail', 'answered 503, expected 200 (tried twice)') } } }, 'fail', 'https://staging.example.com/health: answered 503, expected 200 (tried twice) (2026-11-21 09:59 UTC)'],
    ['not reached: unknown, never a pass', { probes: { [probeKey(rule)]: { ok: true, value: fact('unreachable', 'no answer within 5 s (tried twice)') } } }, 'unknown', 'Could not read the probe of https://staging.example.com/health: no answer within 5 s (tried twice)'],
    ['not run', {}, 'unknown', 'Could not read the probe of https://staging.example.com/health: it was not read'],
  ];
  it.each(rows)('%s', (_name, lookups, outcome, summary) => {
    expect(verdict(evaluateProbe(rule, contextOf(withLookups(lookups))))).toEqual([outcome, summary]);
  });
});

describe('metric', () => {
  const rule: MetricRule = { label: 'p95 overhead', from: 'benchmark-go', pattern: 'p95 overhead: ([0-9.]+) ?ms', unit: 'ms', max: 10 };
  const run = (summary: string, app = 'github-actions') => ({ ...checkRun('benchmark-go'), appSlug: app, outputTitle: 'Benchmarks', outputSummary: summary });
  const rows: [string, MetricRule, Partial<{ checkRuns: ReturnType<typeof run>[]; statuses: ReturnType<typeof status>[] }>, Record<string, string[]>, string, string][] = [
    ['under the maximum', rule, { checkRuns: [run('p95 overhead: 7.4 ms')] }, {}, 'pass', 'p95 overhead 7.4 ms (max 10 ms) from benchmark-go'],
    ['over the maximum', rule, { checkRuns: [run('p95 overhead: 12.75 ms')] }, {}, 'fail', 'p95 overhead 12.75 ms (max 10 ms) from benchmark-go'],
    ['no figure in the output', rule, { checkRuns: [run('all good')] }, {}, 'unknown', 'Could not read p95 overhead from benchmark-go on aaaaaaa: it reports no figure matching p95 overhead: ([0-9.]+) ?ms ("Benchmarks\nall good")'],
    ['not reported yet', rule, { checkRuns: [] }, {}, 'pending', 'Waiting for p95 overhead: no status or check run `benchmark-go` on `aaaaaaa` yet'],
    ['from an App the policy does not name', rule, { checkRuns: [run('p95 overhead: 7.4 ms', 'mallory-app')] }, { 'benchmark-go': ['github-actions'] }, 'pending', 'Waiting for p95 overhead: no status or check run `benchmark-go` on `aaaaaaa` yet'],
    [
      'recorded in the CI job by the gate',
      { label: 'memory', unit: 'MB', max: 60 },
      { statuses: [status('release-readiness/metric/memory', 'success', { description: '48.2 MB', creator: { login: 'github-actions[bot]', type: 'Bot' } })] },
      {},
      'pass',
      'memory 48.2 MB (max 60 MB) from release-readiness/metric/memory',
    ],
    [
      'recorded by anyone else: not counted',
      { label: 'memory', unit: 'MB', max: 60 },
      { statuses: [status('release-readiness/metric/memory', 'success', { description: '48.2 MB', creator: { login: 'mallory', type: 'User' } })] },
      {},
      'pending',
      'Waiting for memory: no memory recorded on `aaaaaaa` yet (`release-readiness/metric/memory` from mallory does not count: not the gate or a writer named under `writers:`)',
    ],
  ];
  it.each(rows)('%s', (_name, r, evidence, writers, outcome, summary) => {
    const snap = snapshot({ checkRuns: evidence.checkRuns ?? [], statuses: evidence.statuses ?? [] });
    expect(verdict(evaluateMetric('memory', r, contextOf(snap, writers)))).toEqual([outcome, summary]);
  });
});
