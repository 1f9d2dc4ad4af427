import { describe, expect, it } from 'vitest';
import { parseCoverageReport } from '../../../src/core/coverage/parse-coverage-report.ts';
import { expectFailure, expectFigure, fixture, parseFixture } from './support.ts';

describe('Cobertura XML', () => {
  it('reads lines-covered/lines-valid from coverage.py', () => {
    expectFigure(parseFixture('coverage-py.xml'), 'cobertura', 13, 17);
  });

  it("reads istanbul's cobertura reporter, DOCTYPE and all", () => {
    expectFigure(parseFixture('istanbul-cobertura.xml'), 'cobertura', 9, 12);
  });

  it('counts class <line> elements when the root has no counts (Cobertura 1.9)', () => {
    // Cart.java 4/5 plus its inner class Cart$Item 2/3, Money.java 2/4. The copies of the
    // lines under <methods> are not counted again.
    expectFigure(parseFixture('cobertura-1.9.xml'), 'cobertura', 8, 12);
  });

  it('agrees with its own <line> elements when the counts are removed', () => {
    const stripped = fixture('coverage-py.xml').replace(' lines-valid="17" lines-covered="13"', '');
    expectFigure(parseCoverageReport(stripped, 'coverage.xml'), 'cobertura', 13, 17);
  });

  it('counts <line> elements when the root says 0/0 but lines exist', () => {
    const zeroed = fixture('coverage-py.xml').replace('lines-valid="17" lines-covered="13"', 'lines-valid="0" lines-covered="0"');
    expectFigure(parseCoverageReport(zeroed, 'coverage.xml'), 'cobertura', 13, 17);
  });

  it('merges a line that two classes of one file both list (merged reports)', () => {
    const xml = `<coverage line-rate="0.5"><packages><package name="p"><classes>
      <class name="A" filename="a.py"><lines><line number="1" hits="0"/><line number="2" hits="0"/></lines></class>
      <class name="A" filename="a.py"><lines><line number="1" hits="3"/><line number="2" hits="0"/></lines></class>
    </classes></package></packages></coverage>`;
    expectFigure(parseCoverageReport(xml, 'coverage.xml'), 'cobertura', 1, 2);
  });

  it('falls back to line-rate alone, flagged as a rate without counts', () => {
    const xml = '<coverage line-rate="0.842" version="1.9"><packages><package name="p"><classes><class name="A" filename="A.java"><lines/></class></classes></package></packages></coverage>';
    expect(parseCoverageReport(xml, 'coverage.xml')).toEqual({
      ok: true,
      figure: { format: 'cobertura', linesCovered: 0, linesTotal: 0, percent: 84.2, rateOnly: true },
    });
  });

  it.each([
    ['0/0 with line-rate="1" (istanbul, no files)', '<?xml version="1.0" ?>\n<coverage lines-valid="0" lines-covered="0" line-rate="1" version="0.1"><sources/><packages/></coverage>'],
    ['line-rate="1" without any class', '<coverage line-rate="1" branch-rate="1" version="1.9"><packages/></coverage>'],
  ])('an empty report covers no lines: %s', (_name, xml) => {
    expectFailure(parseCoverageReport(xml, 'coverage.xml'), 'the report covers no lines');
  });

  it.each([
    ['no counts and no lines', '<coverage version="5.0"><sources/><packages><package name="p"/></packages></coverage>', 'coverage.xml looks like Cobertura XML but has no lines-covered/lines-valid and no <line> elements'],
    ['counts that are not numbers', '<coverage lines-covered="many" lines-valid="17"/>', /lines-covered="many" lines-valid="17" are not counts/],
    ['more covered than valid', '<coverage lines-covered="18" lines-valid="17"><packages/></coverage>', /says 18 covered of only 17/],
    ['a line-rate above 1', '<coverage line-rate="84.2"><packages><package><classes><class/></classes></package></packages></coverage>', /line-rate="84.2" is not a rate between 0 and 1/],
  ])('rejects %s', (_name, xml, message) => {
    expectFailure(parseCoverageReport(xml, 'coverage.xml'), message);
  });

  it('rejects a cut-off file even though the root already states the counts', () => {
    const text = fixture('coverage-py.xml');
    expectFailure(parseCoverageReport(text.slice(0, text.indexOf('<class name="cart.py"')), 'coverage.xml'), 'coverage.xml looks like Cobertura XML but is not well-formed XML (it ends before its elements are closed; the file looks cut off)');
  });

  it('rejects mismatched tags with a position', () => {
    expectFailure(parseCoverageReport('<coverage lines-valid="1" lines-covered="1">\n<packages></package></coverage>', 'coverage.xml'), /not well-formed XML \(line 2, column \d+: Expected closing tag 'packages'/);
  });

  it('does not expand entities declared in the DOCTYPE', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE coverage [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><coverage lines-valid="&b;" lines-covered="1"/>';
    expectFailure(parseCoverageReport(xml, 'coverage.xml'), /lines-valid="&b;" are not counts/);
  });
});
