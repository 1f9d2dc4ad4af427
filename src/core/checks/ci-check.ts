import { matchesAnyGlob } from '../config/patterns.ts';
import type { CheckConfig } from '../config/schema.ts';
import type { CheckRunFact, StatusFact } from '../evidence/snapshot.ts';
import { firstProblem, shortSha, source, unknownVerdict, type CheckContext, type CheckKindModule, type CheckVerdict } from './check-kind.ts';
import { checkRunsFrom, groupBy, namedWriters, statusesFrom, type Attributed } from './expected-writers.ts';

type CiState = 'pass' | 'pending' | 'fail' | 'suspect';

interface CiItem {
  name: string;
  state: CiState;
  url: string | null;
  /** For a suspect item: every account that wrote it. */
  writers?: string[];
}

interface CiEvidence {
  items: CiItem[];
  /** Writers whose statuses or check runs were not counted, by name. */
  ignored: string[];
}

// GitHub's branch protection treats neutral and skipped as passing; the rest of the
// completed conclusions mean the run did not pass and needs a person to act.
const PASSING_CONCLUSIONS = new Set(['success', 'neutral', 'skipped']);

function checkRunState(run: CheckRunFact): CiState {
  if (run.status !== 'completed') return 'pending';
  return run.conclusion !== null && PASSING_CONCLUSIONS.has(run.conclusion) ? 'pass' : 'fail';
}

function statusState(status: StatusFact): CiState {
  if (status.state === 'success') return 'pass';
  if (status.state === 'pending') return 'pending';
  return 'fail';
}

/** The gate's own traces never count as CI: its status contexts and its own job. */
function isOwn(name: string, ownContext: string, ownCheckNames: readonly string[]): boolean {
  return name === ownContext || name.startsWith(`${ownContext}/`) || ownCheckNames.includes(name);
}

/** The latest trusted item of one name, a suspect one when several accounts wrote it, or nothing. */
function fromWriter<T>(name: string, attributed: Attributed<T>, state: (item: T) => CiState, url: (item: T) => string | null, ignored: string[]): CiItem | null {
  if (attributed.kind === 'suspect') return { name, state: 'suspect', url: null, writers: attributed.writers };
  if (attributed.ignored.length > 0) ignored.push(`\`${name}\` from ${attributed.ignored.join(', ')}`);
  const latest = attributed.items[0];
  return latest === undefined ? null : { name, state: state(latest), url: url(latest) };
}

function ciItems(runs: CheckRunFact[], statuses: StatusFact[], context: CheckContext): CiEvidence {
  const { gate } = context.snapshot;
  // Only the gate's job by name: excluding every job of this workflow run would wave
  // through a sibling job that is still running.
  const ownNames = gate.ownCheckNames;
  const items: CiItem[] = [];
  const ignored: string[] = [];
  // Earlier runs of the gate on this commit share its job's name and must not count either.
  const foreignRuns = runs.filter((run) => !isOwn(run.name, gate.context, ownNames));
  for (const [name, group] of groupBy(foreignRuns, (run) => run.name)) {
    const item = fromWriter(name, checkRunsFrom(group, namedWriters(context.writers, name)), checkRunState, (run) => run.htmlUrl, ignored);
    if (item) items.push(item);
  }
  // Statuses arrive newest first; the latest of the expected writer counts, as on GitHub.
  const foreignStatuses = statuses.filter((status) => !isOwn(status.context, gate.context, ownNames));
  for (const [name, group] of groupBy(foreignStatuses, (status) => status.context)) {
    const item = fromWriter(name, statusesFrom(group, namedWriters(context.writers, name)), statusState, (status) => status.targetUrl, ignored);
    if (item) items.push(item);
  }
  return { items, ignored };
}

function link(item: CiItem): string {
  return item.url ? `[\`${item.name}\`](${item.url})` : `\`${item.name}\``;
}

function list(items: CiItem[], limit = 5): string {
  const shown = items.slice(0, limit).map(link).join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

function evaluateCi(check: CheckConfig, context: CheckContext): CheckVerdict {
  const runs = source(context.snapshot, 'checkRuns');
  const statuses = source(context.snapshot, 'statuses');
  const problem = firstProblem(runs, statuses);
  if (problem || !runs.ok || !statuses.ok) return unknownVerdict(problem!);

  const options: Partial<NonNullable<CheckConfig['ci']>> = check.ci ?? {};
  const head = shortSha(context.snapshot.pullRequest.head.sha);
  const evidence = ciItems(runs.value, statuses.value, context);
  let items = evidence.items;
  if (options.exclude) items = items.filter((item) => !matchesAnyGlob(options.exclude!, item.name));

  const missing: string[] = [];
  if (options.include) {
    for (const pattern of options.include) {
      if (!items.some((item) => matchesAnyGlob([pattern], item.name))) missing.push(pattern);
    }
    items = items.filter((item) => matchesAnyGlob(options.include!, item.name));
  }

  const ignored = evidence.ignored.length > 0 ? ` · not counted: ${evidence.ignored.slice(0, 3).join('; ')} (not the expected writer)` : '';
  const suspect = items.filter((item) => item.state === 'suspect');
  if (suspect.length > 0) {
    const described = suspect.slice(0, 3).map((item) => `\`${item.name}\` (written by ${item.writers!.join(' and ')})`);
    return {
      outcome: 'fail',
      summary: `Suspect: ${described.join(', ')}${suspect.length > 3 ? ` and ${suspect.length - 3} more` : ''}: more than one account wrote it`,
      fix: `Name who may write ${suspect.map((item) => `\`${item.name}\``).slice(0, 3).join(', ')} under \`writers:\` in readiness.yml; anyone else's results are then ignored.`,
      blocker: `${check.id} suspect`,
    };
  }
  const failing = items.filter((item) => item.state === 'fail');
  const pending = items.filter((item) => item.state === 'pending');
  const passed = items.length - failing.length - pending.length;

  if (failing.length > 0) {
    return {
      outcome: 'fail',
      summary: `${failing.length} failing: ${list(failing)}${passed ? ` · ${passed} passed` : ''}${ignored}`,
      fix: `Fix or re-run ${list(failing)} on \`${head}\`.`,
      blocker: `${check.id} failing`,
    };
  }
  if (items.length === 0 || missing.length > 0 || pending.length > 0) {
    const waiting = [
      ...missing.map((pattern) => `\`${pattern}\` (not reported yet)`),
      ...pending.map(link),
    ];
    return {
      outcome: 'pending',
      summary:
        items.length === 0 && missing.length === 0
          ? `No CI results on \`${head}\` yet`
          : `Waiting for ${waiting.slice(0, 5).join(', ')}${waiting.length > 5 ? ` and ${waiting.length - 5} more` : ''}${passed ? ` · ${passed} passed` : ''}${ignored}`,
      fix: 'Wait for CI to finish on the head commit (a run that never starts: check the workflow triggers).',
      blocker: `${check.id} pending`,
    };
  }
  return { outcome: 'pass', summary: `${passed} passed on \`${head}\`${ignored}` };
}

export const ciCheck: CheckKindModule = {
  sources: () => ['checkRuns', 'statuses'],
  evaluate: evaluateCi,
};
