import type { CoverageParse } from './coverage-figure.ts';
import { parseCount } from './counts.ts';
import { FORMAT_TITLE } from './format-names.ts';
import { fail, figureOf } from './make-figure.ts';
import { attribute, children, readXml } from './read-xml.ts';

const TITLE = FORMAT_TITLE.clover;

/**
 * Clover XML (istanbul's clover reporter, PHPUnit, OpenClover). Clover has no line
 * metric, so the project's statements/coveredstatements stand in for lines, as Codecov
 * reads Clover. Only the project-level <metrics> is read: the per-package and per-file
 * metrics are already included in it (PHPUnit writes it last, istanbul first).
 */
export function parseClover(text: string, name: string): CoverageParse {
  const read = readXml(text, name, TITLE);
  if (!read.ok) return read;
  if (read.rootName !== 'coverage') return fail(`${name} looks like ${TITLE} but its root is <${read.rootName}>, not <coverage>`);

  const project = children(read.root, 'project')[0];
  const metrics = project ? children(project, 'metrics')[0] : undefined;
  if (!metrics) return fail(`${name} looks like ${TITLE} but has no <project><metrics> element`);

  const statementsText = attribute(metrics, 'statements');
  const coveredText = attribute(metrics, 'coveredstatements');
  if (statementsText === undefined || coveredText === undefined) {
    return fail(`${name} looks like ${TITLE} but its project <metrics> has no statements/coveredstatements`);
  }
  const statements = parseCount(statementsText);
  const covered = parseCount(coveredText);
  if (statements === null || covered === null) {
    return fail(`${name} looks like ${TITLE} but statements="${statementsText}" coveredstatements="${coveredText}" are not counts`);
  }
  return figureOf('clover', covered, statements, name);
}
