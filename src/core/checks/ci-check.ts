import { matchesAnyGlob } from '../config/patterns.ts';
import type { CheckOf } from '../config/schema.ts';
import type { CheckRunFact, StatusFact } from '../evidence/snapshot.ts';
import { plural } from '../model/phrases.ts';
import type { EvidenceSource } from '../model/evidence-source.ts';
import { code, firstFew, joined, link, rich, type RichText, type Segment } from '../model/rich-text.ts';
import { todo } from '../model/todo.ts';
import { shortSha, source, unknownVerdict, type CheckContext, type CheckKindModule, type CheckVerdict } from './check-kind.ts';
import { checkRunsFrom, checkRunWriter, groupBy, namedWriters, statusesFrom, statusWriter, type Attributed } from './expected-writers.ts';

/** How the latest result of one name stands. */
type CiState = 'pass' | 'pending' | 'fail';

interface CiItem {
  name: string;
  state: CiState;
  url: string | null;
  kind: Extract<EvidenceSource['kind'], 'check run' | 'status'>;
  writer: string | null;
}

/** A name more than one account wrote, when the policy names none of them. */
interface SuspectItem {
  name: string;
  writers: string[];
}

interface CiEvidence {
  items: CiItem[];
  suspect: SuspectItem[];
  /** Writers whose statuses or check runs were not counted, by name. */
  ignored: RichText[];
}

// GitHub's branch protection treats neutral and skipped as passing; the rest of the
// completed conclusions (and any GitHub adds later) mean the run did not pass and needs a person.
const PASSING_CONCLUSIONS = new Set<CheckRunFact['conclusion']>(['success', 'neutral', 'skipped']);

function checkRunState(run: CheckRunFact): CiState {
  if (run.status !== 'completed') return 'pending';
  return PASSING_CONCLUSIONS.has(run.conclusion) ? 'pass' : 'fail';
}

function statusState(status: StatusFact): CiState {
  if (status.state === 'success') return 'pass';
  if (status.state === 'pending') return 'pending';
  return 'fail';
}

/** How one kind of CI result is read: its state, its page, and who wrote it. */
interface ItemReading<T> {
  kind: CiItem['kind'];
  state: (item: T) => CiState;
  url: (item: T) => string | null;
  writer: (item: T) => string | null;
}

const CHECK_RUN: ItemReading<CheckRunFact> = { kind: 'check run', state: checkRunState, url: (run) => run.htmlUrl, writer: checkRunWriter };
const STATUS: ItemReading<StatusFact> = { kind: 'status', state: statusState, url: (status) => status.targetUrl, writer: statusWriter };

/** The gate's own traces never count as CI: its status contexts and its own job. */
function isOwn(name: string, ownContext: string, ownCheckNames: readonly string[]): boolean {
  return name === ownContext || name.startsWith(`${ownContext}/`) || ownCheckNames.includes(name);
}

/** The latest trusted item of one name into `evidence`, or the name as suspect when several accounts wrote it. */
function fromWriter<T>(name: string, attributed: Attributed<T>, reading: ItemReading<T>, evidence: CiEvidence): void {
  if (attributed.kind === 'suspect') {
    evidence.suspect.push({ name, writers: attributed.writers });
    return;
  }
  if (attributed.ignored.length > 0) evidence.ignored.push(rich`${code(name)} from ${attributed.ignored.join(', ')}`);
  const latest = attributed.items[0];
  if (latest !== undefined) evidence.items.push({ name, state: reading.state(latest), url: reading.url(latest), kind: reading.kind, writer: reading.writer(latest) });
}

function ciEvidence(runs: CheckRunFact[], statuses: StatusFact[], context: CheckContext): CiEvidence {
  const { gate } = context.snapshot;
  // Only the gate's job by name: excluding every job of this workflow run would wave
  // through a sibling job that is still running.
  const ownNames = gate.ownCheckNames;
  const evidence: CiEvidence = { items: [], suspect: [], ignored: [] };
  // Earlier runs of the gate on this commit share its job's name and must not count either.
  const foreignRuns = runs.filter((run) => !isOwn(run.name, gate.context, ownNames));
  for (const [name, group] of groupBy(foreignRuns, (run) => run.name)) {
    fromWriter(name, checkRunsFrom(group, namedWriters(context.writers, name)), CHECK_RUN, evidence);
  }
  // Statuses arrive newest first; the latest of the expected writer counts, as on GitHub.
  const foreignStatuses = statuses.filter((status) => !isOwn(status.context, gate.context, ownNames));
  for (const [name, group] of groupBy(foreignStatuses, (status) => status.context)) {
    fromWriter(name, statusesFrom(group, namedWriters(context.writers, name)), STATUS, evidence);
  }
  return evidence;
}

