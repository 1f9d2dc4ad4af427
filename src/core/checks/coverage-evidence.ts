import { formatPercent, parsePercent } from '../coverage/describe-coverage.ts';
import { COVERAGE_CONTEXT, readRecordedPercent } from '../coverage/recorded-coverage.ts';
import type { CheckRunFact, EvidenceProblem, Readable, StatusFact } from '../evidence/snapshot.ts';
import { checkRunsFrom, statusesFrom } from './expected-writers.ts';

/** A coverage figure of one commit, or why there is none. */
export type CoverageReading =
  /** `from`: the status context or check run that gave it. */
  | { kind: 'figure'; percent: number; from: string; url: string | null }
  /** `what` is worded like an evidence problem (backticks mark code): it may become one. */
  | { kind: 'waiting'; what: string }
  | { kind: 'unreadable'; problem: EvidenceProblem }
  /** More than one account wrote the figure, and the policy names none of them. */
  | { kind: 'suspect'; source: string; writers: string[] };

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
  if (!sources.statuses.ok) return { kind: 'unreadable', problem: sources.statuses.problem };
  const context = from ?? COVERAGE_CONTEXT;
  const written = statusesFrom(sources.statuses.value.filter((item) => item.context === context), expected);
  if (written.kind === 'suspect') return { kind: 'suspect', source: context, writers: written.writers };
  // Statuses are listed newest first: the first in the context is the current one.
  const status = written.items[0];
  if (status) {
    if (status.state === 'pending') return { kind: 'waiting', what: `\`${context}\` is still running on \`${commit}\`` };
    if (status.state !== 'success') {
      // The recording run could not read its report (or the tool failed): that is not a figure.
      return {
        kind: 'unreadable',
        problem: {
          what: `coverage of \`${commit}\``,
          message: `\`${context}\` reports ${status.state}: ${status.description ?? 'no description'}`,
          fix: from ? `Fix \`${from}\` on the head commit.` : 'Fix the `coverage-file` step of the CI job (see its log).',
        },
      };
    }
    const description = status.description ?? '';
    const percent = from ? parsePercent(description) : readRecordedPercent(description);
    if (percent === null) return { kind: 'unreadable', problem: noPercentage(context, description, commit) };
    return { kind: 'figure', percent, from: context, url: status.targetUrl };
  }
  if (from && sources.checkRuns) {
    if (!sources.checkRuns.ok) return { kind: 'unreadable', problem: sources.checkRuns.problem };
    const runs = checkRunsFrom(sources.checkRuns.value.filter((item) => item.name === from), expected);
    if (runs.kind === 'suspect') return { kind: 'suspect', source: from, writers: runs.writers };
    const run = runs.items[0];
    if (run) {
      if (run.status !== 'completed') return { kind: 'waiting', what: `\`${from}\` is still running on \`${commit}\`` };
      const text = [run.outputTitle, run.outputSummary].filter(Boolean).join('\n');
      const percent = parsePercent(text);
      if (percent === null) return { kind: 'unreadable', problem: noPercentage(from, text, commit) };
      return { kind: 'figure', percent, from, url: run.htmlUrl };
    }
  }
  const notCounted = written.ignored.length > 0 ? ` (\`${context}\` from ${written.ignored.join(', ')} does not count: not the gate or a writer named under \`writers:\`)` : '';
  return {
    kind: 'waiting',
    what: from ? `no status or check run \`${from}\` on \`${commit}\` yet${notCounted}` : `no coverage recorded on \`${commit}\` yet${notCounted}`,
  };
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
