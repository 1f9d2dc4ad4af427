// The first read the entry point sends before the rest of the action loads: it must be the very
// request the run makes first, or none (a read nobody takes is a request spent for nothing).
import { describe, expect, it } from 'vitest';
import { firstRead } from '../../src/action/first-read.ts';
import type { RunnerContext } from '../../src/action/runner-context.ts';

const SHA = 'a'.repeat(40);
const API = 'https://api.github.com';

function runner(eventName: string, payload: Record<string, unknown>, repo = { owner: 'acme', repo: 'rocket' }): RunnerContext {
  return { eventName, payload, repo, apiUrl: API, serverUrl: 'https://github.com', runId: '1', job: 'gate', sha: SHA };
}

const pr = { pull_request: { number: 7 } };
const env = (inputs: Record<string, string>, extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  ...extra,
});

describe('firstRead', () => {
  it.each([
    ['a PR event with the GITHUB_TOKEN: the PR', runner('pull_request_target', { action: 'edited', ...pr }), env({ 'github-token': 'ghs_x' }), `${API}/repos/acme/rocket/pulls/7`],
    ['a comment on a PR: the PR', runner('issue_comment', { issue: { number: 9, pull_request: {} }, comment: { body: '/signoff qa', user: { login: 'bob' } } }), env({ 'github-token': 'ghs_x' }), `${API}/repos/acme/rocket/pulls/9`],
    ['a review: the PR', runner('pull_request_review', pr), env({ 'github-token': 'ghs_x' }), `${API}/repos/acme/rocket/pulls/7`],
    ['an App token with its slug: the PR', runner('pull_request', pr), env({ 'github-token': 'v1.abc', 'app-slug': 'release-gate' }), `${API}/repos/acme/rocket/pulls/7`],
    ['a personal token: whose it is', runner('pull_request', pr), env({ 'github-token': 'ghp_x' }), `${API}/user`],
    ['a finished CI run: the open PRs', runner('check_suite', { check_suite: { head_sha: SHA } }), env({ 'github-token': 'ghs_x' }), `${API}/repos/acme/rocket/pulls?state=open&per_page=100`],
    ['a schedule: the open PRs', runner('schedule', {}), env({ 'github-token': 'ghs_x' }), `${API}/repos/acme/rocket/pulls?state=open&per_page=100`],
  ])('%s', (_name, context, environment, url) => {
    expect(firstRead(context, environment)).toEqual({ url, authorization: `token ${environment['INPUT_GITHUB-TOKEN']}`, accept: 'application/vnd.github.v3+json' });
  });

  it.each([
    ['a closed PR (nothing to read)', runner('pull_request', { action: 'closed', ...pr }), env({ 'github-token': 'ghs_x' })],
    ['a push (not an event the gate reads PRs for)', runner('push', { after: SHA }), env({ 'github-token': 'ghs_x' })],
    ['a step that records coverage (its inputs are checked before any request)', runner('pull_request', pr), env({ 'github-token': 'ghs_x', 'coverage-file': 'c.xml' })],
    ['a step that records a metric, even with inputs that cannot work', runner('pull_request', pr), env({ 'github-token': 'ghs_x', metric: 'p95' })],
    ['a merge group (its own reads)', runner('merge_group', { action: 'checks_requested', merge_group: { head_sha: SHA, base_sha: SHA, base_ref: 'main' } }), env({ 'github-token': 'ghs_x' })],
    ['no token (the run stops on the input)', runner('pull_request', pr), env({})],
    ['a proxy (requests go through fetch)', runner('pull_request', pr), env({ 'github-token': 'ghs_x' }, { HTTPS_PROXY: 'http://proxy:3128' })],
    ['a repository name that is not one', runner('pull_request', pr, { owner: 'acme', repo: '../x' }), env({ 'github-token': 'ghs_x' })],
  ])('none for %s', (_name, context, environment) => {
    expect(firstRead(context, environment)).toBeNull();
  });

  it('sends a JWT as a bearer token, as Octokit does', () => {
    expect(firstRead(runner('pull_request', pr), env({ 'github-token': 'a.b.c', 'app-slug': 'gate' }))?.authorization).toBe('bearer a.b.c');
  });
});
