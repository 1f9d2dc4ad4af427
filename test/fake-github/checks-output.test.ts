// What tools report on commits: a check run's output (a coverage tool puts
// "Coverage 84.2%" there), and statuses on any commit, the base branch's too.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { createFakeGitHub } from './index.ts';
import type { FakeGitHub } from './index.ts';
import { octokitFor, seedRepo } from './test-helpers.ts';

let fake: FakeGitHub;
const r = { owner: 'acme', repo: 'rocket' };

beforeEach(async () => {
  fake = await createFakeGitHub();
});
afterEach(async () => {
  expectNoViolations(fake);
  await fake.close();
});

it('serves a check run’s output, and an update changes only the fields given', async () => {
  const { repo, head } = seedRepo(fake);
  const id = fake.addCheckRun(repo, head, {
    name: 'coverage',
    status: 'completed',
    conclusion: 'success',
    appSlug: 'codecov',
    output: { title: 'Coverage 84.2%', summary: 'Lines: 84.2% (target 80%)', annotationsCount: 2 },
  });
  const octokit = octokitFor(fake);
  const [run] = (await octokit.rest.checks.listForRef({ ...r, ref: head, check_name: 'coverage' })).data.check_runs;
  expect(run?.output).toEqual({
    title: 'Coverage 84.2%',
    summary: 'Lines: 84.2% (target 80%)',
    text: null,
    annotations_count: 2,
    annotations_url: `${fake.url}/repos/${repo}/check-runs/${id}/annotations`,
  });

  fake.updateCheckRun(id, { output: { summary: 'Lines: 85.0% (target 80%)', text: 'src/app.ts 100%' } });
  const [updated] = (await octokit.rest.checks.listForRef({ ...r, ref: head })).data.check_runs;
  expect(updated?.output).toMatchObject({ title: 'Coverage 84.2%', summary: 'Lines: 85.0% (target 80%)', text: 'src/app.ts 100%', annotations_count: 2 });
  expect(fake.checkRuns(repo, head)[0]?.output.summary).toBe('Lines: 85.0% (target 80%)');
});

it('lists statuses posted on the base branch’s head, by branch name or SHA', async () => {
  const { repo, head } = seedRepo(fake);
  const base = fake.branchSha(repo, 'main');
  fake.addStatus(repo, base, { context: 'deploy/staging', state: 'success', creator: 'bob', description: 'Deployed' });
  const octokit = octokitFor(fake);
  await octokit.rest.repos.createCommitStatus({ ...r, sha: base, state: 'success', context: 'smoke-tests' });

  for (const ref of ['main', base]) {
    const statuses = await octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, { ...r, ref });
    expect(statuses.map((s) => [s.context, s.state, s.creator?.login])).toEqual([
      ['smoke-tests', 'success', 'github-actions[bot]'],
      ['deploy/staging', 'success', 'bob'],
    ]);
  }
  expect((await octokit.rest.repos.getCombinedStatusForRef({ ...r, ref: 'main' })).data).toMatchObject({ state: 'success', total_count: 2, sha: base });
  // The pull request's head is a different commit: none of these are on it.
  expect(fake.statuses(repo, head)).toEqual([]);
});
