import { describe, it } from 'vitest';
import { parseCoverageReport } from '../../../src/core/coverage/parse-coverage-report.ts';
import { expectFailure, expectFigure, fixture, parseFixture } from './support.ts';

describe('Clover XML (statements stand in for lines)', () => {
  it("reads the project metrics of istanbul's clover reporter", () => {
    expectFigure(parseFixture('istanbul-clover.xml'), 'clover', 14, 19);
  });

  it("reads PHPUnit's project metrics, which come after the packages and files", () => {
    // Invoice.php 9/12 and helpers.php 1/4; the per-class and per-file metrics are not added again.
    expectFigure(parseFixture('phpunit-clover.xml'), 'clover', 10, 16);
  });

  it('is recognised from its <project> child even under a non-clover name', () => {
    expectFigure(parseCoverageReport(fixture('phpunit-clover.xml'), 'coverage.xml'), 'clover', 10, 16);
  });

  it('a project without statements covers no lines', () => {
    const xml = '<coverage generated="1" clover="3.2.0"><project timestamp="1" name="All files"><metrics statements="0" coveredstatements="0" conditionals="0" coveredconditionals="0" methods="0" coveredmethods="0" elements="0" coveredelements="0" complexity="0" loc="0" ncloc="0" packages="0" files="0" classes="0"/></project></coverage>';
    expectFailure(parseCoverageReport(xml, 'clover.xml'), 'the report covers no lines');
  });

  it.each([
    ['no project metrics', '<coverage clover="3.2.0"><project timestamp="1"/></coverage>', 'clover.xml looks like Clover XML but has no <project><metrics> element'],
    ['no statement counts', '<coverage clover="3.2.0"><project><metrics methods="3" coveredmethods="2"/></project></coverage>', /project <metrics> has no statements\/coveredstatements/],
    ['a cut-off file', fixture('istanbul-clover.xml').slice(0, 700), /looks like Clover XML but is not well-formed XML \(it ends in the middle of a tag; the file looks cut off\)/],
  ])('rejects %s', (_name, xml, message) => {
    expectFailure(parseCoverageReport(xml, 'clover.xml'), message);
  });
});
