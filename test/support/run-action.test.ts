// runAction against a stand-in bundle: the clean runner environment, inputs,
// the event file, outputs in heredoc format, and the timeout.
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeGitHub } from '../fake-github/index.ts';
import type { FakeGitHub } from '../fake-github/index.ts';
import { expectNoViolations } from './expect-no-violations.ts';
import { mergeGroupEvent, pullRequestEvent } from './payloads.ts';
import { parseOutputFile, runAction } from './run-action.ts';
import { runnerRef } from './runner-context.ts';

const probe = fileURLToPath(new URL('./fixtures/probe-action.mjs', import.meta.url));
let fake: FakeGitHub;

beforeEach(async () => {
  fake = await createFakeGitHub();
  fake.createRepo('acme/rocket');
  fake.openPullRequest('acme/rocket', { base: 'main', head: 'release/1.2', title: 'Release 1.2', author: 'alice' });
});
afterEach(async () => {
  expectNoViolations(fake);
  await fake.close();
});

describe('runAction', () => {
  it('runs the bundle like a runner, with a clean environment and inputs', async () => {
    process.env.LEAKED_SECRET = 'must not reach the action';
    try {
      const result = await runAction({ fake, bundle: probe, eventName: 'pull_request', payload: pullRequestEvent(fake, 'acme/rocket', 1, 'opened'), inputs: { mode: 'report', 'exit-code': '3' } });
      expect(result).toMatchObject({ exitCode: 3, timedOut: false, stdout: 'config=.github/readiness.yml\n', stderr: 'to stderr\n', summary: '## Probe\n' });
      expect(result.outputs).toMatchObject({ status: '200', title: 'Release 1.2', multiline: 'line one\nline two' });
      const env = (result.outputs.env ?? '').split(',');
      expect(env).toEqual(expect.arrayContaining(['GITHUB_API_URL', 'GITHUB_EVENT_PATH', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'INPUT_GITHUB-TOKEN', 'INPUT_CONFIG', 'INPUT_MODE', 'INPUT_EXIT-CODE', 'RUNNER_TEMP', 'GITHUB_JOB']));
      expect(env).not.toContain('LEAKED_SECRET');
      expect(env).not.toContain('RUNNER_DEBUG');
      expect(fake.requests).toEqual([expect.objectContaining({ method: 'GET', path: '/repos/acme/rocket/pulls/1', status: 200 })]);
    } finally {
      delete process.env.LEAKED_SECRET;
    }
  });

  it('passes the token to use', async () => {
    const result = await runAction({ fake, bundle: probe, eventName: 'pull_request', payload: pullRequestEvent(fake, 'acme/rocket', 1, 'opened'), token: 'ghs_nobody' });
    expect(result.outputs.status).toBe('401');
  });

  it('kills an action that hangs', async () => {
    const result = await runAction({ fake, bundle: probe, eventName: 'schedule', payload: { schedule: '* * * * *' }, inputs: { mode: 'hang' }, timeoutMs: 500 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL' });
  });
});

describe('runnerRef', () => {
  it('sets GITHUB_SHA/GITHUB_REF per event as the runner does', () => {
    const pr = pullRequestEvent(fake, 'acme/rocket', 1, 'opened');
    const main = fake.branchSha('acme/rocket', 'main');
    expect(runnerRef(fake, 'acme/rocket', 'pull_request_target', pr)).toEqual({ sha: main, ref: 'refs/heads/main', headRef: 'release/1.2', baseRef: 'main' });
    const merge = runnerRef(fake, 'acme/rocket', 'pull_request', pr);
    expect(merge).toMatchObject({ ref: 'refs/pull/1/merge', headRef: 'release/1.2' });
    expect(merge.sha).not.toBe(fake.headSha('acme/rocket', 1));
    expect(runnerRef(fake, 'acme/rocket', 'issue_comment', {})).toEqual({ sha: main, ref: 'refs/heads/main' });
    fake.commit('acme/rocket', 'release/1.2', { 'VERSION': '1.2\n' });
    const group = fake.createMergeGroup('acme/rocket', 'main', [1]);
    expect(runnerRef(fake, 'acme/rocket', 'merge_group', mergeGroupEvent(fake, 'acme/rocket', group))).toEqual({ sha: group.headSha, ref: `refs/heads/${group.headRef}` });
  });
});

describe('parseOutputFile', () => {
  it('reads heredoc and name=value lines', () => {
    expect(parseOutputFile('a<<EOF_1\nx\ny\nEOF_1\nb=2\nc<<D\n\nD\n')).toEqual({ a: 'x\ny', b: '2', c: '' });
  });
});
