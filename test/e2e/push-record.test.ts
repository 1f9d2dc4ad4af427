// Sign-offs are bound to commits by GitHub's own record of pushes (the repository activity
// feed), and the gate knows itself from its token: nothing a workflow writes moves either.
import { describe, expect, it } from 'vitest';
import { gatePermissions } from '../fake-github/index.ts';
import { issueCommentEvent, pullRequestTargetEvent, statusEvent } from '../support/payloads.ts';
import { logOf, POLICY, REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';
import type { ActionResult } from '../support/run-action.ts';

const newWorld = useReleaseWorlds();
const ACTIVITY = '/repos/{owner}/{repo}/activity';

const policyWith = (security: string) => POLICY.replace('  security:\n    users: [alice, bob]\n', `  security:\n    users: [alice, bob]\n${security}`);
const waitingFor = (world: ReleaseWorld) => world.gateStatuses()[0]?.description ?? '';

interface LedgerRow {
  login: string;
  verb: string;
  counts: boolean;
  reason: string;
  commit: string | null;
  boundBy: string;
}
const ledgerOf = (result: ActionResult) => (JSON.parse(result.outputs['report'] ?? '{}') as { ledger: LedgerRow[] }).ledger;
const short = (sha: string) => sha.slice(0, 7);

async function opened(policy?: string): Promise<ReleaseWorld> {
  const world = await newWorld(policy ? { policy } : {});
  await world.gateOnPullRequest();
  return world;
}

/** The gate as a GitHub App: its own token and slug, an identity no workflow shares. */
function asApp(world: ReleaseWorld) {
  world.fake.addUser('release-gate[bot]', 'Bot');
  world.fake.addToken('ghs_release_gate', { actor: 'release-gate[bot]', kind: 'app', permissions: gatePermissions });
  const options = { token: 'ghs_release_gate', inputs: { 'app-slug': 'release-gate' } };
  return {
    onPullRequest: (action: 'opened' | 'synchronize' = 'opened') => world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, action), options),
    comment: async (user: string, body: string) => {
      const { id } = world.fake.addComment(REPO, world.pr, { user, body });
      return world.gate('issue_comment', issueCommentEvent(world.fake, id, 'created'), options);
    },
  };
}

