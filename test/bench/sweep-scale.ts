// Scheduled runs over many open release PRs, on a fake GitHub that enforces GitHub's documented
// limits: 1,000 requests an hour for the GITHUB_TOKEN, 80 writes a minute and 500 an hour, 100
// requests at once. For each size, the first run (no PR judged yet) and an hourly run after a
// few PRs changed; for 200 PRs, hourly runs until every PR carries a status.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeGitHub, gatePermissions, type FakeGitHub } from '../fake-github/index.ts';
import { POLICY } from '../fixtures/sample-policy.ts';
import { scheduleEvent } from '../support/payloads.ts';
import { runAction } from '../support/run-action.ts';

const REPO = 'acme/rocket';
export const GITHUB_TOKEN_PER_HOUR = 1000;

export interface SweepFigures {
  scenario: string;
  prs: number;
  run: number;
  wallMs: number;
  /** Requests GitHub counted against the token's hour (every answer but 304s and refusals). */
  counted: number;
  notModified: number;
  writes: number;
  judged: number;
  unchanged: number;
  notReached: number;
  /** PRs whose gate status is `error` after the run. */
  errors: number;
  /** PRs with no gate status at all after the run. */
  withoutStatus: number;
  /** The token's hour as the fake counts it after the run. */
  used: number;
  limit: number;
  /** Requests GitHub refused for a spent limit or a secondary limit during the run. */
  refused: number;
  /** Which limits refused them, e.g. "pointsPerMinute ×3". */
  refusedBy: string;
  exitCode: number | null;
}

interface Repo {
  fake: FakeGitHub;
  numbers: number[];
  runnerTemp: string;
}

/** `count` release PRs, each with green CI, two approvals, a comment, and for some a sign-off or two. */
async function repoWithReleasePRs(count: number): Promise<Repo> {
  const fake = await createFakeGitHub({ rateLimits: { 'github-token': GITHUB_TOKEN_PER_HOUR } });
  fake.createRepo(REPO, { defaultBranch: 'main', files: { 'README.md': '# rocket\n' } });
  fake.commit(REPO, 'main', { '.github/readiness.yml': POLICY }, { message: 'Release policy' });
  fake.commit(REPO, 'release/1.4', { VERSION: '1.4\n' }, { message: 'Cut the release branch' });
  for (const login of ['alice', 'bob', 'carol', 'dave', 'erin']) fake.setRepoPermission(REPO, login, 'write');
  const numbers: number[] = [];
  for (let i = 0; i < count; i++) {
    fake.commit(REPO, `release-part-${i}`, { [`src/part-${i}.ts`]: `export const part = ${i};\n` });
    const pr = fake.openPullRequest(REPO, { base: 'release/1.4', head: `release-part-${i}`, title: `Release 1.4.0, part ${i}`, author: 'dave' });
    const head = fake.headSha(REPO, pr);
    for (const name of ['build', 'test']) fake.addCheckRun(REPO, head, { name, status: 'completed', conclusion: 'success' });
    fake.addStatus(REPO, head, { context: 'ci/external', state: 'success', description: 'Passed', creator: 'dave' });
    for (const user of ['alice', 'bob']) fake.addReview(REPO, pr, { user, state: 'APPROVED', body: 'Looks good.' });
    fake.addComment(REPO, pr, { user: 'erin', body: 'Staging looks fine.' });
    if (i % 3 === 0) fake.addComment(REPO, pr, { user: 'carol', body: 'On-call paged.\n\n/signoff sre' });
    if (i % 6 === 0) fake.addComment(REPO, pr, { user: 'alice', body: 'Security reviewed.\n\n/signoff security' });
    numbers.push(pr);
  }
  return { fake, numbers, runnerTemp: await mkdtemp(join(tmpdir(), 'readiness-sweep-')) };
}

