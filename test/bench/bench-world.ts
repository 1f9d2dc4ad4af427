// The two release PRs `npm run bench` measures, built through the fake GitHub's world API,
// and the fewest requests one evaluation of each could make, computed from the fake's
// state alone (never from what the action did).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeGitHub, type FakeGitHub, type RequestLogEntry } from '../fake-github/index.ts';
import { matchOperation } from '../fake-github/openapi.ts';
import { POLICY } from '../fixtures/sample-policy.ts';
import { pullRequestTargetEvent } from '../support/payloads.ts';
import { runAction, type ActionResult } from '../support/run-action.ts';

export const REPO = 'acme/rocket';
const BASE = 'release/1.4';
const HEAD = 'prepare-1.4';

/** GitHub's largest page, which every list the gate reads asks for. */
export const PAGE = 100;
/** GitHub lists at most this many files of a pull request. */
export const MAX_LISTED_FILES = 3000;

export interface WorldSize {
  comments: number;
  checkRuns: number;
  reviews: number;
  changedFiles: number;
  statuses: number;
}

/** The two PRs the bench measures (and test/e2e/request-counts.test.ts holds to the minimum). */
export const TYPICAL: WorldSize = { comments: 4, checkRuns: 4, reviews: 3, changedFiles: 5, statuses: 2 };
export const HUGE: WorldSize = { comments: 5000, checkRuns: 1000, reviews: 300, changedFiles: 3000, statuses: 20 };
// The sample policy needs check runs, statuses, reviews and comments; changed files are
// always read, and this check needs them too.
export const HUGE_POLICY = `${POLICY}  - id: changelog
    name: Changelog updated
    files: { changed: ["CHANGELOG.md"] }
`;

export interface ActionRun {
  result: ActionResult;
  /** The requests the fake received during the run, in order. */
  requests: RequestLogEntry[];
  /** From runAction's call to the process's exit (runAction's temp files included: a few ms). */
  wallMs: number;
}

export interface BenchWorld {
  name: string;
  fake: FakeGitHub;
  pr: number;
  head: string;
  /** Where the head branch left the default branch: the merge base of the PR. */
  mergeBase: string;
  /** RUNNER_TEMP of every run: the evidence snapshots land in its release-readiness/. */
  runnerTemp: string;
  /** The readiness.yml on the default branch. */
  policy: string;
  run: (action: 'opened' | 'edited') => Promise<ActionRun>;
}

export interface BuildOptions {
  name: string;
  policy: string;
  size: WorldSize;
  bundle: string;
}

const proseLines = [
  'I went through the migration and the rollback path; both look fine to me.',
  'The new retry logic in the client matches what we agreed on in the design doc.',
  'Can we double-check the feature flag default before this ships? See [the flag](https://example.com/flags/rocket).',
  'Ran the staging smoke tests again: **all green**, latency unchanged.',
  'Nit: the changelog entry could mention the `--dry-run` option.',
];

function commentBody(i: number): string {
  const prose = proseLines[i % proseLines.length]!;
  switch (i % 20) {
    case 0:
      // A pasted log in a fence.
      return `${prose}\n\n\`\`\`\n${Array.from({ length: 30 }, (_, k) => `2026-11-21T09:${String(k).padStart(2, '0')}:00Z INFO worker-${k % 4} job ${i}-${k} ok`).join('\n')}\n\`\`\``;
    case 7:
      // Quoting an earlier comment, command included: it does not count.
      return `> ${proseLines[(i + 1) % proseLines.length]}\n> /signoff security\n\nAgreed, thanks for checking.`;
    case 13:
      return `${prose}\n\n- [x] staging deployed\n- [x] dashboards checked\n- [ ] release notes published\n\n<details><summary>numbers</summary>\n\np50 41 ms, p99 180 ms\n</details>`;
    default:
      return `${prose} (${i})`;
  }
}

/**
 * A repository with the policy on the release branch and a release PR into it holding
 * `size` of everything; the gate has not run yet.
 */
