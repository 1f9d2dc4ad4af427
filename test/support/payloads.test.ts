// Every payload helper: key fields follow the fake's state, and the whole
// payload matches GitHub's webhook schema from the OpenAPI description.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeGitHub } from '../fake-github/index.ts';
import type { FakeGitHub } from '../fake-github/index.ts';
import { validateWebhook } from '../fake-github/schema.ts';
import {
  checkRunCompletedEvent,
  checkSuiteCompletedEvent,
  issueCommentEvent,
  mergeGroupEvent,
  pullRequestEvent,
  pullRequestReviewEvent,
  pullRequestTargetEvent,
  scheduleEvent,
  statusEvent,
  workflowDispatchEvent,
  workflowRunCompletedEvent,
} from './payloads.ts';

type Obj = Record<string, unknown>;
const repo = 'acme/rocket';
let fake: FakeGitHub;
let number: number;
let head: string;

beforeAll(async () => {
  fake = await createFakeGitHub();
  fake.createRepo(repo, { files: { 'src/app.ts': 'export const a = 1;\n' } });
  fake.commit(repo, 'release/1.2', { 'src/app.ts': 'export const a = 2;\n' });
  number = fake.openPullRequest(repo, { base: 'main', head: 'release/1.2', title: 'Release 1.2', author: 'alice', labels: ['release'] });
  head = fake.pushToPullRequest(repo, number, { 'CHANGELOG.md': '# 1.2\n' });
});
afterAll(async () => {
  await fake.close();
});

function expectValid(name: string, payload: unknown): Obj {
  expect(validateWebhook(name, payload)).toEqual([]);
  const p = payload as Obj;
  expect(p.repository).toMatchObject({ full_name: repo, name: 'rocket', owner: { login: 'acme' }, default_branch: 'main' });
  expect(p.organization).toMatchObject({ login: 'acme' });
  expect(p).not.toHaveProperty('installation');
  return p;
}

describe('pull_request and pull_request_target', () => {
  it.each(['opened', 'synchronize', 'reopened', 'edited', 'labeled', 'ready_for_review'] as const)('%s', (action) => {
    const p = expectValid(`pull-request-${action.replace(/_/g, '-')}`, pullRequestEvent(fake, repo, number, action, action === 'edited' ? { changes: { title: { from: 'Release 1.1' } } } : {}));
    expect(p).toMatchObject({ action, number, sender: { login: 'alice' } });
    expect(p.pull_request).toMatchObject({ number, title: 'Release 1.2', user: { login: 'alice' }, head: { sha: head, ref: 'release/1.2' }, base: { ref: 'main', sha: fake.branchSha(repo, 'main') }, labels: [{ name: 'release' }] });
    if (action === 'synchronize') expect(p).toMatchObject({ after: head, before: expect.stringMatching(/^[0-9a-f]{40}$/) });
    if (action === 'labeled') expect(p.label).toMatchObject({ name: 'release' });
    if (action === 'edited') expect(p.changes).toEqual({ title: { from: 'Release 1.1' } });
  });

  it('pull_request_target carries the same payload', () => {
    expect(pullRequestTargetEvent(fake, repo, number, 'opened')).toEqual(pullRequestEvent(fake, repo, number, 'opened'));
  });
});

describe('pull_request_review', () => {
  it('submitted and dismissed, with lower-case webhook states', () => {
    const id = fake.addReview(repo, number, { user: 'bob', state: 'APPROVED' });
    const submitted = expectValid('pull-request-review-submitted', pullRequestReviewEvent(fake, repo, number, id, 'submitted'));
    expect(submitted).toMatchObject({ action: 'submitted', sender: { login: 'bob' }, review: { id, state: 'approved', commit_id: head, user: { login: 'bob' } }, pull_request: { number } });
    fake.dismissReview(id);
    const dismissed = expectValid('pull-request-review-dismissed', pullRequestReviewEvent(fake, repo, number, id, 'dismissed', { sender: 'carol' }));
    expect(dismissed).toMatchObject({ action: 'dismissed', sender: { login: 'carol' }, review: { id, state: 'dismissed' } });
  });
});

describe('issue_comment on a pull request', () => {
  it('created, edited (with changes.body.from) and deleted', () => {
    const comment = fake.addComment(repo, number, { user: 'carol', body: '/signoff qa' });
    const created = expectValid('issue-comment-created', issueCommentEvent(fake, comment.id, 'created'));
    expect(created).toMatchObject({ action: 'created', sender: { login: 'carol' }, comment: { id: comment.id, body: '/signoff qa', user: { login: 'carol' } }, issue: { number, pull_request: { url: `${fake.url}/repos/${repo}/pulls/${number}` } } });
    fake.editComment(comment.id, '/signoff qa security', { by: 'dave' });
    const edited = expectValid('issue-comment-edited', issueCommentEvent(fake, comment.id, 'edited'));
    expect(edited).toMatchObject({ sender: { login: 'dave' }, changes: { body: { from: '/signoff qa' } }, comment: { body: '/signoff qa security', user: { login: 'carol' } } });
    fake.deleteComment(comment.id);
    const deleted = expectValid('issue-comment-deleted', issueCommentEvent(fake, comment.id, 'deleted'));
    expect(deleted).toMatchObject({ action: 'deleted', comment: { id: comment.id } });
  });
});

