import type { CoverageFormat } from './coverage-figure.ts';

/** How messages name a format: "coverage.xml looks like Cobertura XML but …". */
export const FORMAT_TITLE: Record<CoverageFormat, string> = {
  lcov: 'lcov',
  cobertura: 'Cobertura XML',
  istanbul: 'Istanbul json-summary',
  clover: 'Clover XML',
  jacoco: 'JaCoCo XML',
  go: 'a Go coverprofile',
};

/** The short name shown after a percentage: "84.2% of lines (lcov)". */
export const FORMAT_SHORT: Record<CoverageFormat, string> = {
  lcov: 'lcov',
  cobertura: 'Cobertura',
  istanbul: 'Istanbul',
  clover: 'Clover',
  jacoco: 'JaCoCo',
  go: 'Go coverprofile',
};

/**
 * What the counts measure. Clover's figure is statements (it has no line metric) and Go's
 * is statements (that is all a coverprofile records); saying "lines" would misdescribe them.
 */
export const FORMAT_MEASURE: Record<CoverageFormat, 'lines' | 'statements'> = {
  lcov: 'lines',
  cobertura: 'lines',
  istanbul: 'lines',
  clover: 'statements',
  jacoco: 'lines',
  go: 'statements',
};

export const ALL_FORMATS_PHRASE = 'lcov, Cobertura XML, Istanbul json-summary, Clover XML, JaCoCo XML or a Go coverprofile';
