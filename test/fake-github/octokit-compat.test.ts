// The action talks to GitHub through Octokit; the fake must understand Octokit's
// requests exactly as sent (encoded paths, pagination via Link, error mapping).
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { createFakeGitHub } from './index.ts';
import type { FakeGitHub } from './index.ts';
import { seedRepo } from './test-helpers.ts';

// Octokit logs every 4xx; the tests provoke some on purpose.
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let fake: FakeGitHub;
let octokit: Octokit;

beforeEach(async () => {
  fake = await createFakeGitHub();
  octokit = new Octokit({ auth: 'ghs_gate', baseUrl: fake.url, log: quiet });
});
afterEach(async () => {
  expectNoViolations(fake);
  await fake.close();
});

it('serves every implemented endpoint to Octokit without a violation', async () => {
  const { repo, number, head } = seedRepo(fake);
  const [owner, name] = repo.split('/') as [string, string];
  const r = { owner, repo: name };
  for (let i = 0; i < 5; i++) fake.addCheckRun(repo, head, { name: `job ${i}`, status: 'completed', conclusion: 'success' });
  fake.addReview(repo, number, { user: 'bob', state: 'APPROVED' });
  fake.addStatus(repo, head, { context: 'ci', state: 'success', creator: 'bob' });

  expect((await octokit.rest.repos.get(r)).data.default_branch).toBe('main');
  expect((await octokit.rest.pulls.get({ ...r, pull_number: number })).data.head.sha).toBe(head);
  expect(await octokit.paginate(octokit.rest.pulls.list, { ...r, state: 'all', per_page: 1 })).toHaveLength(1);
  expect(await octokit.paginate(octokit.rest.pulls.listFiles, { ...r, pull_number: number, per_page: 1 })).toHaveLength(2);
  expect(await octokit.paginate(octokit.rest.pulls.listReviews, { ...r, pull_number: number })).toHaveLength(1);
  expect(await octokit.paginate(octokit.rest.checks.listForRef, { ...r, ref: head, per_page: 2 })).toHaveLength(5);
  expect(await octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, { ...r, ref: 'release/1.2' })).toHaveLength(1);
  expect((await octokit.rest.repos.getCombinedStatusForRef({ ...r, ref: head })).data.state).toBe('success');

  const file = await octokit.rest.repos.getContent({ ...r, path: '.github/readiness.yml', ref: 'main' });
  expect(Buffer.from((file.data as { content: string }).content, 'base64').toString()).toBe('checks:\n  - build\n');
  const raw = await octokit.rest.repos.getContent({ ...r, path: '.github/readiness.yml', mediaType: { format: 'raw' } });
  expect(raw.data).toBe('checks:\n  - build\n');
  await expect(octokit.rest.repos.getContent({ ...r, path: 'missing.yml' })).rejects.toMatchObject({ status: 404 });

  const created = await octokit.rest.issues.createComment({ ...r, issue_number: number, body: 'Readiness' });
  const comment_id = created.data.id;
  await octokit.rest.issues.updateComment({ ...r, comment_id, body: 'Readiness, updated' });
  expect((await octokit.rest.issues.getComment({ ...r, comment_id })).data.body).toBe('Readiness, updated');
  expect(await octokit.paginate(octokit.rest.issues.listComments, { ...r, issue_number: number })).toHaveLength(1);
  expect((await octokit.rest.reactions.createForIssueComment({ ...r, comment_id, content: '+1' })).status).toBe(201);
  expect(await octokit.paginate(octokit.rest.reactions.listForIssueComment, { ...r, comment_id })).toHaveLength(1);
  await octokit.rest.issues.deleteComment({ ...r, comment_id });
  await expect(octokit.rest.issues.deleteComment({ ...r, comment_id })).rejects.toMatchObject({ status: 404 });

  const status = await octokit.rest.repos.createCommitStatus({ ...r, sha: head, state: 'pending', context: 'release-readiness', description: 'Waiting' });
  expect(status.data.creator?.login).toBe('github-actions[bot]');
});

it('surfaces GitHub errors to Octokit as GitHub would', async () => {
  const { repo, head } = seedRepo(fake);
  const [owner, name] = repo.split('/') as [string, string];
  fake.addToken('ghs_read', { actor: 'github-actions[bot]', permissions: { statuses: 'read' } });
  const readOnly = new Octokit({ auth: 'ghs_read', baseUrl: fake.url, log: quiet });
  const error = await readOnly.rest.repos.createCommitStatus({ owner, repo: name, sha: head, state: 'success' }).catch((e: unknown) => e);
  expect(error).toMatchObject({ status: 403, message: expect.stringContaining('Resource not accessible by integration'), response: { headers: { 'x-accepted-github-permissions': 'statuses=write' } } });
});