/** A share of the PRs changes between two runs: a new comment on some, CI run again on others. */
function changeSome(repo: Repo, share: number): number {
  const every = Math.max(1, Math.round(1 / share));
  let changed = 0;
  repo.numbers.forEach((pr, i) => {
    if (i % every !== 0) return;
    changed++;
    if (i % (2 * every) === 0) repo.fake.addComment(REPO, pr, { user: 'erin', body: `Checked again (${i}).` });
    else repo.fake.addCheckRun(REPO, repo.fake.headSha(REPO, pr), { name: 'e2e', status: 'completed', conclusion: 'success' });
  });
  return changed;
}

async function sweepOnce(repo: Repo, bundle: string, scenario: string, run: number): Promise<SweepFigures> {
  const { fake } = repo;
  // Every job has a GITHUB_TOKEN of its own: GitHub's per-minute limits of one run never carry into the next.
  const token = `ghs_sweep_${scenario.replace(/\W+/g, '_')}_${run}`;
  fake.addToken(token, { actor: 'github-actions[bot]', kind: 'github-token', permissions: gatePermissions });
  const from = fake.requests.length;
  const refusedBefore = fake.rateLimitRejections + fake.secondaryLimitHits.length;
  const hitsBefore = fake.secondaryLimitHits.length;
  const primaryBefore = fake.rateLimitRejections;
  const started = performance.now();
  const result = await runAction({ fake, bundle, token, eventName: 'schedule', payload: scheduleEvent('17 * * * *'), env: { RUNNER_TEMP: repo.runnerTemp }, timeoutMs: 900_000 });
  const wallMs = performance.now() - started;
  const requests = fake.requests.slice(from);
  const log = `${result.stdout}\n${result.stderr}`;
  const line = /(\d+) open PRs: (\d+) judged, (\d+) unchanged(?:, (\d+) not reached)?/.exec(log);
  if (!line) throw new Error(`The ${scenario} run ${run} printed no summary line (exit ${result.exitCode}):\n${log.slice(-4000)}`);
  const states = repo.numbers.map((pr) => fake.statuses(REPO, fake.headSha(REPO, pr)).find((status) => status.context === 'release-readiness')?.state);
  const rate = fake.rateLimit(token);
  return {
    scenario,
    prs: repo.numbers.length,
    run,
    wallMs,
    counted: requests.filter((r) => r.status !== 304 && !(r.status === 403 && /rate limit/i.test(JSON.stringify(r.body ?? '')))).length,
    notModified: requests.filter((r) => r.status === 304).length,
    writes: requests.filter((r) => r.method !== 'GET').length,
    judged: Number(line[2]),
    unchanged: Number(line[3]),
    notReached: Number(line[4] ?? 0),
    errors: states.filter((state) => state === 'error').length,
    withoutStatus: states.filter((state) => state === undefined).length,
    used: rate.used,
    limit: rate.limit,
    refused: fake.rateLimitRejections + fake.secondaryLimitHits.length - refusedBefore,
    refusedBy: refusals(fake.secondaryLimitHits.slice(hitsBefore).map((hit) => hit.reason), fake.rateLimitRejections - primaryBefore),
    exitCode: result.exitCode,
  };
}

function refusals(reasons: string[], primary: number): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  if (primary > 0) counts.set('the hour', primary);
  return [...counts].map(([reason, n]) => `${reason} ×${n}`).join(', ');
}

/** The first run over `count` fresh PRs, then an hour later a run after `share` of them changed. */
export async function sweepScenario(count: number, bundle: string, share = 0.1): Promise<SweepFigures[]> {
  const repo = await repoWithReleasePRs(count);
  try {
    const figures: SweepFigures[] = [];
    // Hourly runs until every PR carries a status (more than one only past the token's hour).
    for (let run = 1; run <= 8; run++) {
      if (run > 1) repo.fake.clock.advance(3600);
      const first = await sweepOnce(repo, bundle, 'first', run);
      figures.push(first);
      if (first.withoutStatus === 0) break;
    }
    repo.fake.clock.advance(3600);
    const changed = changeSome(repo, share);
    figures.push({ ...(await sweepOnce(repo, bundle, `hourly (${changed} changed)`, figures.length + 1)) });
    return figures;
  } finally {
    await repo.fake.close();
    await rm(repo.runnerTemp, { recursive: true, force: true });
  }
}
