import { describe, it } from 'vitest';
import { parseCoverageReport } from '../../../src/core/coverage/parse-coverage-report.ts';
import { expectFailure, expectFigure, fixture, parseFixture } from './support.ts';

/** Drops the report's own counters (everything after the last package or group). */
function withoutReportCounters(xml: string): string {
  return xml.replace(/(<\/(?:package|group)>)(?:<counter [^>]*\/>)+(<\/report>)$/, '$1$2');
}

describe('JaCoCo XML', () => {
  it('reads the report-level LINE counter, not the nested ones again', () => {
    // report: missed 8, covered 15. Adding every LINE counter in the file would count each line five times.
    expectFigure(parseFixture('jacoco.xml'), 'jacoco', 15, 23);
  });

  it('reads an aggregate report with groups', () => {
    expectFigure(parseFixture('jacoco-aggregate.xml'), 'jacoco', 5, 7);
  });

  it('sums the package counters when the report has none of its own', () => {
    expectFigure(parseCoverageReport(withoutReportCounters(fixture('jacoco.xml')), 'jacoco.xml'), 'jacoco', 15, 23);
  });

  it('sums the group counters when the report has none of its own', () => {
    expectFigure(parseCoverageReport(withoutReportCounters(fixture('jacoco-aggregate.xml')), 'jacoco.xml'), 'jacoco', 5, 7);
  });

  it('a report without classes covers no lines (JaCoCo omits empty counters)', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="empty"><sessioninfo id="x" start="1" dump="2"/></report>';
    expectFailure(parseCoverageReport(xml, 'jacoco.xml'), 'the report covers no lines');
  });

  it.each([
    ['a <report> that is not JaCoCo', '<report><title>Weekly</title></report>', 'jacoco.xml has a <report> root but no JaCoCo <sessioninfo>, <package>, <group> or <counter> elements'],
    ['a LINE counter without counts', '<report name="a"><counter type="LINE" missed="x" covered="1"/></report>', /a LINE <counter> has no whole covered\/missed counts/],
    ['a cut-off file', fixture('jacoco.xml').slice(0, 3000), /looks like JaCoCo XML but is not well-formed XML/],
  ])('rejects %s', (_name, xml, message) => {
    expectFailure(parseCoverageReport(xml, 'jacoco.xml'), message);
  });
});
