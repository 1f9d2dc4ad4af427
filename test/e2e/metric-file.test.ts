// `metric-file`: the CI job records a figure it measured as the status
// release-readiness/metric/<id>, and the gate's `metric` check without `from` reads it back.
// The bundled action against the fake GitHub, over HTTP, with the report in a workspace folder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pullRequestEvent } from '../support/payloads.ts';
import type { ActionResult } from '../support/run-action.ts';
import { logOf, REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();
const RUN_URL = 'https://github.com/acme/rocket/actions/runs/7000000001';
const CONTEXT = 'release-readiness/metric/latency';
const policy = (metric: string) => `version: 1\nrelease:\n  branches: ["release/**"]\nchecks:\n  - id: latency\n    name: Latency overhead measured\n    metric: ${metric}\n`;
const WITHIN = policy('{ label: p95 overhead, unit: ms, max: 10 }');

let workspaces: string[] = [];
afterEach(async () => {
  await Promise.all(workspaces.map((dir) => rm(dir, { recursive: true, force: true })));
  workspaces = [];
});

/** A workspace holding these files, as the CI job left it after measuring. */
async function workspace(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'readiness-workspace-'));
  workspaces.push(dir);
  await Promise.all(Object.entries(files).map(([name, content]) => writeFile(join(dir, name), content)));
  return dir;
}

/** The CI job of the PR, right after it measured: the action records the figure. */
function recordMetric(world: ReleaseWorld, dir: string, inputs: Record<string, string>): Promise<ActionResult> {
  return world.gate('pull_request', pullRequestEvent(world.fake, REPO, world.pr, 'synchronize'), { inputs: { metric: 'latency', ...inputs }, env: { GITHUB_WORKSPACE: dir } });
}

const recorded = (world: ReleaseWorld) => world.fake.statuses(REPO, world.head()).filter((s) => s.context === CONTEXT);
const short = (world: ReleaseWorld) => world.head().slice(0, 7);
const report = (result: ActionResult) => JSON.parse(result.outputs['report']!) as { checks: { id: string; outcome: string; summary: string }[]; problems: { what: string; message: string; fix: string }[] };

describe('metric-file records the figure', () => {
  it('from a JSON report, at a dot path, with its unit', async () => {
    const world = await newWorld({ policy: WITHIN });
    const dir = await workspace({ 'k6-summary.json': JSON.stringify({ metrics: { http_req_duration: { values: { 'p(90)': 5.1, p95: 7.4 } } }, runs: [{ p95: 99 }] }) });
    const result = await recordMetric(world, dir, { 'metric-file': 'k6-summary.json', 'metric-json': 'metrics.http_req_duration.values.p95', 'metric-unit': 'ms' });
    expect(result.exitCode, logOf(result)).toBe(0);
    expect(recorded(world)).toEqual([expect.objectContaining({ state: 'success', description: '7.4 ms', target_url: RUN_URL, creator: expect.objectContaining({ login: 'github-actions[bot]' }) })]);
    expect(logOf(result)).toContain(`Metric latency of ${short(world)} recorded: 7.4 ms`);
    // Recording does not evaluate: the CI job's own check run is still running.
    expect(world.gateStatuses()).toEqual([]);
    expect(world.gateComments()).toEqual([]);
  });

  it('from a text report, with a pattern; a numeric path part indexes a list', async () => {
    const world = await newWorld({ policy: WITHIN });
    const dir = await workspace({ 'bench.txt': 'BenchmarkGate-8   300   p50: 3.1 ms   p95 overhead: 7.4 ms\n', 'runs.json': JSON.stringify({ runs: [{ p95: 6.25 }] }) });
    const text = await recordMetric(world, dir, { 'metric-file': 'bench.txt', 'metric-pattern': 'p95 overhead: ([0-9.]+) ms', 'metric-unit': 'ms' });
    expect(text.exitCode, logOf(text)).toBe(0);
    expect(recorded(world)[0]).toMatchObject({ state: 'success', description: '7.4 ms' });
    const indexed = await recordMetric(world, dir, { 'metric-file': join(dir, 'runs.json'), 'metric-json': 'runs.0.p95', 'metric-unit': 'ms' });
    expect(indexed.exitCode, logOf(indexed)).toBe(0);
    expect(recorded(world)[0]).toMatchObject({ state: 'success', description: '6.25 ms' });
  });

  it('without json or pattern: the first number of the file', async () => {
    const world = await newWorld({ policy: WITHIN });
    const dir = await workspace({ 'overhead.txt': 'overhead 1,234.5 requests/s\n' });
    const result = await recordMetric(world, dir, { 'metric-file': 'overhead.txt' });
    expect(result.exitCode, logOf(result)).toBe(0);
    expect(recorded(world)).toEqual([expect.objectContaining({ state: 'success', description: '1234.5' })]);
  });
});

