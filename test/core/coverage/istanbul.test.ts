import { describe, expect, it } from 'vitest';
import { parseCoverageReport } from '../../../src/core/coverage/parse-coverage-report.ts';
import { expectFailure, expectFigure, fixture, parseFixture } from './support.ts';

describe('Istanbul json-summary', () => {
  it("computes from total.lines' counts, not istanbul's floored pct", () => {
    // pct says 66.66; 20 of 30 is 66.666…
    const figure = expectFigure(parseFixture('coverage-summary.json'), 'istanbul', 20, 30);
    expect(figure.percent).toBeGreaterThan(66.66);
  });

  it('falls back to pct when there are no counts', () => {
    expect(parseCoverageReport('{"total":{"lines":{"pct":84.21}}}', 'coverage-summary.json')).toEqual({
      ok: true,
      figure: { format: 'istanbul', linesCovered: 0, linesTotal: 0, percent: 84.21, rateOnly: true },
    });
  });

  it('an empty summary covers no lines, whatever its pct says', () => {
    const empty = (pct: string) => `{"total": {"lines":{"total":0,"covered":0,"skipped":0,"pct":${pct}},"statements":{"total":0,"covered":0,"skipped":0,"pct":${pct}}}\n}\n`;
    expectFailure(parseCoverageReport(empty('"Unknown"'), 'coverage-summary.json'), 'the report covers no lines');
    expectFailure(parseCoverageReport(empty('100'), 'coverage-summary.json'), 'the report covers no lines');
  });

  it.each([
    ['malformed JSON', fixture('coverage-summary.json').slice(0, 400), /coverage-summary\.json looks like JSON but does not parse \(.+\); the file may be cut off/],
    ['a JSON array', '[1, 2, 3]', /is JSON but not an Istanbul json-summary \(expected an object with a "total" entry\)/],
    ['coverage-final.json', '{"/src/a.js":{"path":"/src/a.js","statementMap":{},"fnMap":{},"branchMap":{},"s":{},"f":{},"b":{}}}', /is Istanbul's full coverage JSON \(coverage-final\.json\), not a json-summary/],
    ['a total without lines', '{"total":{"statements":{"total":3,"covered":3}}}', /its "total" has no "lines" entry/],
    ['counts that are not counts', '{"total":{"lines":{"total":3.5,"covered":1}}}', /gives 1 covered of 3\.5, which are not whole counts/],
    ['covered above total', '{"total":{"lines":{"total":3,"covered":4}}}', /says 4 covered of only 3/],
  ])('rejects %s', (_name, text, message) => {
    expectFailure(parseCoverageReport(text, 'coverage-summary.json'), message);
  });
});
