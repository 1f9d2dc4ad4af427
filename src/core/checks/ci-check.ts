import { matchesAnyGlob } from '../config/patterns.ts';
import type { CheckConfig } from '../config/schema.ts';
import type { CheckRunFact, StatusFact } from '../evidence/snapshot.ts';
import { firstProblem, shortSha, source, unknownVerdict, type CheckContext, type CheckKindModule, type CheckVerdict } from './check-kind.ts';

type CiState = 'pass' | 'pending' | 'fail';

interface CiItem {
  name: string;
  state: CiState;
  url: string | null;
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

function ciItems(runs: CheckRunFact[], statuses: StatusFact[], context: CheckContext): CiItem[] {
  const { gate } = context.snapshot;
  // Only the gate's job by name: excluding every job of this workflow run would wave
  // through a sibling job that is still running.
  const ownNames = gate.ownCheckNames;
  const items: CiItem[] = [];
  for (const run of runs) {
    // Earlier runs of the gate on this commit share its job's name and must not count either.
    if (isOwn(run.name, gate.context, ownNames)) continue;
    items.push({ name: run.name, state: checkRunState(run), url: run.htmlUrl });
  }
  // Statuses arrive newest first; only the latest per context counts, as on GitHub.
  const seen = new Set<string>();
  for (const status of statuses) {
    if (seen.has(status.context)) continue;
    seen.add(status.context);
    if (isOwn(status.context, gate.context, ownNames)) continue;
    items.push({ name: status.context, state: statusState(status), url: status.targetUrl });
  }
  return items;
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

  const options = check.ci ?? {};
  const head = shortSha(context.snapshot.pullRequest.head.sha);
  let items = ciItems(runs.value, statuses.value, context);
  if (options.exclude) items = items.filter((item) => !matchesAnyGlob(options.exclude!, item.name));

  const missing: string[] = [];
  if (options.include) {
    for (const pattern of options.include) {
      if (!items.some((item) => matchesAnyGlob([pattern], item.name))) missing.push(pattern);
    }
    items = items.filter((item) => matchesAnyGlob(options.include!, item.name));
  }

  const failing = items.filter((item) => item.state === 'fail');
  const pending = items.filter((item) => item.state === 'pending');
  const passed = items.length - failing.length - pending.length;

  if (failing.length > 0) {
    return {
      outcome: 'fail',
      summary: `${failing.length} failing: ${list(failing)}${passed ? ` · ${passed} passed` : ''}`,
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
          : `Waiting for ${waiting.slice(0, 5).join(', ')}${waiting.length > 5 ? ` and ${waiting.length - 5} more` : ''}${passed ? ` · ${passed} passed` : ''}`,
      fix: 'Wait for CI to finish on the head commit (a run that never starts: check the workflow triggers).',
      blocker: `${check.id} pending`,
    };
  }
  return { outcome: 'pass', summary: `${passed} passed on \`${head}\`` };
}

export const ciCheck: CheckKindModule = {
  sources: () => ['checkRuns', 'statuses'],
  evaluate: evaluateCi,
};
