import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/core/coverage/detect-format.ts';
import { sniffXmlRoot } from '../../../src/core/coverage/xml-root.ts';
import { fixture } from './support.ts';

describe('format detection', () => {
  it.each([
    ['c8-lcov.info', 'lcov'],
    ['geninfo-gcc.info', 'lcov'],
    ['mocha-lcov-reporter.info', 'lcov'],
    ['coverage-py.xml', 'cobertura'],
    ['istanbul-cobertura.xml', 'cobertura'],
    ['cobertura-1.9.xml', 'cobertura'],
    ['coverage-summary.json', 'istanbul'],
    ['istanbul-clover.xml', 'clover'],
    ['phpunit-clover.xml', 'clover'],
    ['jacoco.xml', 'jacoco'],
    ['jacoco-aggregate.xml', 'jacoco'],
    ['coverpkg-duplicates.out', 'go'],
  ])('%s is %s, whatever it is called', (name, format) => {
    expect(detectFormat(fixture(name), 'report', 'report.txt')).toEqual({ ok: true, format });
  });

  it('uses the file name only to settle a bare <coverage> root', () => {
    expect(detectFormat('<coverage/>', 'x', 'clover.xml')).toEqual({ ok: true, format: 'clover' });
    expect(detectFormat('<coverage/>', 'x', 'coverage.xml')).toEqual({ ok: true, format: 'cobertura' });
    expect(detectFormat('<coverage clover="4.4.1"/>', 'x', 'cobertura.xml')).toEqual({ ok: true, format: 'clover' });
  });

  it('sees past the prolog, comments and a DOCTYPE with an internal subset', () => {
    const xml = '<?xml version="1.0"?>\n<!-- a > b -->\n<!DOCTYPE report [<!ENTITY x "<y>">]>\n<report name="a>b"><!-- c --><sessioninfo id="1"/></report>';
    expect(sniffXmlRoot(xml)).toEqual({ doctype: 'report', name: 'report', startTag: '<report name="a>b">', firstChild: 'sessioninfo' });
  });
});