function itemLink(item: CiItem): Segment {
  return item.url ? link(item.name, item.url, { code: true }) : code(item.name);
}

function evaluateCi(check: CheckOf<'ci'>, context: CheckContext): CheckVerdict {
  const runs = source(context.snapshot, 'checkRuns');
  const statuses = source(context.snapshot, 'statuses');
  if (!runs.ok) return unknownVerdict(runs.problem);
  if (!statuses.ok) return unknownVerdict(statuses.problem);

  const { include, exclude } = check.ci;
  const head = code(shortSha(context.snapshot.pullRequest.head.sha));
  const evidence = ciEvidence(runs.value, statuses.value, context);
  const kept = <T extends { name: string }>(list: T[]) => (exclude ? list.filter((item) => !matchesAnyGlob(exclude, item.name)) : list);
  let items = kept(evidence.items);
  let suspect = kept(evidence.suspect);

  const missing: string[] = [];
  if (include) {
    for (const pattern of include) {
      if (![...items, ...suspect].some((item) => matchesAnyGlob([pattern], item.name))) missing.push(pattern);
    }
    items = items.filter((item) => matchesAnyGlob(include, item.name));
    suspect = suspect.filter((item) => matchesAnyGlob(include, item.name));
  }

  const ignored = evidence.ignored.length > 0 ? rich` · not counted: ${joined(evidence.ignored.slice(0, 3), '; ')} (not the expected writer)` : [];
  if (suspect.length > 0) {
    const described = suspect.slice(0, 3).map((item) => rich`${code(item.name)} (written by ${item.writers.join(' and ')})`);
    return {
      outcome: 'fail',
      summary: rich`Suspect: ${joined(described, ', ')}${suspect.length > 3 ? ` and ${suspect.length - 3} more` : ''}: more than one account wrote it`,
      fix: rich`Name who may write ${joined(suspect.map((item) => code(item.name)).slice(0, 3), ', ')} under ${code('writers:')} in readiness.yml; anyone else's results are then ignored.`,
      todos: [todo({ kind: 'maintainers' }, rich`Name under ${code('writers:')} in readiness.yml who may write (anyone else's results are then ignored)`, suspect.map((item) => rich`${code(item.name)}`))],
      blocker: `${plural(suspect.length, 'suspect CI job')} (more than one writer)`,
    };
  }
  const failing = items.filter((item) => item.state === 'fail');
  const pending = items.filter((item) => item.state === 'pending');
  const passed = items.length - failing.length - pending.length;
  const alsoPassed = passed ? ` · ${passed} passed` : '';

  if (failing.length > 0) {
    const listed = firstFew(failing.map(itemLink), 5);
    return {
      outcome: 'fail',
      summary: rich`${failing.length} failing: ${listed}${alsoPassed}${ignored}`,
      fix: rich`Fix or re-run ${listed} on ${head}.`,
      // Every failing job, so that the comment links each once and the status counts them.
      todos: [todo({ kind: 'ci' }, rich`Fix or re-run on ${head}`, failing.map((item) => rich`${itemLink(item)}`))],
      blocker: 'CI failing',
    };
  }
  if (items.length === 0 || missing.length > 0 || pending.length > 0) {
    const waiting = [...missing.map((pattern) => rich`${code(pattern)} (not reported yet)`), ...pending.map(itemLink)];
    return {
      outcome: 'pending',
      summary: items.length === 0 && missing.length === 0 ? rich`No CI results on ${head} yet` : rich`Waiting for ${firstFew(waiting, 5)}${alsoPassed}${ignored}`,
      fix: rich`Wait for CI to finish on the head commit (a run that never starts: check the workflow triggers).`,
      todos: [todo({ kind: 'ci' }, rich`Wait for CI to finish on ${head}`, waiting.map((item) => rich`${item}`))],
      blocker: 'CI',
    };
  }
  const counted = items.map(({ kind, name, url, writer }): EvidenceSource => ({ kind, name, url, writer }));
  return { outcome: 'pass', summary: rich`${passed} passed on ${head}${ignored}`, evidence: counted };
}

export const ciCheck: CheckKindModule<'ci'> = {
  sources: () => ['checkRuns', 'statuses'],
  evaluate: evaluateCi,
};
