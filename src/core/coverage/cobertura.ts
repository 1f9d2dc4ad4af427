import type { CoverageParse } from './coverage-figure.ts';
import { parseCount, parseDecimal } from './counts.ts';
import { FORMAT_TITLE } from './format-names.ts';
import { fail, figureOf, NO_LINES_MESSAGE, rateOnlyFigure } from './make-figure.ts';
import { attribute, children, readXml, type XmlElement } from './read-xml.ts';

const TITLE = FORMAT_TITLE.cobertura;

/**
 * Cobertura XML (coverage.py, istanbul, coverlet, gcovr, the original Cobertura…).
 * In order of trust: the root's lines-covered/lines-valid; the <line> elements
 * themselves (old Cobertura writes no counts; some writers leave them 0/0); and only
 * then the root's line-rate, which carries no counts.
 */
export function parseCobertura(text: string, name: string): CoverageParse {
  const read = readXml(text, name, TITLE);
  if (!read.ok) return read;
  if (read.rootName !== 'coverage') return fail(`${name} looks like ${TITLE} but its root is <${read.rootName}>, not <coverage>`);
  const root = read.root;

  const coveredText = attribute(root, 'lines-covered');
  const validText = attribute(root, 'lines-valid');
  const covered = parseCount(coveredText);
  const valid = parseCount(validText);
  if ((coveredText !== undefined && covered === null) || (validText !== undefined && valid === null)) {
    return fail(`${name} looks like ${TITLE} but lines-covered="${coveredText ?? ''}" lines-valid="${validText ?? ''}" are not counts`);
  }
  if (covered !== null && valid !== null && valid > 0) return figureOf('cobertura', covered, valid, name);

  const classes = allClasses(root);
  const counted = countLines(classes);
  if (counted.total > 0) return figureOf('cobertura', counted.covered, counted.total, name);
  if (covered !== null && valid !== null) return fail(NO_LINES_MESSAGE);

  const rateText = attribute(root, 'line-rate');
  if (rateText !== undefined) {
    const rate = parseDecimal(rateText);
    if (rate === null || rate < 0 || rate > 1) return fail(`${name} looks like ${TITLE} but its line-rate="${rateText}" is not a rate between 0 and 1`);
    // Writers put line-rate="1" on an empty report; without classes it describes nothing.
    return classes.length > 0 ? rateOnlyFigure('cobertura', rate * 100) : fail(NO_LINES_MESSAGE);
  }
  return fail(`${name} looks like ${TITLE} but has no lines-covered/lines-valid and no <line> elements`);
}

function allClasses(root: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  for (const packages of children(root, 'packages'))
    for (const pkg of children(packages, 'package'))
      for (const classes of children(pkg, 'classes')) found.push(...children(classes, 'class'));
  return found;
}

/**
 * Counts each class's own <lines>, never the copies under <methods>. The same file may
 * appear in several classes (inner classes, merged reports): a line is counted once per
 * file, and covered when any occurrence has hits, as Codecov and ReportGenerator merge them.
 */
function countLines(classes: XmlElement[]): { covered: number; total: number } {
  const lines = new Map<string, boolean>();
  let unnumbered = 0;
  for (const cls of classes) {
    const file = attribute(cls, 'filename') ?? attribute(cls, 'name') ?? '';
    for (const group of children(cls, 'lines')) {
      for (const line of children(group, 'line')) {
        const hits = parseDecimal(attribute(line, 'hits')) ?? 0;
        const number = attribute(line, 'number');
        const key = number === undefined ? `\0${unnumbered++}` : `${file}\0${number}`;
        lines.set(key, (lines.get(key) ?? false) || hits > 0);
      }
    }
  }
  let covered = 0;
  for (const hit of lines.values()) if (hit) covered++;
  return { covered, total: lines.size };
}