describe('an unreadable report is recorded as an error, never as a figure, and fails the step', () => {
  it.each<[string, Record<string, string | Buffer>, Record<string, string>, string]>([
    ['a missing file', {}, { 'metric-file': 'bench.json', 'metric-json': 'p95' }, 'bench.json: no such file (the path is relative to the workspace; run this step after the measurement)'],
    ['no number at the path', { 'bench.json': '{"p95": "n/a"}' }, { 'metric-file': 'bench.json', 'metric-json': 'p95' }, '`p95` in bench.json is "n/a", not a number'],
    ['no such path', { 'bench.json': '{"p50": 3.1}' }, { 'metric-file': 'bench.json', 'metric-json': 'p95' }, 'bench.json has no `p95`'],
    ['not JSON', { 'bench.json': 'p95: 7.4 ms\n' }, { 'metric-file': 'bench.json', 'metric-json': 'p95' }, 'bench.json is not JSON, so `p95` was not read'],
    ['no match for the pattern', { 'bench.txt': 'benchmarks skipped\n' }, { 'metric-file': 'bench.txt', 'metric-pattern': 'p95: ([0-9.]+)' }, 'bench.txt has no match for `p95: ([0-9.]+)`'],
    ['no number at all', { 'bench.txt': 'benchmarks skipped\n' }, { 'metric-file': 'bench.txt' }, 'bench.txt holds no number'],
    ['a number too large for a double', { 'bench.json': '{"p95": 1e999}' }, { 'metric-file': 'bench.json', 'metric-json': 'p95' }, '`p95` in bench.json is not a finite number'],
    ['too large to read', { 'bench.txt': Buffer.alloc(10 * 1024 * 1024 + 1, '7') }, { 'metric-file': 'bench.txt' }, 'bench.txt: larger than 10 MiB, so it was not read'],
    ['a binary file', { 'bench.bin': Buffer.from([0x37, 0, 0x2e, 0, 0x34, 0]) }, { 'metric-file': 'bench.bin' }, 'bench.bin: not text (it holds NUL bytes: a binary file, or UTF-16 without a byte order mark)'],
  ])('%s', async (_name, files, inputs, message) => {
    const world = await newWorld({ policy: WITHIN });
    const result = await recordMetric(world, await workspace(files), inputs);
    expect(result.exitCode, logOf(result)).toBe(1);
    const description = `Unreadable metric: ${message}`;
    expect(logOf(result)).toContain(`::error::The readiness gate could not evaluate ${description}`);
    expect(recorded(world)).toEqual([expect.objectContaining({ state: 'error', description: description.slice(0, 140), target_url: RUN_URL })]);
  });

  it('the gate then blocks on it instead of waiting', async () => {
    const world = await newWorld({ policy: WITHIN });
    await recordMetric(world, await workspace({}), { 'metric-file': 'bench.json', 'metric-json': 'p95' });
    const result = await world.gateOnPullRequest('synchronize');
    expect(result.exitCode).toBe(1);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'error', description: `Cannot evaluate: cannot read p95 overhead of \`${short(world)}\`` });
    const unreadable = 'Unreadable metric: bench.json: no such file (the path is relative to the workspace; run this step after the measurement)';
    expect(report(result).problems).toEqual([{ what: `p95 overhead of ${short(world)}`, message: `${CONTEXT} reports error: ${unreadable}`, fix: 'Fix the metric-file step of the CI job (see its log).' }]);
  });

  it('a UTF-16 report with its byte order mark is read as text', async () => {
    const world = await newWorld({ policy: WITHIN });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('p95: 7.4 ms\r\n', 'utf16le')]);
    const result = await recordMetric(world, await workspace({ 'bench.txt': utf16 }), { 'metric-file': 'bench.txt', 'metric-pattern': 'p95: ([0-9.]+)', 'metric-unit': 'ms' });
    expect(result.exitCode, logOf(result)).toBe(0);
    expect(recorded(world)[0]).toMatchObject({ state: 'success', description: '7.4 ms' });
  });
});