export async function buildWorld(options: BuildOptions): Promise<BenchWorld> {
  const { size } = options;
  // One run at a time is measured here, many in a row: GitHub Enterprise Cloud's GITHUB_TOKEN
  // budget (15,000 requests an hour), and no secondary limits, which runs minutes apart never
  // meet. Section 8 measures runs against GitHub's limits as they are.
  const fake = await createFakeGitHub({ rateLimits: { 'github-token': 15_000 }, secondaryLimits: false });
  fake.createRepo(REPO, { defaultBranch: 'main', files: { 'README.md': '# rocket\n', 'src/app.ts': 'export const version = "1.3";\n' } });
  const mergeBase = fake.branchSha(REPO, 'main');
  fake.commit(REPO, 'main', { '.github/readiness.yml': options.policy }, { message: 'Release policy' });
  fake.commit(REPO, BASE, { VERSION: '1.4\n' }, { message: 'Cut the release branch' });

  // The PR's changes: CHANGELOG.md, src/app.ts, then new files up to the size.
  const files: Record<string, string> = { 'CHANGELOG.md': '## 1.4.0\n\n- Faster launches.\n', 'src/app.ts': 'export const version = "1.4";\n' };
  for (let i = 0; Object.keys(files).length < size.changedFiles; i++) files[`src/module-${String(Math.floor(i / 100)).padStart(2, '0')}/part-${i}.ts`] = `export const part${i} = ${i};\n`;
  fake.commit(REPO, HEAD, files, { message: 'Prepare 1.4.0' });
  const pr = fake.openPullRequest(REPO, { base: BASE, head: HEAD, title: 'Release 1.4.0', author: 'dave', body: 'Release 1.4.0 of rocket.' });
  const head = fake.headSha(REPO, pr);

  // CI: distinct names, so that each is the latest of its name (filter=latest lists them all).
  for (let i = 0; i < size.checkRuns; i++) {
    const kind = ['build', 'test', 'lint', 'e2e'][i % 4]!;
    const conclusion = i % 50 === 49 ? 'skipped' : i % 97 === 96 ? 'neutral' : 'success';
    fake.addCheckRun(REPO, head, { name: `${kind} (shard ${i})`, status: 'completed', conclusion, output: { title: `${kind} passed`, summary: `${kind} shard ${i}: ok` } });
  }
  // Statuses: each context reports pending, then success.
  for (let i = 0; i < size.statuses; i++) {
    fake.addStatus(REPO, head, { context: `ci/external-${Math.floor(i / 2)}`, state: i % 2 === 0 ? 'pending' : 'success', description: i % 2 === 0 ? 'Running' : 'Passed', creator: 'dave' });
  }

  // Reviewers: alice and bob (the README's people), then as many others as needed.
  const reviewers = size.reviews <= 3 ? ['alice', 'bob', 'erin'] : Array.from({ length: Math.ceil(size.reviews / 3) }, (_, i) => `reviewer-${i}`);
  for (const login of reviewers) if (!['alice', 'bob', 'erin'].includes(login)) fake.addUser(login);
  // Reviews count only from people who can write to the repository.
  for (const login of new Set(['alice', 'bob', 'carol', ...reviewers])) fake.setRepoPermission(REPO, login, 'write');
  for (let i = 0; i < size.reviews; i++) {
    const login = reviewers[i % reviewers.length]!;
    const round = Math.floor(i / reviewers.length);
    const last = i + reviewers.length >= size.reviews;
    const state = last ? (login === 'erin' ? 'COMMENTED' : 'APPROVED') : round === 1 && i % 5 === 0 ? 'CHANGES_REQUESTED' : 'COMMENTED';
    fake.addReview(REPO, pr, { user: login, state, body: state === 'APPROVED' ? 'Looks good.' : 'A few questions inline.' });
  }

  const talkers = ['erin', 'dave', ...reviewers.filter((login) => !['alice', 'bob', 'carol'].includes(login))];
  for (let i = 0; i < size.comments; i++) fake.addComment(REPO, pr, { user: talkers[i % talkers.length]!, body: commentBody(i) });

  const runnerTemp = await mkdtemp(join(tmpdir(), `readiness-bench-${options.name}-`));
  const run = async (action: 'opened' | 'edited'): Promise<ActionRun> => {
    const from = fake.requests.length;
    const payload = pullRequestTargetEvent(fake, REPO, pr, action);
    const started = performance.now();
    const result = await runAction({ fake, bundle: options.bundle, eventName: 'pull_request_target', payload, env: { RUNNER_TEMP: runnerTemp }, timeoutMs: 90_000 });
    const wallMs = performance.now() - started;
    // A gate that could not evaluate fails its job (exit 1) after publishing `error`: a
    // result to measure like any other. Anything else means the run itself broke.
    const completed = result.exitCode === 0 || (result.exitCode === 1 && result.outputs['state'] === 'error');
    if (!completed || result.timedOut) {
      throw new Error(`The action failed on the ${options.name} PR (${action}): exit ${result.exitCode}${result.timedOut ? ', timed out' : ''}\n${result.stdout}\n${result.stderr}`);
    }
    return { result, requests: fake.requests.slice(from), wallMs };
  };
  return { name: options.name, fake, pr, head, mergeBase, runnerTemp, policy: options.policy, run };
}

/** The gate's latest status on the head: what the PR shows. */
export function gateStatus(world: BenchWorld): { state: string; description: string } {
  const status = world.fake.statuses(REPO, world.head).find((s) => s.context === 'release-readiness');
  return { state: status?.state ?? '(none)', description: status?.description ?? '' };
}

/** The sign-offs of the README's example, given after the gate first saw the head. */
export function signOff(world: BenchWorld): void {
  world.fake.addComment(REPO, world.pr, { user: 'carol', body: 'On-call paged for the rollout.\n\n/signoff sre' });
  world.fake.addComment(REPO, world.pr, { user: 'alice', body: 'Auth changes reviewed.\n\n/signoff security' });
}

