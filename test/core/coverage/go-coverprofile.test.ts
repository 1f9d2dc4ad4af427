import { describe, it } from 'vitest';
import { parseCoverageReport } from '../../../src/core/coverage/parse-coverage-report.ts';
import { expectFailure, expectFigure, parseFixture } from './support.ts';

describe('Go coverprofile (statements)', () => {
  it('counts statements of a single-package profile', () => {
    expectFigure(parseFixture('go-test-set.out'), 'go', 4, 6);
  });

  it('merges the duplicate blocks that -coverpkg writes once per test binary', () => {
    // 8 distinct blocks, 11 statements; covered if any run hit them: 7.
    // Without merging it would be 14 of 22.
    expectFigure(parseFixture('coverpkg-duplicates.out'), 'go', 7, 11);
  });

  it('accepts the repeated mode: lines of concatenated profiles', () => {
    const text = 'mode: set\na/a.go:1.1,2.2 2 1\nmode: set\na/a.go:1.1,2.2 2 0\nb/b.go:1.1,2.2 1 0\n';
    expectFigure(parseCoverageReport(text, 'coverage.out'), 'go', 2, 3);
  });

  it('reads Windows paths and CRLF', () => {
    expectFigure(parseCoverageReport('mode: count\r\nC:/src/a.go:3.14,5.2 3 12\r\nC:/src/a.go:7.1,8.2 1 0\r\n', 'cover.out'), 'go', 3, 4);
  });

  it.each([
    ['no mode line', 'a/a.go:1.1,2.2 2 1\n', 'coverage.out looks like a Go coverprofile but does not start with a "mode: set|count|atomic" line'],
    ['an unknown mode', 'mode: often\na/a.go:1.1,2.2 2 1\n', /line 1: unknown mode "often"/],
    ['a malformed block', 'mode: set\na/a.go:1.1,2.2 two 1\n', /line 2 is not a coverprofile block/],
    ['blocks from different builds', 'mode: set\na/a.go:1.1,2.2 2 1\na/a.go:1.1,2.2 3 1\n', /line 3: block a\/a\.go:1\.1,2\.2 has 3 statements here but 2 earlier/],
  ])('rejects %s', (_name, text, message) => {
    expectFailure(parseCoverageReport(text, 'coverage.out'), message);
  });

  it('a profile without blocks covers no lines', () => {
    expectFailure(parseCoverageReport('mode: set\n', 'coverage.out'), 'the report covers no lines');
  });
});
