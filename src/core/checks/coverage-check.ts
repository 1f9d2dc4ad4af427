import type { CheckOf } from '../config/schema.ts';
import type { PlannedSource } from '../evidence/snapshot.ts';
import { code, quoted, rich } from '../model/rich-text.ts';
import { todo } from '../model/todo.ts';
import { source, shortSha, unknownVerdict, type CheckContext, type CheckKindModule, type CheckVerdict } from './check-kind.ts';
import { percentText, readCoverage, type CoverageReading } from './coverage-evidence.ts';
import { figureLink } from './figure-evidence.ts';
import { namedWriters } from './expected-writers.ts';
import { COVERAGE_CONTEXT } from '../coverage/recorded-coverage.ts';

function sources(check: CheckOf<'coverage'>): PlannedSource[] {
  const { from, max_drop: maxDrop } = check.coverage;
  const needed: PlannedSource[] = from ? ['statuses', 'checkRuns'] : ['statuses'];
  if (maxDrop !== undefined) needed.push(...(from ? (['baseStatuses', 'baseCheckRuns'] as const) : (['baseStatuses'] as const)));
  return needed;
}

/**
 * Who may give the figure: the recorded one only the gate's own identity (the CI job records it
 * with the same token) or the accounts `writers:` names; another tool's, whoever `writers:`
 * names, else whoever wrote it alone.
 */
function expectedWriters(from: string | undefined, context: CheckContext): string[] | null {
  if (from) return namedWriters(context.writers, from);
  return [context.snapshot.gate.identity.login, ...(namedWriters(context.writers, COVERAGE_CONTEXT) ?? [])];
}

function suspectVerdict(check: CheckOf<'coverage'>, reading: Extract<CoverageReading, { kind: 'suspect' }>): CheckVerdict {
  return {
    outcome: 'fail',
    summary: rich`Suspect: ${code(reading.source)} was written by ${reading.writers.join(' and ')}`,
    fix: rich`Name who may write ${code(reading.source)} under ${code('writers:')} in readiness.yml; anyone else's figure is then ignored.`,
    todos: [todo({ kind: 'maintainers' }, rich`Name under ${code('writers:')} in readiness.yml who may write (anyone else's results are then ignored)`, [rich`${code(reading.source)}`])],
    blocker: 'suspect coverage (more than one writer)',
  };
}

function evaluateCoverage(check: CheckOf<'coverage'>, context: CheckContext): CheckVerdict {
  const { min, from, max_drop: maxDrop } = check.coverage;
  const { snapshot } = context;
  const head = shortSha(snapshot.pullRequest.head.sha);
  const expected = expectedWriters(from, context);
  const reading = readCoverage({ statuses: source(snapshot, 'statuses'), checkRuns: from ? source(snapshot, 'checkRuns') : undefined }, from, head, expected);
  if (reading.kind === 'unreadable') return unknownVerdict(reading.problem);
  if (reading.kind === 'suspect') return suspectVerdict(check, reading);
  if (reading.kind === 'waiting') {
    const fix = from
      ? rich`Wait for ${code(from)} to report on ${code(head)}.`
      : rich`Run this action with ${code('coverage-file:')} in the CI job, right after the tests, so it records the figure on the head commit.`;
    return {
      outcome: 'pending',
      summary: rich`Waiting for coverage: ${quoted(reading.what)}`,
      fix,
      todos: [
        from
          ? todo({ kind: 'ci' }, rich`Wait for CI to finish on ${code(head)}`, [rich`${code(from)}`])
          : todo({ kind: 'ci' }, rich`Record coverage on ${code(head)}: run this action with ${code('coverage-file:')} in the CI job, right after the tests`),
      ],
      blocker: 'coverage',
    };
  }
  const shown = percentText(reading.percent, min);
  if (reading.percent < min) {
    return {
      outcome: 'fail',
      summary: rich`${shown} of lines from ${figureLink(reading.source)}, below the minimum ${min}%`,
      fix: rich`Raise line coverage of ${code(head)} to at least ${min}% (now ${shown}).`,
      todos: [todo({ kind: 'author' }, rich`Raise line coverage to at least ${min}% (now ${shown})`)],
      blocker: `coverage ${shown}, below ${min}%`,
    };
  }
  if (maxDrop === undefined) return { outcome: 'pass', summary: rich`${shown} of lines from ${figureLink(reading.source)} (minimum ${min}%)`, evidence: [reading.source] };

  const baseRef = snapshot.pullRequest.base.ref;
  const base = readCoverage({ statuses: source(snapshot, 'baseStatuses'), checkRuns: from ? source(snapshot, 'baseCheckRuns') : undefined }, from, baseRef, expected);
  if (base.kind === 'unreadable') return unknownVerdict(base.problem);
  if (base.kind === 'suspect') return suspectVerdict(check, base);
  if (base.kind === 'waiting') {
    return unknownVerdict({
      what: `the coverage of \`${baseRef}\``,
      message: `${base.what}, so the drop cannot be measured`,
      fix: `Record coverage on \`${baseRef}\` too (run the action with \`coverage-file:\` on pushes to it), or remove \`max_drop\`.`,
    });
  }
  const drop = base.percent - reading.percent;
  const baseShown = percentText(base.percent);
  if (drop > maxDrop) {
    return {
      outcome: 'fail',
      summary: rich`${shown} of lines, down ${drop.toFixed(2)} points from ${baseShown} on ${code(baseRef)} (at most ${maxDrop} allowed)`,
      fix: rich`Bring coverage back to within ${maxDrop} points of ${code(baseRef)} (${baseShown}).`,
      todos: [todo({ kind: 'author' }, rich`Bring line coverage back to within ${maxDrop} points of ${code(baseRef)} (${baseShown}; now ${shown})`)],
      blocker: `coverage down ${drop.toFixed(1)} points`,
    };
  }
  return { outcome: 'pass', summary: rich`${shown} of lines from ${figureLink(reading.source)} (minimum ${min}%; ${baseShown} on ${code(baseRef)})`, evidence: [reading.source, base.source] };
}

export const coverageCheck: CheckKindModule<'coverage'> = { sources, evaluate: evaluateCoverage };
