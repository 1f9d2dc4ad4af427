import type { EvidenceProblem, EvidenceSources, PlannedSource, Readable } from '../../core/evidence/snapshot.ts';
import { readable } from './readable.ts';
import { listDependabotAlerts, listCodeScanningAlerts, listSecretScanningAlerts } from './alert-readers.ts';
import { listCheckRuns, listStatuses } from './commit-readers.ts';
import { listChangedFiles, listComments, listReviews, readHeadTree } from './pull-readers.ts';
import type { ReaderContext } from './reader-context.ts';

type Value<K extends PlannedSource> = NonNullable<EvidenceSources[K]> extends Readable<infer T> ? T : never;

interface SourceReader<K extends PlannedSource> {
  what: (context: ReaderContext) => string;
  read: (context: ReaderContext) => Promise<Value<K>>;
  /** A better fix than the generic one, for answers that mean something specific here. */
  explain?: (problem: EvidenceProblem) => EvidenceProblem;
}

const short = (sha: string) => sha.slice(0, 7);

// The GITHUB_TOKEN can never read secret-scanning alerts, whatever the workflow's permissions:
// https://docs.github.com/en/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-a-repository
const secretScanningFix = (problem: EvidenceProblem): EvidenceProblem =>
  problem.httpStatus === 403 || problem.httpStatus === 404
    ? { ...problem, fix: 'The workflow\'s GITHUB_TOKEN cannot read secret-scanning alerts: pass a GitHub App installation token or a fine-grained token with "Secret scanning alerts: read" as the `security-token` input.' }
    : problem;

const dependabotFix = (problem: EvidenceProblem): EvidenceProblem =>
  problem.httpStatus === 403
    ? { ...problem, fix: 'Add `vulnerability-alerts: read` to the workflow\'s `permissions:`, or pass a token with "Dependabot alerts: read" as the `security-token` input (and check that Dependabot alerts are enabled).' }
    : problem;

const codeScanningFix = (problem: EvidenceProblem): EvidenceProblem => {
  if (problem.httpStatus === 403) return { ...problem, fix: 'Add `security-events: read` to the workflow\'s `permissions:`, or pass a token with "Code scanning alerts: read" as the `security-token` input.' };
  if (problem.httpStatus === 404) return { ...problem, fix: 'Set up code scanning (e.g. CodeQL) so that it analyses pull requests, or remove the `code_scanning` check.' };
  return problem;
};

const READERS: { [K in PlannedSource]: SourceReader<K> } = {
  checkRuns: { what: ({ pr }) => `check runs of ${short(pr.head.sha)}`, read: ({ client, repo, pr }) => listCheckRuns(client, repo, pr.head.sha) },
  statuses: { what: ({ pr }) => `commit statuses of ${short(pr.head.sha)}`, read: ({ client, repo, pr }) => listStatuses(client, repo, pr.head.sha) },
  baseCheckRuns: { what: ({ pr }) => `check runs of \`${pr.base.ref}\``, read: ({ client, repo, pr }) => listCheckRuns(client, repo, pr.base.ref) },
  baseStatuses: { what: ({ pr }) => `commit statuses of \`${pr.base.ref}\``, read: ({ client, repo, pr }) => listStatuses(client, repo, pr.base.ref) },
  reviews: { what: () => 'reviews', read: listReviews },
  comments: { what: () => 'comments', read: ({ client, repo, pr }) => listComments(client, repo, pr.number) },
  changedFiles: { what: () => 'changed files', read: listChangedFiles },
  headTree: { what: ({ pr }) => `the files of ${short(pr.head.sha)}`, read: readHeadTree },
  dependabotAlerts: { what: () => 'Dependabot alerts', read: listDependabotAlerts, explain: dependabotFix },
  secretScanningAlerts: { what: () => 'secret-scanning alerts', read: listSecretScanningAlerts, explain: secretScanningFix },
  codeScanningAlerts: { what: ({ pr }) => `code-scanning alerts of #${pr.number}`, read: listCodeScanningAlerts, explain: codeScanningFix },
};

async function readOne<K extends PlannedSource>(context: ReaderContext, name: K): Promise<Readable<Value<K>>> {
  const reader = READERS[name] as SourceReader<K>;
  return readable(reader.what(context), () => reader.read(context), reader.explain);
}

/** Reads exactly the planned sources, each once, in parallel; an unreadable one is recorded, never dropped. */
export async function gatherEvidence(context: ReaderContext, plan: readonly PlannedSource[]): Promise<EvidenceSources> {
  const entries = await Promise.all(plan.map(async (name) => [name, await readOne(context, name)] as const));
  return Object.fromEntries(entries) as EvidenceSources;
}
