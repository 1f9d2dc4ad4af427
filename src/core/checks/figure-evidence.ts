import type { CheckRunFact, EvidenceProblem, Readable, StatusFact } from '../evidence/snapshot.ts';
import type { EvidenceSource } from '../model/evidence-source.ts';
import { code, link, type Segment } from '../model/rich-text.ts';
import { checkRunsFrom, checkRunWriter, statusesFrom, statusWriter } from './expected-writers.ts';

/** The status or check run a figure was read from, and who wrote it. */
export type FigureSource = EvidenceSource & { kind: 'status' | 'check run' };

/** Where a figure came from, for the checklist: its name, linked to its page when it has one. */
export function figureLink(source: FigureSource): Segment {
  return source.url ? link(source.name, source.url, { code: true }) : code(source.name);
}

/** A figure one commit reports (coverage, a latency, a count), or why there is none. */
export type FigureReading =
  /** `source`: the status or check run that gave it, and who wrote it; `text`: what it said. */
  | { kind: 'figure'; value: number; text: string; source: FigureSource }
  /** `what` is worded like an evidence problem (backticks mark code): it may become one. */
  | { kind: 'waiting'; what: string }
  | { kind: 'unreadable'; problem: EvidenceProblem }
  /** More than one account wrote the figure, and the policy names none of them. */
  | { kind: 'suspect'; source: string; writers: string[] };

export interface FigureSources {
  statuses: Readable<StatusFact[]>;
  /** Given when a check run of the source's name may give the figure too. */
  checkRuns?: Readable<CheckRunFact[]>;
}

export interface FigureSpec {
  /** The status context, or check run name, that reports the figure. */
  source: string;
  /** The commit, for people: a short SHA or a branch. */
  commit: string;
  /** Who may write it (null: whoever wrote it, if only one did). */
  expected: readonly string[] | null;
  /** The figure in a status description; null when it holds none. */
  fromStatus: (description: string) => number | null;
  /** The figure in a check run's output (title, summary and text); null when it holds none. */
  fromCheckRun: (output: string) => number | null;
  /** A source that reports something other than success, or no figure: what to fix and how to say so. */
  problems: {
    failing: (state: string, description: string) => EvidenceProblem;
    noFigure: (text: string) => EvidenceProblem;
  };
  /** What to say while nothing was reported yet, past the ignored writers' note. */
  nothingYet: string;
}

/**
 * Reads a commit's figure from a status context, or else a check run of that name, counting
 * only what the expected writer wrote. Statuses are listed newest first: the first in the
 * context is the current one.
 */
export function readFigure(sources: FigureSources, spec: FigureSpec): FigureReading {
  const { source, commit } = spec;
  if (!sources.statuses.ok) return { kind: 'unreadable', problem: sources.statuses.problem };
  const written = statusesFrom(sources.statuses.value.filter((item) => item.context === source), spec.expected);
  if (written.kind === 'suspect') return { kind: 'suspect', source, writers: written.writers };
  const status = written.items[0];
  if (status) {
    if (status.state === 'pending') return { kind: 'waiting', what: `\`${source}\` is still running on \`${commit}\`` };
    const description = status.description ?? '';
    // A run that could not measure (or a tool that failed) gives no figure.
    if (status.state !== 'success') return { kind: 'unreadable', problem: spec.problems.failing(status.state, description) };
    const value = spec.fromStatus(description);
    if (value === null) return { kind: 'unreadable', problem: spec.problems.noFigure(description) };
    return { kind: 'figure', value, text: description, source: { kind: 'status', name: source, url: status.targetUrl, writer: statusWriter(status) } };
  }
  if (sources.checkRuns) {
    if (!sources.checkRuns.ok) return { kind: 'unreadable', problem: sources.checkRuns.problem };
    const runs = checkRunsFrom(sources.checkRuns.value.filter((item) => item.name === source), spec.expected);
    if (runs.kind === 'suspect') return { kind: 'suspect', source, writers: runs.writers };
    const run = runs.items[0];
    if (run) {
      if (run.status !== 'completed') return { kind: 'waiting', what: `\`${source}\` is still running on \`${commit}\`` };
      const text = [run.outputTitle, run.outputSummary].filter(Boolean).join('\n');
      const value = spec.fromCheckRun(text);
      if (value === null) return { kind: 'unreadable', problem: spec.problems.noFigure(text) };
      return { kind: 'figure', value, text, source: { kind: 'check run', name: source, url: run.htmlUrl, writer: checkRunWriter(run) } };
    }
  }
  const notCounted = written.ignored.length > 0 ? ` (\`${source}\` from ${written.ignored.join(', ')} does not count: not the gate or a writer named under \`writers:\`)` : '';
  return { kind: 'waiting', what: `${spec.nothingYet}${notCounted}` };
}
