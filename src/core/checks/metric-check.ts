import { formatFigure, readNumber } from '../metrics/read-number.ts';
import { metricContext } from '../metrics/recorded-metric.ts';
import type { PlannedSource } from '../evidence/snapshot.ts';
import { code, rich } from '../model/rich-text.ts';
import { todo } from '../model/todo.ts';
import { source, shortSha, unknownVerdict, type CheckContext, type CheckVerdict } from './check-kind.ts';
import { namedWriters } from './expected-writers.ts';
import { figureLink, readFigure } from './figure-evidence.ts';

export interface MetricRule {
  /** What the figure is, e.g. "p95 overhead"; the check's id otherwise. */
  label?: string;
  /** The status context or check run that reports it; absent: recorded by this action in the CI job. */
  from?: string;
  /** A regular expression whose first group is the number (RE2); the first number otherwise. */
  pattern?: string;
  unit?: string;
  min?: number;
  max?: number;
}

export function metricSources(rule: MetricRule): PlannedSource[] {
  return rule.from ? ['statuses', 'checkRuns'] : ['statuses'];
}

function bounds(rule: MetricRule): string {
  const parts = [rule.min === undefined ? '' : `min ${formatFigure(rule.min, rule.unit)}`, rule.max === undefined ? '' : `max ${formatFigure(rule.max, rule.unit)}`].filter(Boolean);
  return parts.join(', ');
}

/**
 * A figure a tool measured on the head commit (a latency, a memory use, a load test's rate),
 * compared with `min` and `max`. It is read from a status or check run the policy names, or from
 * the status this action records in the CI job, and counts only from the writer expected.
 */
export function evaluateMetric(id: string, rule: MetricRule, context: CheckContext): CheckVerdict {
  const { snapshot } = context;
  const head = shortSha(snapshot.pullRequest.head.sha);
  const label = rule.label ?? id;
  const context_ = rule.from ?? metricContext(id);
  const expected = rule.from ? namedWriters(context.writers, rule.from) : [snapshot.gate.identity.login, ...(namedWriters(context.writers, context_) ?? [])];
  const parse = (text: string) => readNumber(text, rule.from ? rule.pattern : undefined);
  const reading = readFigure(rule.from ? { statuses: source(snapshot, 'statuses'), checkRuns: source(snapshot, 'checkRuns') } : { statuses: source(snapshot, 'statuses') }, {
    source: context_,
    commit: head,
    expected,
    fromStatus: parse,
    fromCheckRun: parse,
    problems: {
      failing: (state, description) => ({
        what: `${label} of \`${head}\``,
        message: `\`${context_}\` reports ${state}: ${description || 'no description'}`,
        fix: rule.from ? `Fix \`${rule.from}\` on the head commit.` : 'Fix the `metric-file` step of the CI job (see its log).',
      }),
      noFigure: (text) => ({
        what: `${label} from \`${context_}\` on \`${head}\``,
        message: `it reports no figure${rule.pattern ? ` matching \`${rule.pattern}\`` : ''} (${text ? `"${text.slice(0, 80)}"` : 'empty'})`,
        fix: rule.pattern ? `Make \`${context_}\` report the figure as \`${rule.pattern}\` expects, or change \`pattern\`.` : `Make \`${context_}\` report the figure, or set \`pattern\` to find it.`,
      }),
    },
    nothingYet: rule.from ? `no status or check run \`${rule.from}\` on \`${head}\` yet` : `no ${label} recorded on \`${head}\` yet`,
  });
  if (reading.kind === 'unreadable') return unknownVerdict(reading.problem);
  if (reading.kind === 'suspect') {
    return {
      outcome: 'fail',
      summary: rich`Suspect: ${code(reading.source)} was written by ${reading.writers.join(' and ')}`,
      fix: rich`Name who may write ${code(reading.source)} under ${code('writers:')} in readiness.yml; anyone else's figure is then ignored.`,
      todos: [todo({ kind: 'maintainers' }, rich`Name under ${code('writers:')} in readiness.yml who may write (anyone else's results are then ignored)`, [rich`${code(reading.source)}`])],
      blocker: `suspect ${label} (more than one writer)`,
    };
  }
  if (reading.kind === 'waiting') {
    return {
      outcome: 'pending',
      summary: rich`Waiting for ${label}: ${reading.what}`,
      fix: rule.from ? rich`Wait for ${code(rule.from)} to report on ${code(head)}.` : rich`Run this action with ${code('metric-file:')} and ${code(`metric: ${id}`)} in the CI job that measures it.`,
      todos: [todo({ kind: 'ci' }, rich`Measure ${label} on ${code(head)}`)],
      blocker: label,
    };
  }
  const shown = formatFigure(reading.value, rule.unit);
  const from = figureLink(reading.source);
  const limits = bounds(rule);
  const low = rule.min !== undefined && reading.value < rule.min;
  const high = rule.max !== undefined && reading.value > rule.max;
  if (low || high) {
    const limit = low ? `at least ${formatFigure(rule.min!, rule.unit)}` : `at most ${formatFigure(rule.max!, rule.unit)}`;
    return {
      outcome: 'fail',
      summary: rich`${label} ${shown} (${limits}) from ${from}`,
      fix: rich`Bring ${label} to ${limit} (now ${shown}).`,
      todos: [todo({ kind: 'author' }, rich`Bring ${label} to ${limit} (now ${shown})`)],
      blocker: `${label} ${shown}, ${low ? 'below' : 'above'} ${formatFigure(low ? rule.min! : rule.max!, rule.unit)}`,
    };
  }
  return { outcome: 'pass', summary: rich`${label} ${shown}${limits ? ` (${limits})` : ''} from ${from}`, evidence: [reading.source] };
}
