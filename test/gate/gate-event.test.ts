import { describe, expect, it } from 'vitest';
import type { GateIdentity } from '../../src/core/evidence/snapshot.ts';
import { COMMENT_MARKER } from '../../src/core/markers/gate-comments.ts';
import { parseGateEvent, type GateEvent, type Targets } from '../../src/gate/gate-event.ts';
import { example } from '../support/payloads/examples.ts';
import { APP_GATE, HEAD, SHARED_GATE } from '../core/builders.ts';

type Json = Record<string, unknown>;
const GITHUB_SHA = 'f'.repeat(40);
const OTHER = 'b'.repeat(40);

/** GitHub's own example for the event, with the fields the gate reads set to these values. */
function payload(event: string, action: string | undefined, patch: (p: Json) => void): Json {
  const base = example(event, action);
  patch(base);
  return base;
}
const obj = (value: unknown) => value as Json;

function parse(name: string, body: Json, identity: GateIdentity = SHARED_GATE): GateEvent {
  return parseGateEvent({ name, payload: body, sha: GITHUB_SHA }, identity);
}

describe('an event is read once into what the run needs', () => {
  const pr = (action: string) => payload('pull_request', action, (p) => (obj(p['pull_request'])['number'] = 42));
  const comment = (login: string, body: string, onPullRequest = true) =>
    payload('issue_comment', 'created', (p) => {
      obj(p['issue'])['number'] = 42;
      if (!onPullRequest) delete obj(p['issue'])['pull_request'];
      else obj(p['issue'])['pull_request'] = { url: 'x' };
      obj(p['comment'])['body'] = body;
      obj(p['comment'])['user'] = { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
    });
  const status = (login: string, context = 'release-readiness', sha = HEAD) =>
    payload('status', undefined, (p) => {
      p['context'] = context;
      p['sha'] = sha;
      p['sender'] = { login };
    });
  const headOf = (event: string, key: string, sha: unknown) => payload(event, 'completed', (p) => (obj(p[key])['head_sha'] = sha));
  const group = (action: string, patch: Json = {}) =>
    payload('merge_group', action, (p) => (p['action'] = action) && Object.assign(obj(p['merge_group']), { head_sha: HEAD, base_sha: OTHER, base_ref: 'refs/heads/release/1.4', ...patch }));

  it.each<{ name: string; event: string; payload: Json; identity?: GateIdentity; targets: Targets }>([
    { name: 'a PR opened', event: 'pull_request', payload: pr('opened'), targets: { kind: 'numbers', numbers: [42] } },
    { name: 'a PR pushed to', event: 'pull_request_target', payload: pr('synchronize'), targets: { kind: 'numbers', numbers: [42] } },
    { name: 'a PR closed', event: 'pull_request', payload: pr('closed'), targets: { kind: 'ignore', reason: 'the pull request was closed' } },
    { name: 'a PR payload without a number', event: 'pull_request', payload: payload('pull_request', 'opened', (p) => delete obj(p['pull_request'])['number']), targets: { kind: 'ignore', reason: 'the pull_request payload has no pull request number' } },
    { name: 'a review', event: 'pull_request_review', payload: payload('pull_request_review', 'submitted', (p) => (obj(p['pull_request'])['number'] = 7)), targets: { kind: 'numbers', numbers: [7] } },
    { name: 'a comment on a PR', event: 'issue_comment', payload: comment('alice', '/signoff sre'), targets: { kind: 'numbers', numbers: [42] } },
    { name: 'a comment on an issue', event: 'issue_comment', payload: comment('alice', '/signoff sre', false), targets: { kind: 'ignore', reason: 'the comment is on an issue, not a pull request' } },
    { name: 'the gate’s own living comment', event: 'issue_comment', payload: comment('github-actions[bot]', COMMENT_MARKER), targets: { kind: 'ignore', reason: 'the comment is the gate’s own' } },
    { name: 'a copy of the living comment by another bot', event: 'issue_comment', payload: comment('impostor[bot]', COMMENT_MARKER), targets: { kind: 'numbers', numbers: [42] } },
    { name: 'a copy by github-actions[bot] while the gate is an App', event: 'issue_comment', payload: comment('github-actions[bot]', COMMENT_MARKER), identity: APP_GATE, targets: { kind: 'numbers', numbers: [42] } },
    { name: 'a check suite completed', event: 'check_suite', payload: headOf('check_suite', 'check_suite', HEAD), targets: { kind: 'head-sha', sha: HEAD } },
    { name: 'a check run completed', event: 'check_run', payload: headOf('check_run', 'check_run', HEAD), targets: { kind: 'head-sha', sha: HEAD } },
    { name: 'a workflow run completed', event: 'workflow_run', payload: headOf('workflow_run', 'workflow_run', HEAD), targets: { kind: 'head-sha', sha: HEAD } },
    { name: 'a deployment finished', event: 'deployment_status', payload: payload('deployment_status', 'created', (p) => (obj(p['deployment'])['sha'] = HEAD)), targets: { kind: 'head-sha', sha: HEAD } },
    { name: 'a check run with a malformed head', event: 'check_run', payload: headOf('check_run', 'check_run', 'HEAD; rm -rf'), targets: { kind: 'ignore', reason: 'the check_run payload has no head commit' } },
    { name: 'its own status, by its own login', event: 'status', payload: status('github-actions[bot]'), targets: { kind: 'ignore', reason: 'the status is the gate’s own' } },
    { name: 'its own recorded coverage, by its own login', event: 'status', payload: status('release-gate[bot]', 'release-readiness/coverage'), identity: APP_GATE, targets: { kind: 'ignore', reason: 'the status is the gate’s own' } },
    { name: 'its context written by a person: a forgery to overwrite now', event: 'status', payload: status('mallory'), targets: { kind: 'head-sha', sha: HEAD } },
    { name: 'its context by github-actions[bot] while it runs as an App', event: 'status', payload: status('github-actions[bot]'), identity: APP_GATE, targets: { kind: 'head-sha', sha: HEAD } },
    { name: 'a look-alike context', event: 'status', payload: status('github-actions[bot]', 'release-readiness-extra'), targets: { kind: 'head-sha', sha: HEAD } },
    { name: 'another context', event: 'status', payload: status('mallory', 'ci/jenkins'), targets: { kind: 'head-sha', sha: HEAD } },
    { name: 'a dispatch without a PR', event: 'workflow_dispatch', payload: payload('workflow_dispatch', undefined, (p) => (p['inputs'] = {})), targets: { kind: 'all-open' } },
    { name: 'a dispatch for PR 12', event: 'workflow_dispatch', payload: payload('workflow_dispatch', undefined, (p) => (p['inputs'] = { pr: ' 12 ' })), targets: { kind: 'numbers', numbers: [12] } },
    { name: 'a dispatch for a PR that is no number', event: 'workflow_dispatch', payload: payload('workflow_dispatch', undefined, (p) => (p['inputs'] = { pr: '12abc' })), targets: { kind: 'ignore', reason: 'the workflow_dispatch input `pr` payload has no pull request number' } },
    { name: 'a dispatch for PR 0', event: 'workflow_dispatch', payload: payload('workflow_dispatch', undefined, (p) => (p['inputs'] = { pr: '0' })), targets: { kind: 'ignore', reason: 'the workflow_dispatch input `pr` payload has no pull request number' } },
    { name: 'a schedule', event: 'schedule', payload: { schedule: '*/30 * * * *' }, targets: { kind: 'all-open' } },
    { name: 'a merge group’s checks requested', event: 'merge_group', payload: group('checks_requested'), targets: { kind: 'merge-group', headSha: HEAD, baseSha: OTHER, base: 'release/1.4' } },
    { name: 'a merge group destroyed', event: 'merge_group', payload: group('destroyed'), targets: { kind: 'ignore', reason: 'the merge group was destroyed' } },
    { name: 'a merge group without a base', event: 'merge_group', payload: group('checks_requested', { base_sha: null }), targets: { kind: 'ignore', reason: 'the merge_group payload has no head or base commit' } },
    { name: 'a push', event: 'push', payload: payload('push', undefined, () => {}), targets: { kind: 'ignore', reason: 'the `push` event is not one the gate handles (see the README for the events to use)' } },
  ])('$name', ({ event, payload: body, identity, targets }) => {
    expect(parse(event, body, identity).targets).toEqual(targets);
  });

  it('only a schedule posts reminders', () => {
    expect(parse('schedule', {}).scheduled).toBe(true);
    expect(parse('workflow_dispatch', { inputs: {} }).scheduled).toBe(false);
    expect(parse('pull_request', pr('opened')).scheduled).toBe(false);
  });

  it.each<[string, Json, string]>([
    ['a push names its commit', { after: OTHER }, OTHER],
    ['an event without a commit uses the workflow’s', {}, GITHUB_SHA],
    ['a malformed after is not trusted', { after: 'main' }, GITHUB_SHA],
  ])('the commit: %s', (_name, body, commit) => {
    expect(parse('push', body).commit).toBe(commit);
  });

  it('the default branch comes from the payload, or is left to be read', () => {
    expect(parse('pull_request', pr('opened')).defaultBranch).toBe(obj(pr('opened')['repository'])['default_branch']);
    expect(parse('schedule', {}).defaultBranch).toBeNull();
  });
});