describe('a sign-off is bound to the head it was given on by GitHub’s record of pushes', () => {
  it('a release PR opened and updated by a bot, the gate never run: a sign-off counts', async () => {
    const world = await newWorld();
    world.fake.pushToPullRequest(REPO, world.pr, { 'CHANGELOG.md': '## 1.4.0\n' });
    const { result } = await world.comment('alice', '/signoff security');
    expect(waitingFor(world)).not.toContain('security');
    expect(ledgerOf(result)).toEqual([expect.objectContaining({ login: 'alice', counts: true, commit: world.head(), boundBy: 'activity' })]);
  });

  it('a sign-off, then a push: stale, saying on which commit it was given and when the head was pushed', async () => {
    const world = await opened();
    const signed = world.head();
    await world.comment('alice', '/signoff security');
    const head = world.fake.pushToPullRequest(REPO, world.pr, { 'src/app.ts': 'export const version = "1.4.0-rc2";\n' });
    const pushedAt = world.fake.activity(REPO)[0]!.timestamp.slice(0, 16).replace('T', ' ');
    const result = await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).toContain('2 sign-offs (security, sre)');
    const reason = `it was given on ${short(signed)}; ${short(head)} was pushed at ${pushedAt} UTC, and the files changed since: sign off again`;
    expect(ledgerOf(result)).toEqual([expect.objectContaining({ login: 'alice', counts: false, commit: signed, boundBy: 'activity', reason })]);
    expect(world.gateComments()[0]!.body).toContain(reason);
  });

  it('a head pushed, replaced and pushed again after a sign-off: stale', async () => {
    const world = await opened();
    const signed = world.head();
    await world.comment('alice', '/signoff security');
    world.fake.forcePushPullRequest(REPO, world.pr, { 'src/app.ts': 'export const version = "other";\n' });
    await world.gateOnPullRequest('synchronize');
    world.fake.resetPullRequest(REPO, world.pr, signed);
    const result = await world.gateOnPullRequest('synchronize');
    expect(world.head()).toBe(signed);
    expect(waitingFor(world)).toContain('2 sign-offs (security, sre)');
    expect(ledgerOf(result)[0]).toMatchObject({ counts: false, commit: signed, reason: expect.stringMatching(/was replaced and pushed again/) });
  });

  it('a force push with the same files: carried, and the comment says why', async () => {
    const world = await opened();
    const signed = world.head();
    await world.comment('alice', '/signoff security');
    world.fake.amendPullRequest(REPO, world.pr, { message: 'Reword', pusher: 'dave' });
    const result = await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).not.toContain('security');
    expect(ledgerOf(result)[0]).toMatchObject({ counts: true, commit: signed, boundBy: 'activity', reason: `the files are unchanged since ${short(signed)}` });
  });

  it('reopen_on: a force push that drops the signed change under its paths re-opens it', async () => {
    const world = await newWorld({ policy: policyWith('    reopen_on: { paths: ["src/auth/**"] }\n') });
    world.fake.pushToPullRequest(REPO, world.pr, { 'src/auth/login.ts': 'export const mfa = true;\n' });
    await world.gateOnPullRequest('synchronize');
    await world.comment('alice', '/signoff security');
    // Squashed onto the base without the auth change: from the merge base, only the docs changed.
    world.fake.forcePushPullRequest(REPO, world.pr, { 'src/app.ts': 'export const version = "1.4";\n', 'docs/notes.md': 'notes\n' });
    const result = await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).toContain('2 sign-offs (security, sre)');
    expect(ledgerOf(result)[0]!.reason).toMatch(/src\/auth\/login.ts changed since/);
  });

  it('reopen_on: a push of more than 300 files, one under its paths past GitHub’s list, re-opens it', async () => {
    const world = await opened(policyWith('    reopen_on: { paths: ["src/auth/**"] }\n'));
    await world.comment('alice', '/signoff security');
    const files: Record<string, string> = { 'src/auth/login.ts': 'export const bypass = true;\n' };
    for (let i = 0; i < 320; i++) files[`docs/page-${String(i).padStart(3, '0')}.md`] = `page ${i}\n`;
    world.fake.pushToPullRequest(REPO, world.pr, files);
    const result = await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).toContain('2 sign-offs (security, sre)');
    expect(ledgerOf(result)[0]!.reason).toMatch(/src\/auth\/login.ts changed since/);
    expect(world.fake.requests.filter((request) => request.operationId === 'git/get-tree')).toHaveLength(2);
  });

  it('a lineage or first status written by a workflow with the GITHUB_TOKEN changes nothing', async () => {
    const world = await opened();
    const signed = world.head();
    await world.comment('alice', '/signoff security');
    const head = world.fake.pushToPullRequest(REPO, world.pr, { 'src/app.ts': 'export const version = "evil";\n' });
    // Another workflow of the repository writes, as github-actions[bot], what the gate once trusted.
    const write = (body: object) =>
      fetch(`${world.fake.url}/repos/${REPO}/statuses/${head}`, { method: 'POST', headers: { authorization: 'token ghs_gate', 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await write({ state: 'success', context: 'release-readiness/lineage', description: `Follows ${signed} on #${world.pr}` });
    await write({ state: 'pending', context: 'release-readiness', description: 'seen', target_url: `https://github.com/${REPO}/pull/${world.pr}#issuecomment-1` });
    await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).toContain('2 sign-offs (security, sre)');
  });

  it('a head not yet in the activity feed: looked for again, then counted', async () => {
    const world = await opened();
    world.fake.pushToPullRequest(REPO, world.pr, { 'src/app.ts': 'export const version = "1.4.1";\n' });
    world.fake.hideLatestActivity(REPO, { reads: 2 });
    const before = world.fake.requests.length;
    const { result } = await world.comment('alice', '/signoff security');
    expect(world.fake.requests.slice(before).filter((request) => request.operationId === 'repos/list-activities')).toHaveLength(3);
    expect(ledgerOf(result)[0]).toMatchObject({ counts: true, boundBy: 'activity' });
    expect(waitingFor(world)).not.toContain('security');
  });
});

