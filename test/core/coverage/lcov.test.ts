import { describe, expect, it } from 'vitest';
import { parseCoverageReport } from '../../../src/core/coverage/parse-coverage-report.ts';
import { expectFailure, expectFigure, fixture, parseFixture } from './support.ts';

describe('lcov', () => {
  it('sums LF/LH over the records of a c8/nyc tracefile', () => {
    // math.js 6/8, format.js 4/6, index.js 3/3
    expectFigure(parseFixture('c8-lcov.info'), 'lcov', 13, 17);
  });

  it('reads geninfo output with DA checksums and "-" branch counts', () => {
    // parser.c 4/9, util.c 3/4
    expectFigure(parseFixture('geninfo-gcc.info'), 'lcov', 7, 13);
  });

  it('counts DA: lines when a record has no LF/LH (mocha-lcov-reporter)', () => {
    // server.js 4/6, routes.js 3/3
    expectFigure(parseFixture('mocha-lcov-reporter.info'), 'lcov', 7, 9);
  });

  it('merges records for the same file line by line, as lcov -a does', () => {
    // cart.ts: shard 1 hits {1,2,6}, shard 2 hits {1,2,3,6,7}: 5 of 6 lines; price.ts 1/2.
    // Summing the records' LF/LH instead would give 9 of 14.
    expectFigure(parseFixture('merged-shards.info'), 'lcov', 6, 8);
  });

  it('reads CRLF line endings and Windows paths', () => {
    expectFigure(parseFixture('windows-crlf.info'), 'lcov', 2, 3);
  });

  it('ignores a byte-order mark', () => {
    expectFigure(parseCoverageReport(`\uFEFF${fixture('c8-lcov.info')}`, 'lcov.info'), 'lcov', 13, 17);
  });

  it('counts a line repeated within one record once', () => {
    expectFigure(parseCoverageReport('SF:a.c\nDA:1,0\nDA:1,2\nDA:2,0\nend_of_record\n'), 'lcov', 1, 2);
  });

  it('prefers the content over a misleading file name', () => {
    expectFigure(parseCoverageReport(fixture('c8-lcov.info'), 'coverage.xml'), 'lcov', 13, 17);
  });

  it('is recognised even without TN: lines', () => {
    expect(parseCoverageReport('SF:a.js\nDA:1,1\nLF:1\nLH:1\nend_of_record\n').ok).toBe(true);
  });

  it.each([
    ['a file cut off between lines', fixture('c8-lcov.info').slice(0, 298), /ends inside the record for src\/format\.js \(no end_of_record\); the file looks cut off/],
    ['a file cut off mid-line', fixture('c8-lcov.info').slice(0, 300), /lcov\.info ends in the middle of line 32 \(D\); the file looks cut off/],
    ['a file cut off inside a DA value', 'SF:a.js\nDA:1,', /ends in the middle of line 2 \(DA:1,\); the file looks cut off/],
    ['a missing end_of_record', 'SF:a.js\nDA:1,1\nSF:b.js\nDA:1,1\nend_of_record\n', /line 3: SF: starts a new record before the record for a\.js ended/],
    ['a malformed DA', 'SF:a.js\nDA:one,1\nend_of_record\n', /line 2: DA: needs <line>,<hits>, got DA:one,1/],
    ['a malformed LF', 'SF:a.js\nLF:x\nLH:1\nend_of_record\n', /line 2: LF: needs a count/],
    ['LH above LF', 'SF:a.js\nLF:2\nLH:3\nend_of_record\n', /says LH:3 but LF:2/],
    ['DA outside a record', 'TN:\nDA:1,1\n', /line 2: DA: outside a record/],
    ['a line that is not lcov', 'TN:\nSF:a.js\n<html>\nend_of_record\n', /line 3 is not an lcov line/],
    ['a stray end_of_record', 'TN:\nend_of_record\n', /end_of_record without a preceding SF:/],
  ])('rejects %s', (_name, text, message) => {
    expectFailure(parseCoverageReport(text, 'lcov.info'), message);
  });

  it('a tracefile without records covers no lines', () => {
    expectFailure(parseCoverageReport('TN:\n', 'lcov.info'), 'the report covers no lines');
    expectFailure(parseCoverageReport('TN:\nSF:a.js\nLF:0\nLH:0\nend_of_record\n', 'lcov.info'), 'the report covers no lines');
  });
});
