import type { CoverageParse } from './coverage-figure.ts';
import { parseCount } from './counts.ts';
import { FORMAT_TITLE } from './format-names.ts';
import { fail, figureOf } from './make-figure.ts';
import { attribute, children, readXml, type XmlElement } from './read-xml.ts';

const TITLE = FORMAT_TITLE.jacoco;

interface LineCounter {
  covered: number;
  missed: number;
}

/**
 * JaCoCo XML (the Maven and Gradle plugins). Every level repeats the totals of the levels
 * below it, so exactly one level is read: the report's own LINE counter; failing that,
 * the LINE counters of its groups or packages (one level down, never deeper).
 * JaCoCo omits counters whose total is 0, so a report without any LINE counter is empty.
 */
export function parseJacoco(text: string, name: string): CoverageParse {
  const read = readXml(text, name, TITLE);
  if (!read.ok) return read;
  const report = read.root;
  if (read.rootName !== 'report') return fail(`${name} looks like ${TITLE} but its root is <${read.rootName}>, not <report>`);
  const looksLikeJacoco = ['sessioninfo', 'counter', 'package', 'group'].some((tag) => children(report, tag).length > 0);
  if (!looksLikeJacoco) return fail(`${name} has a <report> root but no JaCoCo <sessioninfo>, <package>, <group> or <counter> elements`);

  const counter = lineCounter(report, name);
  if (typeof counter === 'string') return fail(counter);
  return figureOf('jacoco', counter.covered, counter.covered + counter.missed, name);
}

/** A report or group: its own LINE counter, else the sum over its groups and packages. */
function lineCounter(element: XmlElement, name: string): LineCounter | string {
  const own = ownLineCounter(element, name);
  if (own !== null) return own;
  const sum: LineCounter = { covered: 0, missed: 0 };
  const parts: (LineCounter | string | null)[] = [
    ...children(element, 'group').map((group) => lineCounter(group, name)),
    ...children(element, 'package').map((pkg) => ownLineCounter(pkg, name)),
  ];
  for (const part of parts) {
    if (typeof part === 'string') return part;
    if (part) {
      sum.covered += part.covered;
      sum.missed += part.missed;
    }
  }
  return sum;
}

function ownLineCounter(element: XmlElement, name: string): LineCounter | string | null {
  const counter = children(element, 'counter').find((c) => attribute(c, 'type') === 'LINE');
  if (!counter) return null;
  const covered = parseCount(attribute(counter, 'covered'));
  const missed = parseCount(attribute(counter, 'missed'));
  if (covered === null || missed === null) return `${name} looks like ${TITLE} but a LINE <counter> has no whole covered/missed counts`;
  return { covered, missed };
}