describe('without GitHub’s record of pushes', () => {
  it('with the GITHUB_TOKEN: fails closed, naming the record and the fix', async () => {
    const world = await opened(policyWith('    allow_author: true\n'));
    world.fake.inject({ method: 'GET', path: ACTIVITY, status: 404, times: 20 });
    const { result } = await world.comment('alice', '/signoff security');
    expect(result.outputs['state']).toBe('error');
    expect(ledgerOf(result)[0]).toMatchObject({ counts: false, commit: null, boundBy: 'none', reason: expect.stringMatching(/cannot be established: GitHub's activity record of prepare-1.4: GitHub answered 404/) });
    const body = world.gateComments()[0]!.body!;
    expect(body).toContain('GitHub Enterprise Server 3.11');
    expect(body).toContain('github-actions[bot]');
  });

  it('as a GitHub App: the gate’s own first status bounds the push (roles that allow the author)', async () => {
    const world = await newWorld({ policy: policyWith('    allow_author: true\n') });
    const app = asApp(world);
    await app.onPullRequest();
    world.fake.inject({ method: 'GET', path: ACTIVITY, status: 404, times: 20 });
    const result = await app.comment('alice', '/signoff security');
    expect(ledgerOf(result)[0]).toMatchObject({ counts: true, commit: world.head(), boundBy: 'gate status' });
    expect(world.fake.statuses(REPO, world.head()).filter((status) => status.context === 'release-readiness')[0]).toMatchObject({ creator: { login: 'release-gate[bot]' } });
  });

  it('as a GitHub App, separation of duties still needs the record: who pushed cannot be told', async () => {
    const world = await newWorld();
    const app = asApp(world);
    await app.onPullRequest();
    world.fake.inject({ method: 'GET', path: ACTIVITY, status: 404, times: 20 });
    const result = await app.comment('alice', '/signoff security');
    expect(result.outputs['state']).toBe('error');
    expect(ledgerOf(result)[0]!.reason).toMatch(/could not check that alice may sign: GitHub's activity record of prepare-1.4: GitHub answered 404/);
  });
});

describe('who may sign', () => {
  it('someone who pushed to the PR cannot sign it off', async () => {
    const world = await opened();
    world.fake.pushToPullRequest(REPO, world.pr, { 'src/app.ts': 'export const version = "1.4.1";\n' }, { pusher: 'bob' });
    const head = world.head();
    const { result } = await world.comment('bob', '/signoff security');
    expect(ledgerOf(result)[0]).toMatchObject({ counts: false, reason: `bob pushed ${short(head)} to prepare-1.4 and cannot sign off security (set allow_author: true on the role to allow it)` });
    expect(waitingFor(world)).toContain('security');
  });

  it('the author of one of the PR’s commits cannot sign it off', async () => {
    const world = await newWorld();
    world.fake.commit(REPO, 'prepare-1.4', { 'src/fix.ts': 'export {};\n' }, { author: 'carol', pusher: 'dave' });
    const { result } = await world.comment('carol', '/signoff sre');
    expect(ledgerOf(result)[0]!.reason).toMatch(/^carol wrote commit [0-9a-f]{7} and cannot sign off sre/);
  });

  it('a sign-off posted through a GitHub App on a person’s behalf is refused', async () => {
    const world = await opened();
    const { id } = world.fake.addComment(REPO, world.pr, { user: 'alice', body: '/signoff security', viaApp: 'slack-bridge' });
    const result = await world.gate('issue_comment', issueCommentEvent(world.fake, id, 'created'));
    expect(ledgerOf(result)[0]).toMatchObject({ counts: false, reason: 'it was posted through the GitHub App slack-bridge, not typed by alice' });
  });
});

describe('the gate knows who it is', () => {
  it('a bot comment with the gate’s marker, and the living comment deleted: its identity and comment are unaffected', async () => {
    const world = await opened();
    world.fake.addUser('impostor[bot]', 'Bot');
    const fakeBody = '<!-- release-readiness:living-comment -->\n<!-- release-readiness:evaluation {"sha":"x","state":"success","description":"Ready"} -->\nAll good.';
    const impostor = world.fake.addComment(REPO, world.pr, { user: 'impostor[bot]', body: fakeBody });
    world.fake.addToken('ghs_impostor', { actor: 'impostor[bot]', kind: 'app', permissions: { statuses: 'write' } });
    await fetch(`${world.fake.url}/repos/${REPO}/statuses/${world.head()}`, {
      method: 'POST',
      headers: { authorization: 'token ghs_impostor', 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'success', context: 'release-readiness', description: 'Ready' }),
    });
    world.fake.deleteComment(world.gateComments().find((comment) => comment.user?.login === 'github-actions[bot]')!.id);
    await world.gateOnPullRequest('edited');
    const ours = world.fake.comments(REPO, world.pr).filter((comment) => comment.user?.login === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('was set on this commit by `impostor[bot]`');
    expect(world.fake.comments(REPO, world.pr).find((comment) => comment.id === impostor.id)?.body).toBe(fakeBody);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending', creator: { login: 'github-actions[bot]' } });
  });

  it('a token that writes as another account than the one the gate took itself for stops the run', async () => {
    const world = await newWorld();
    world.fake.addUser('release-gate[bot]', 'Bot');
    world.fake.addToken('ghs_release_gate', { actor: 'release-gate[bot]', kind: 'app', permissions: gatePermissions });
    const result = await world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, 'opened'), { token: 'ghs_release_gate' });
    expect(result.exitCode).toBe(1);
    expect(logOf(result)).toContain('set the `app-slug` input');
  });

  it('a person’s token: the gate is that account, read from GitHub', async () => {
    const world = await newWorld();
    world.fake.addUser('release-manager');
    world.fake.addToken('github_pat_manager', { actor: 'release-manager', kind: 'user', permissions: gatePermissions });
    world.fake.setRepoPermission(REPO, 'release-manager', 'maintain');
    const result = await world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, 'opened'), { token: 'github_pat_manager' });
    expect(result.exitCode).toBe(0);
    expect(logOf(result)).toContain('The gate writes as release-manager');
    expect(world.fake.comments(REPO, world.pr).filter((comment) => comment.user?.login === 'release-manager')).toHaveLength(1);
  });
});

describe('forgery is fixed at once', () => {
  it('a forged success from another account is overwritten by the run of the status event that reports it', async () => {
    const world = await opened();
    world.fake.addUser('other-app[bot]', 'Bot');
    const forged = world.fake.addStatus(REPO, world.head(), { state: 'success', context: 'release-readiness', description: 'Ready', creator: 'other-app[bot]' });
    const result = await world.gate('status', statusEvent(world.fake, forged.id));
    expect(result.exitCode).toBe(0);
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending', creator: { login: 'github-actions[bot]' } });
    expect(world.gateComments()[0]!.body).toContain('was set on this commit by `other-app[bot]`');
  });

  it('the gate’s own status event wakes nothing', async () => {
    const world = await opened();
    const own = world.gateStatuses()[0]!;
    const before = world.fake.requests.length;
    const result = await world.gate('status', statusEvent(world.fake, own.id));
    expect(logOf(result)).toContain('the status is the gate’s own');
    expect(world.fake.requests.slice(before)).toEqual([]);
  });
});