describe('the metric check without `from` reads the recorded figure', () => {
  it('within the maximum: passes, linking the run that measured it', async () => {
    const world = await newWorld({ policy: WITHIN });
    const waiting = await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending', description: 'Waiting for p95 overhead' });
    expect(report(waiting).checks).toEqual([expect.objectContaining({ id: 'latency', outcome: 'pending', summary: `Waiting for p95 overhead: no p95 overhead recorded on \`${short(world)}\` yet` })]);
    await recordMetric(world, await workspace({ 'bench.json': '{"p95": 7.4}' }), { 'metric-file': 'bench.json', 'metric-json': 'p95', 'metric-unit': 'ms' });
    const result = await world.gateOnPullRequest('synchronize');
    expect(result.outputs['state']).toBe('success');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'success', description: 'Ready: 1 check passes' });
    expect(report(result).checks).toEqual([expect.objectContaining({ id: 'latency', outcome: 'pass', summary: `p95 overhead 7.4 ms (max 10 ms) from ${CONTEXT} (${RUN_URL})` })]);
    expect(world.gateComments()[0]!.body).toContain(`p95 overhead 7.4 ms (max 10 ms) from [\`${CONTEXT}\`](${RUN_URL})`);
  });

  it('over the maximum: fails, with the figure', async () => {
    const world = await newWorld({ policy: WITHIN });
    await recordMetric(world, await workspace({ 'bench.txt': 'p95 overhead: 12.5 ms\n' }), { 'metric-file': 'bench.txt', 'metric-pattern': 'overhead: ([0-9.]+)', 'metric-unit': 'ms' });
    const result = await world.gateOnPullRequest('synchronize');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure', description: 'Blocked: p95 overhead 12.5 ms, above 10 ms' });
    expect(report(result).checks).toEqual([expect.objectContaining({ id: 'latency', outcome: 'fail', summary: `p95 overhead 12.5 ms (max 10 ms) from ${CONTEXT} (${RUN_URL})` })]);
  });

  it('a status of that context from another account does not count', async () => {
    const world = await newWorld({ policy: WITHIN });
    world.fake.addStatus(REPO, world.head(), { context: CONTEXT, state: 'success', description: '1 ms', creator: 'mallory' });
    await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending', description: 'Waiting for p95 overhead' });
    expect(world.gateComments()[0]!.body).toContain(`\`${CONTEXT}\` from mallory does not count: not the gate or a writer named under \`writers:\``);
  });

  it('nor does one that comes after the recorded figure: the gate’s own still decides', async () => {
    const world = await newWorld({ policy: WITHIN });
    await recordMetric(world, await workspace({ 'bench.json': '{"p95": 12.5}' }), { 'metric-file': 'bench.json', 'metric-json': 'p95', 'metric-unit': 'ms' });
    world.fake.addStatus(REPO, world.head(), { context: CONTEXT, state: 'success', description: '1 ms', creator: 'mallory' });
    const result = await world.gateOnPullRequest('synchronize');
    expect(recorded(world).map((s) => [s.creator?.login, s.description])).toEqual([
      ['mallory', '1 ms'],
      ['github-actions[bot]', '12.5 ms'],
    ]);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'failure', description: 'Blocked: p95 overhead 12.5 ms, above 10 ms' });
    expect(report(result).checks).toEqual([expect.objectContaining({ id: 'latency', outcome: 'fail' })]);
  });

  it('a writer named under `writers:` counts', async () => {
    const world = await newWorld({ policy: `${WITHIN}writers:\n  ${CONTEXT}: ["dependabot[bot]"]\n` });
    world.fake.addStatus(REPO, world.head(), { context: CONTEXT, state: 'success', description: '8 ms', creator: 'dependabot[bot]' });
    const result = await world.gateOnPullRequest();
    expect(report(result).checks).toEqual([expect.objectContaining({ id: 'latency', outcome: 'pass', summary: `p95 overhead 8 ms (max 10 ms) from ${CONTEXT}` })]);
  });
});

describe('metric inputs that cannot work fail the step before any write', () => {
  it.each<[string, Record<string, string>, string]>([
    ['metric-file without metric', { metric: '', 'metric-file': 'bench.json' }, 'Input `metric-file` needs `metric`: the id of the `metric` check in readiness.yml that reads the figure.'],
    ['metric without metric-file', { 'metric-json': 'p95' }, 'Input `metric` is for recording a measured figure: give `metric-file` too (the report that holds it).'],
    ['a metric that is no check id', { metric: 'Latency/P95', 'metric-file': 'bench.json' }, "Input `metric` must be a check id: lowercase letters, digits, '-' and '_', starting with a letter or digit (got `Latency/P95`)."],
    ['both json and pattern', { 'metric-file': 'bench.json', 'metric-json': 'p95', 'metric-pattern': 'p95: ([0-9.]+)' }, 'Give `metric-json` or `metric-pattern`, not both: one says where the number is.'],
    ['a pattern RE2 refuses', { 'metric-file': 'bench.txt', 'metric-pattern': '(\\d+)(?= ms)' }, 'Input `metric-pattern`: `(\\d+)(?= ms)` needs backtracking (a backreference or lookaround)'],
    ['a pattern that does not compile', { 'metric-file': 'bench.txt', 'metric-pattern': 'p95: ([0-9.]+' }, 'Input `metric-pattern`: `p95: ([0-9.]+` is not a valid regular expression'],
    ['an empty part in the JSON path', { 'metric-file': 'bench.json', 'metric-json': 'results..p95' }, 'Input `metric-json`: `results..p95` is not a dot path such as `results.p95_ms` (no empty parts).'],
    ['with coverage-file', { 'metric-file': 'bench.json', 'coverage-file': 'lcov.info' }, 'Give `coverage-file` or `metric-file` in one step, not both: record each figure in a step of its own.'],
  ])('%s', async (_name, inputs, message) => {
    const world = await newWorld({ policy: WITHIN });
    const from = world.fake.requests.length;
    const result = await recordMetric(world, await workspace({ 'bench.json': '{"p95": 7.4}' }), inputs);
    expect(result.exitCode).toBe(1);
    expect(logOf(result)).toContain(`::error::${message}`);
    expect(world.fake.requests.slice(from)).toEqual([]);
    expect(recorded(world)).toEqual([]);
  });
});