/** `METHOD /template` of a request, as GitHub's OpenAPI description names its path. */
export function endpointOf(method: string, path: string): string {
  return `${method} ${matchOperation(method, path)?.template ?? path}`;
}

export interface MinimumRow {
  source: string;
  endpoint: string;
  /** Items the source holds (files: as GitHub lists them, at most 3,000). */
  items: number | null;
  requests: number;
}

const pages = (items: number) => Math.max(1, Math.ceil(items / PAGE));

/** The files the PR changes, from the fake's commits: head against the merge base. */
function changedFileCount(world: BenchWorld): number {
  const before = world.fake.store.commit(world.mergeBase).files;
  const after = world.fake.store.commit(world.head).files;
  let changed = 0;
  for (const [path, text] of after) if (before.get(path) !== text) changed++;
  for (const path of before.keys()) if (!after.has(path)) changed++;
  return changed;
}

/**
 * One request per data source per page for what evaluating the sample policy needs, and
 * no writes: every measured run follows one that already published this very answer, and
 * nothing changed in between.
 */
export function minimumRequests(world: BenchWorld): MinimumRow[] {
  const { fake, pr, head } = world;
  const base = `/repos/${REPO}`;
  // filter=latest: one run per name and app.
  const latestRuns = new Set(fake.checkRuns(REPO, head).map((run) => `${run.app?.slug ?? ''}\u0000${run.name}`)).size;
  const files = Math.min(changedFileCount(world), MAX_LISTED_FILES);
  const rows: [string, string, number | null][] = [
    ['pull request', `${base}/pulls/${pr}`, null],
    ['policy file', `${base}/contents/.github%2Freadiness.yml`, null],
    ['comments', `${base}/issues/${pr}/comments`, fake.comments(REPO, pr).length],
    ['statuses', `${base}/commits/${head}/statuses`, fake.statuses(REPO, head).length],
    ['check runs', `${base}/commits/${head}/check-runs`, latestRuns],
    ['reviews', `${base}/pulls/${pr}/reviews`, fake.reviews(REPO, pr).length],
  ];
  // Changed files only when an item depends on paths (the PR targets a release branch, not the
  // default branch the policy is read from, so it cannot change the policy in force).
  if (/\b(?:changed|paths):/.test(world.policy)) rows.push(['changed files', `${base}/pulls/${pr}/files`, files]);
  // A command binds to a commit through GitHub's record of pushes, and nobody who shaped the
  // head may sign: both are read, a page at a time, once a comment holds a command.
  if (fake.comments(REPO, pr).some((comment) => /^\/(?:signoff|waive)\b/m.test(comment.body ?? ''))) {
    const pull = fake.pullRequest(REPO, pr);
    const moves = fake.activity(REPO).filter((move) => move.ref === `refs/heads/${pull.head.ref}`).length;
    rows.push(['record of pushes', `${base}/activity`, moves]);
    rows.push(['commits (their authors)', `${base}/compare/${pull.base.sha}...${head}`, pull.commits]);
  }
  const minimum = rows.map(([source, path, items]) => ({ source, endpoint: endpointOf('GET', path), items, requests: items === null ? 1 : pages(items) }));
  // Reviews count only from people who can write: one permission per reviewer whose latest
  // review approves or requests changes (GitHub answers it for one person at a time).
  const author = fake.pullRequest(REPO, pr).user?.login;
  const latest = new Map<string, string>();
  for (const review of [...fake.reviews(REPO, pr)].sort((a, b) => (a.submitted_at ?? '').localeCompare(b.submitted_at ?? '') || a.id - b.id)) {
    if (review.user && review.user.login !== author && ['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state)) latest.set(review.user.login, review.state);
  }
  // A success is set only once the other open PRs with the same head are known (one answer per commit).
  const settled = fake.statuses(REPO, head).find((status) => status.context === 'release-readiness');
  if (settled?.state === 'success') minimum.push({ source: 'open PRs sharing the head', endpoint: endpointOf('GET', `${base}/commits/${head}/pulls`), items: null, requests: 1 });
  const judged = [...latest.values()].filter((state) => state !== 'DISMISSED').length;
  if (judged > 0) minimum.push({ source: 'reviewers’ permissions (one each)', endpoint: endpointOf('GET', `${base}/collaborators/someone/permission`), items: judged, requests: judged });
  // Past GitHub's 3,000-file cap the file list cannot say whether readiness.yml changed:
  // the head's copy of it is one more source the gate must read — for a PR into the branch
  // the policy is read from (the default branch); the bench's PR targets a release branch.
  if ((BASE as string) === 'main' && changedFileCount(world) >= MAX_LISTED_FILES) {
    const policy = minimum.find((row) => row.source === 'policy file')!;
    policy.source = 'policy file (base, and head past 3,000 files)';
    policy.requests = 2;
  }
  return minimum;
}
