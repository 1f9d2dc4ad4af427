// The figure in a report measured in the CI job (`metric-file`), and the description that
// records it: what the `metric` check reads back.
import { describe, expect, it } from 'vitest';
import { jsonPathProblem, readMetricReport, type MetricLocation } from '../../../src/core/metrics/metric-report.ts';
import { readNumber } from '../../../src/core/metrics/read-number.ts';
import { recordedMetricDescription } from '../../../src/core/metrics/recorded-metric.ts';

const FIRST: MetricLocation = { kind: 'first-number' };
const json = (path: string): MetricLocation => ({ kind: 'json', path });
const pattern = (source: string): MetricLocation => ({ kind: 'pattern', pattern: source });

const K6 = JSON.stringify({ results: { p95_ms: 7.4, runs: [{ rps: 1200 }, { rps: '1,250.5' }], label: 'fast', nested: { a: 1 }, none: null, list: [1, 2] } });

describe('readMetricReport', () => {
  const figures: [string, string, MetricLocation, number][] = [
    ['a JSON number', K6, json('results.p95_ms'), 7.4],
    ['through a list by index', K6, json('results.runs.0.rps'), 1200],
    ['a string holding only a number', K6, json('results.runs.1.rps'), 1250.5],
    ['a JSON report with a byte order mark', `\uFEFF${K6}`, json('results.p95_ms'), 7.4],
    ['the first group of a pattern', 'p50: 3.1 ms\np95: 7.4 ms\n', pattern('p95: ([0-9.]+) ms'), 7.4],
    ['the first number of the group', 'p95 latency = 7.4ms (n=300)', pattern('latency = (\\S+)'), 7.4],
    ['the whole match of a pattern without a group', 'took 12.5s', pattern('[0-9.]+s'), 12.5],
    ['the first number of the text', 'Overhead: 7.4 ms over 300 runs\n', FIRST, 7.4],
    ['a negative number', 'delta -3.25 MB', FIRST, -3.25],
    ['a thousands comma', 'throughput 1,234,567.5 req/s', FIRST, 1234567.5],
    ['an exponent', 'error rate 1.5e-7', FIRST, 1.5e-7],
  ];
  it.each(figures)('%s', (_name, text, location, value) => {
    expect(readMetricReport(text, location, 'report')).toEqual({ ok: true, value });
  });

  const problems: [string, string, MetricLocation, string][] = [
    ['not JSON', 'p95: 7.4', json('results.p95_ms'), 'bench.out is not JSON, so `results.p95_ms` was not read'],
    ['an empty file read as JSON', '', json('results.p95_ms'), 'bench.out is not JSON, so `results.p95_ms` was not read'],
    ['no such path', K6, json('results.p99_ms'), 'bench.out has no `results.p99_ms`'],
    ['an index past the end of a list', K6, json('results.runs.2.rps'), 'bench.out has no `results.runs.2.rps`'],
    ['a key that is not an own property', K6, json('results.constructor'), 'bench.out has no `results.constructor`'],
    ['a string that is not only a number', K6, json('results.label'), '`results.label` in bench.out is "fast", not a number'],
    ['a number with its unit, as a string', JSON.stringify({ p95: '7.4 ms' }), json('p95'), '`p95` in bench.out is "7.4 ms", not a number'],
    ['an object', K6, json('results.nested'), '`results.nested` in bench.out is an object, not a number'],
    ['a list', K6, json('results.list'), '`results.list` in bench.out is a list, not a number'],
    ['null', K6, json('results.none'), '`results.none` in bench.out is null, not a number'],
    ['true', JSON.stringify({ ok: true }), json('ok'), '`ok` in bench.out is true, not a number'],
    ['a JSON number too large for a double', '{"p95": 1e999}', json('p95'), '`p95` in bench.out is not a finite number'],
    ['a string number too large for a double', '{"p95": "1e999"}', json('p95'), '`p95` in bench.out: 1e999 is not a finite number'],
    ['a long string, shown short', JSON.stringify({ p95: 'x'.repeat(200) }), json('p95'), `\`p95\` in bench.out is "${'x'.repeat(39)}…", not a number`],
    ['a pattern that does not match', 'p50: 3.1 ms', pattern('p95: ([0-9.]+) ms'), 'bench.out has no match for `p95: ([0-9.]+) ms`'],
    ['a match without a number', 'p95: n/a', pattern('p95: (\\S+)'), 'the match of `p95: (\\S+)` in bench.out ("n/a") holds no number'],
    ['no number in the text', 'benchmarks ran\n', FIRST, 'bench.out holds no number'],
    ['an empty text', '', FIRST, 'bench.out holds no number'],
    ['a number too large for a double', 'took 1e999 s', FIRST, 'bench.out: 1e999 is not a finite number'],
  ];
  it.each(problems)('%s: says exactly what is wrong', (_name, text, location, message) => {
    expect(readMetricReport(text, location, 'bench.out')).toEqual({ ok: false, message });
  });
});

describe('jsonPathProblem', () => {
  it.each<[string, string | null]>([
    ['results.p95_ms', null],
    ['runs.0.rps', null],
    ['p95', null],
    ['', '`` is not a dot path such as `results.p95_ms` (no empty parts)'],
    ['results..p95', '`results..p95` is not a dot path such as `results.p95_ms` (no empty parts)'],
    ['.p95', '`.p95` is not a dot path such as `results.p95_ms` (no empty parts)'],
    ['p95.', '`p95.` is not a dot path such as `results.p95_ms` (no empty parts)'],
  ])('%j', (path, problem) => {
    expect(jsonPathProblem(path)).toBe(problem);
  });
});

describe('recordedMetricDescription', () => {
  it.each<[number, string | null, string]>([
    [7.4, 'ms', '7.4 ms'],
    [0.25, '%', '0.25%'],
    [1200, null, '1200'],
    [1234567.5, 'req/s', '1234567.5 req/s'],
    [-3.25, 'MB', '-3.25 MB'],
    [1.5e-7, null, '1.5e-7'],
    [2e21, 'B', '2e+21 B'],
    [0.1 + 0.2, 's', '0.30000000000000004 s'],
  ])('%d %s → %j, which the check reads back exactly', (value, unit, description) => {
    expect(recordedMetricDescription(value, unit)).toBe(description);
    // The check without `from` reads the first number of the description.
    expect(readNumber(description, undefined)).toBe(value);
  });
});
