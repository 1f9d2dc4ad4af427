import { formatPercent, parsePercent } from '../coverage/describe-coverage.ts';
import { COVERAGE_CONTEXT, readRecordedPercent } from '../coverage/recorded-coverage.ts';
import type { CheckRunFact, EvidenceProblem, Readable, StatusFact } from '../evidence/snapshot.ts';
import { readFigure, type FigureReading, type FigureSource } from './figure-evidence.ts';

/** A coverage figure of one commit, or why there is none. */
export type CoverageReading =
  /** `source`: the status or check run that gave it, and who wrote it. */
  | { kind: 'figure'; percent: number; source: FigureSource }
  | Exclude<FigureReading, { kind: 'figure' }>;

interface CoverageSources {
  statuses: Readable<StatusFact[]>;
  checkRuns?: Readable<CheckRunFact[]>;
}

/**
 * Reads a commit's coverage from the status the gate recorded, or from another tool's status
 * or check run, counting only what `expected` wrote (null: whoever wrote it, if only one did).
 * `commit` names the commit for people: a short SHA or a branch.
 */
export function readCoverage(sources: CoverageSources, from: string | undefined, commit: string, expected: readonly string[] | null): CoverageReading {
  const context = from ?? COVERAGE_CONTEXT;
  const reading = readFigure(from ? sources : { statuses: sources.statuses }, {
    source: context,
    commit,
    expected,
    fromStatus: from ? parsePercent : readRecordedPercent,
    fromCheckRun: parsePercent,
    problems: {
      failing: (state, description) => ({
        what: `coverage of \`${commit}\``,
        message: `\`${context}\` reports ${state}: ${description || 'no description'}`,
        fix: from ? `Fix \`${from}\` on the head commit.` : 'Fix the `coverage-file` step of the CI job (see its log).',
      }),
      noFigure: (text) => noPercentage(context, text, commit),
    },
    nothingYet: from ? `no status or check run \`${from}\` on \`${commit}\` yet` : `no coverage recorded on \`${commit}\` yet`,
  });
  return reading.kind === 'figure' ? { kind: 'figure', percent: reading.value, source: reading.source } : reading;
}

function noPercentage(source: string, text: string, commit: string): EvidenceProblem {
  return {
    what: `coverage from \`${source}\` on \`${commit}\``,
    message: `it reports no percentage (${text ? `"${text.slice(0, 80)}"` : 'empty'})`,
    fix: `Make \`${source}\` report the line coverage as a percentage, or point \`coverage.from\` at one that does.`,
  };
}

export function percentText(percent: number, threshold?: number): string {
  return formatPercent(percent, threshold);
}