describe('CI results', () => {
  it('check_suite and check_run completed', () => {
    const run = fake.addCheckRun(repo, head, { name: 'build', status: 'completed', conclusion: 'failure' });
    const suite = expectValid('check-suite-completed', checkSuiteCompletedEvent(fake, repo, head));
    expect(suite.check_suite).toMatchObject({ head_sha: head, head_branch: 'release/1.2', conclusion: 'failure', app: { slug: 'github-actions' }, pull_requests: [{ number }] });
    const checkRun = expectValid('check-run-completed', checkRunCompletedEvent(fake, run));
    expect(checkRun.check_run).toMatchObject({ id: run, name: 'build', conclusion: 'failure', head_sha: head, check_suite: { head_sha: head } });
  });

  it('workflow_run completed; fork pull requests are not listed', () => {
    const p = expectValid('workflow-run-completed', workflowRunCompletedEvent(fake, repo, { headSha: head, name: 'CI', conclusion: 'success' }));
    expect(p.workflow_run).toMatchObject({ name: 'CI', head_sha: head, head_branch: 'release/1.2', event: 'pull_request', status: 'completed', conclusion: 'success', pull_requests: [{ number }] });
    fake.forkRepo(repo, 'mallory');
    const forkSha = fake.commit('mallory/rocket', 'evil', { 'src/app.ts': 'pwned\n' });
    fake.openPullRequest(repo, { base: 'main', head: 'evil', headRepo: 'mallory/rocket', title: 'Innocent', author: 'mallory' });
    const fromFork = workflowRunCompletedEvent(fake, repo, { headSha: forkSha, headRepo: 'mallory/rocket' }) as unknown as Obj;
    expect(fromFork.workflow_run).toMatchObject({ pull_requests: [], head_repository: { full_name: 'mallory/rocket' } });
  });

  it('status', () => {
    const status = fake.addStatus(repo, head, { context: 'ci/lint', state: 'success', description: 'Lint passed', creator: 'bob' });
    const p = expectValid('status', statusEvent(fake, status.id));
    expect(p).toMatchObject({ id: status.id, sha: head, context: 'ci/lint', state: 'success', sender: { login: 'bob' }, branches: [{ name: 'release/1.2' }], commit: { sha: head } });
  });
});

describe('merge_group', () => {
  it('checks_requested and destroyed, for a group the fake built', () => {
    const second = fake.openPullRequest(repo, { base: 'main', head: 'docs/guide', title: 'Guide', author: 'bob' });
    fake.pushToPullRequest(repo, second, { 'docs/guide.md': '# Guide\n' });
    const group = fake.createMergeGroup(repo, 'main', [number, second]);
    const main = fake.branchSha(repo, 'main');
    const requested = expectValid('merge-group-checks-requested', mergeGroupEvent(fake, repo, group));
    expect(requested).toMatchObject({
      action: 'checks_requested',
      sender: { login: 'github-merge-queue[bot]', type: 'Bot' },
      merge_group: {
        head_sha: group.headSha,
        head_ref: `refs/heads/gh-readonly-queue/main/pr-${second}-${main}`,
        base_sha: main,
        base_ref: 'refs/heads/main',
        head_commit: { id: group.headSha, tree_id: fake.treeSha(group.headSha), message: `Merge pull request #${second} from acme/docs/guide\n\nGuide`, author: { name: 'bob' }, committer: { name: 'GitHub', email: 'noreply@github.com' } },
      },
    });
    expect(requested).not.toHaveProperty('reason');
    const destroyed = expectValid('merge-group-destroyed', mergeGroupEvent(fake, repo, group, 'destroyed', { reason: 'dequeued' }));
    expect(destroyed).toMatchObject({ action: 'destroyed', reason: 'dequeued', merge_group: { head_sha: group.headSha } });
    expect(mergeGroupEvent(fake, repo, group, 'destroyed')).toMatchObject({ reason: 'merged' });
  });
});

describe('triggers without a pull request', () => {
  it('workflow_dispatch with inputs.pr', () => {
    const p = expectValid('workflow-dispatch', workflowDispatchEvent(fake, repo, { inputs: { pr: String(number) } }));
    expect(p).toMatchObject({ inputs: { pr: String(number) }, ref: 'refs/heads/main', sender: { login: 'alice' } });
  });

  it('schedule', () => {
    expect(scheduleEvent('0 * * * *')).toEqual({ schedule: '0 * * * *' });
  });
});
