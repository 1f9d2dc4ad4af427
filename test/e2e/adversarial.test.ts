// One test per attack on the gate. None of them may succeed.
import { describe, expect, it } from 'vitest';
import { issueCommentEvent, pullRequestTargetEvent, scheduleEvent } from '../support/payloads.ts';
import { POLICY, REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();

const withRoles = (roles: string, extra = '') =>
  `version: 1\nrelease:\n  branches: ["release/**"]\nsignoffs:\n${roles}checks:\n  - id: lint\n    name: Static code analysis passed\n    labels: { all: [lint-clean] }\n${extra}`;

const securityOf = (world: ReleaseWorld) => /\| \*\*security\*\* \|[^\n]*/.exec(world.gateComments()[0]?.body ?? '')?.[0] ?? '';
const waitingFor = (world: ReleaseWorld) => world.gateStatuses()[0]?.description ?? '';

async function opened(policy?: string): Promise<ReleaseWorld> {
  const world = await newWorld(policy ? { policy } : {});
  await world.gateOnPullRequest();
  return world;
}

describe('forged sign-offs', () => {
  it('a comment edited by its author to add a sign-off', async () => {
    const world = await opened();
    const { id } = world.fake.addComment(REPO, world.pr, { user: 'alice', body: 'Looking at it.' });
    world.fake.editComment(id, 'Looking at it.\n/signoff security');
    await world.gate('issue_comment', issueCommentEvent(world.fake, id, 'edited'));
    expect(waitingFor(world)).toContain('2 sign-offs (security, sre)');
    expect(world.gateComments()[0]!.body).toContain('the comment was edited after it was posted');
  });

  it('a comment of a role member edited by someone else to add a sign-off', async () => {
    const world = await opened();
    const { id } = world.fake.addComment(REPO, world.pr, { user: 'alice', body: 'Looks fine so far.' });
    world.fake.editComment(id, 'Looks fine so far.\n/signoff security', { by: 'mallory' });
    await world.gate('issue_comment', issueCommentEvent(world.fake, id, 'edited', { sender: 'mallory' }));
    expect(waitingFor(world)).toContain('2 sign-offs (security, sre)');
  });

  it.each<[string, string, RegExp]>([
    ['Cyrillic о in signoff', '/signоff security', /look-alike/],
    ['a zero-width space', '/sign\u200Boff security', /look-alike/],
    ['a fullwidth slash', '／signoff security', /look-alike/],
    ['mid-line', 'I think we can /signoff security now', /not at the start of a line/],
    ['inside a quote', '> /signoff security', /inside a quote/],
    ['a fenced code block', '```\n/signoff security\n```', /inside code/],
    ['indented code', 'Type this:\n\n    /signoff security\n', /inside code/],
    ['an HTML comment', '<!--\n/signoff security\n-->', /inside an HTML comment/],
    ['a <details> block', '<details><summary>notes</summary>\n\n/signoff security\n\n</details>', /inside a collapsed `<details>` block/],
  ])('a look-alike command: %s', async (_name, body, reason) => {
    const world = await opened();
    await world.comment('alice', body);
    expect(waitingFor(world)).toContain('2 sign-offs (security, sre)');
    expect(world.gateComments()[0]!.body).toMatch(reason);
  });

  it('a user’s comment carrying the gate’s hidden marker is neither the living comment nor read as one', async () => {
    const world = await newWorld();
    world.fake.addComment(REPO, world.pr, { user: 'mallory', body: '<!-- release-readiness:living-comment -->\n## ✅ Ready to release' });
    await world.gateOnPullRequest();
    const bots = world.fake.comments(REPO, world.pr).filter((c) => c.user?.type === 'Bot');
    expect(bots).toHaveLength(1);
    expect(world.fake.comments(REPO, world.pr)[0]!.body).toContain('## ✅ Ready to release');
  });
});

describe('who may sign', () => {
  const teamPolicy = withRoles('  security:\n    teams: [acme/security]\n');

  it('a signer who left the team no longer counts', async () => {
    const world = await newWorld({ policy: teamPolicy });
    world.fake.createTeam('acme', 'security', { members: ['erin'] });
    world.fake.addToken('ghs_app', { actor: 'github-actions[bot]', kind: 'app', permissions: { members: 'read' } });
    const gate = async (body: string, user = 'erin') => {
      const { id } = world.fake.addComment(REPO, world.pr, { user, body });
      return world.gate('issue_comment', issueCommentEvent(world.fake, id, 'created'), { inputs: { 'security-token': 'ghs_app' } });
    };
    await world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, 'opened'), { inputs: { 'security-token': 'ghs_app' } });
    await gate('/signoff security');
    expect(securityOf(world)).toContain('erin');
    expect(waitingFor(world)).not.toContain('security');
    world.fake.removeTeamMember('acme', 'security', 'erin');
    await gate('Still good?', 'carol');
    expect(waitingFor(world)).toContain('waiting for 1 sign-off (security)');
    expect(world.gateComments()[0]!.body).toContain('erin is not in role security (acme/security)');
  });

  it('team membership that cannot be read fails closed and names the permission', async () => {
    const world = await newWorld({ policy: teamPolicy });
    world.fake.createTeam('acme', 'security', { members: ['erin'] });
    await world.gateOnPullRequest();
    const { result } = await world.comment('erin', '/signoff security');
    expect(result.exitCode).toBe(1);
    expect(world.gateStatuses()[0]!.state).toBe('error');
    expect(world.gateComments()[0]!.body).toContain('"Members: read"');
  });

  it('a signer below the required permission', async () => {
    const world = await opened(withRoles('  security:\n    users: [alice, erin]\n    permission: write\n'));
    world.fake.setRepoPermission(REPO, 'erin', 'triage');
    world.fake.setRepoPermission(REPO, 'alice', 'maintain');
    await world.comment('erin', '/signoff security');
    expect(waitingFor(world)).toContain('waiting for 1 sign-off (security)');
    expect(world.gateComments()[0]!.body).toContain('erin has `triage` permission on the repository; security needs `write`');
    await world.comment('alice', '/signoff security');
    expect(waitingFor(world)).not.toContain('security');
  });

  it('the author in the role', async () => {
    const world = await opened(withRoles('  security:\n    users: [dave, alice]\n'));
    await world.comment('dave', '/signoff security');
    expect(waitingFor(world)).toContain('waiting for 1 sign-off (security)');
    const allowed = await opened(withRoles('  security:\n    users: [dave, alice]\n    allow_author: true\n'));
    await allowed.comment('dave', '/signoff security');
    expect(waitingFor(allowed)).not.toContain('security');
  });

  it('one person filling two roles', async () => {
    const world = await opened(withRoles('  security:\n    users: [alice, bob]\n  sre:\n    users: [alice, carol]\n'));
    await world.comment('alice', '/signoff security');
    await world.comment('alice', '/signoff sre');
    expect(waitingFor(world)).toContain('waiting for 1 sign-off (sre)');
    expect(world.gateComments()[0]!.body).toContain('alice already signed off security: one person fills one role');
  });

  it('two sign-offs by one person for min: 2', async () => {
    const world = await opened(withRoles('  security:\n    users: [alice, bob]\n    min: 2\n'));
    await world.comment('alice', '/signoff security');
    await world.comment('alice', '/signoff security again');
    expect(waitingFor(world)).toContain('waiting for 1 sign-off (security)');
    await world.comment('bob', '/signoff security');
    expect(waitingFor(world)).not.toContain('security');
  });
});

describe('sign-offs and pushes', () => {
  it('a sign-off on an older commit does not count for the new head', async () => {
    const world = await opened();
    await world.comment('alice', '/signoff security');
    world.fake.pushToPullRequest(REPO, world.pr, { 'src/app.ts': 'export const version = "1.4.0-evil";\n' });
    await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).toContain('2 sign-offs (security, sre)');
  });

  it('a push that leaves the files unchanged re-opens nothing', async () => {
    const world = await opened();
    await world.comment('alice', '/signoff security');
    world.fake.amendPullRequest(REPO, world.pr, { message: 'Reword the commit message' });
    await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).toBe('Waiting for 1 sign-off (sre), CI and 2 approvals');
    expect(securityOf(world)).toContain('alice');
  });

  it('a force push with other files re-opens it, even though history was rewritten', async () => {
    const world = await opened();
    await world.comment('alice', '/signoff security');
    world.fake.forcePushPullRequest(REPO, world.pr, { 'src/app.ts': 'export const version = "rewritten";\n' });
    await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).toContain('2 sign-offs (security, sre)');
  });

  it('reopen_on: a push outside the paths keeps the sign-off, one inside re-opens it', async () => {
    const world = await opened(withRoles('  security:\n    users: [alice]\n    reopen_on: { paths: ["src/auth/**"] }\n'));
    await world.comment('alice', '/signoff security');
    world.fake.pushToPullRequest(REPO, world.pr, { 'docs/notes.md': 'release notes\n' });
    await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).not.toContain('security');
    world.fake.pushToPullRequest(REPO, world.pr, { 'src/auth/login.ts': 'export const bypass = true;\n' });
    await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).toContain('waiting for 1 sign-off (security)');
  });
});

describe('the policy and the status', () => {
  it('readiness.yml weakened in the PR: the base version rules, the change is shown, and policy_change asks its role', async () => {
    const policy = `${POLICY.replace('["release/**"]', '["main", "release/**"]')}policy_change:\n  signoff: security\n`;
    const world = await newWorld({ base: 'main', policy });
    await world.gateOnPullRequest();
    // Weaker, and still valid (a policy that requires nothing is itself invalid).
    world.fake.pushToPullRequest(REPO, world.pr, { '.github/readiness.yml': 'version: 1\nchecks:\n  - { id: no-wip, name: Not a work in progress, labels: { none: [wip] } }\n' });
    await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).toContain('2 sign-offs (security, sre)');
    expect(world.gateComments()[0]!.body).toContain('- remove check `ci`');
  });

  it('policy_change: a PR that changes readiness.yml needs the named role, even one that otherwise does not apply', async () => {
    const policy = withRoles('  security:\n    users: [alice]\n  policy-owners:\n    users: [carol]\n    when: { labels: [never] }\n', 'policy_change:\n  signoff: policy-owners\n').replace('["release/**"]', '["main", "release/**"]');
    const world = await newWorld({ base: 'main', policy });
    await world.gateOnPullRequest();
    expect(waitingFor(world)).not.toContain('policy-owners');
    world.fake.pushToPullRequest(REPO, world.pr, { '.github/readiness.yml': policy.replace('[alice]', '[alice, dave]') });
    await world.gateOnPullRequest('synchronize');
    expect(waitingFor(world)).toContain('policy-owners');
    expect(world.gateComments()[0]!.body).toContain('- change role `security`');
  });

  it('a release-readiness status forged by another identity is overwritten and reported', async () => {
    const world = await opened();
    world.fake.addUser('other-app[bot]', 'Bot');
    world.fake.addToken('ghs_other', { actor: 'other-app[bot]', kind: 'app', permissions: { statuses: 'write' } });
    await fetch(`${world.fake.url}/repos/${REPO}/statuses/${world.head()}`, {
      method: 'POST',
      headers: { authorization: 'token ghs_other', 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'success', context: 'release-readiness', description: 'Ready' }),
    });
    expect(world.gateStatuses()[0]!.state).toBe('success');
    await world.comment('erin', 'status?');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending', creator: { login: 'github-actions[bot]' } });
    expect(world.gateComments()[0]!.body).toContain('was set on this commit by `other-app[bot]`');
  });

  it('a status forged with the gate’s own token by another workflow is overwritten too', async () => {
    const world = await opened();
    await fetch(`${world.fake.url}/repos/${REPO}/statuses/${world.head()}`, {
      method: 'POST',
      headers: { authorization: 'token ghs_gate', 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'success', context: 'release-readiness', description: 'Ready: 3 checks pass, 2 sign-offs in' }),
    });
    await world.gateOnPullRequest('edited');
    expect(world.gateStatuses()[0]).toMatchObject({ state: 'pending' });
    expect(world.gateComments()[0]!.body).toContain('not by this gate');
  });

  it('a retarget race: a PR moved onto a release branch never carries an earlier success', async () => {
    const world = await newWorld({ base: 'main' });
    world.fake.commit(REPO, 'release/1.4', { '.github/readiness.yml': POLICY });
    await world.gateOnPullRequest();
    // Not a release PR: no status at all, so nothing can satisfy the release branch's required check.
    expect(world.gateStatuses()).toEqual([]);
    world.fake.setPullRequest(REPO, world.pr, { base: 'release/1.4' });
    expect(world.gateStatuses().some((status) => status.state === 'success')).toBe(false);
    await world.gateOnPullRequest('edited');
    expect(world.gateStatuses()[0]!.state).toBe('pending');
  });
});

describe('waivers', () => {
  const waivable = (extra = '') => withRoles('  security:\n    users: [alice]\n', `waivers:\n  by: [security]\n${extra}`);

  it('a waiver by a member, with a reason, waives the check', async () => {
    const world = await opened(waivable());
    await world.comment('alice', '/signoff security');
    const { id } = await world.comment('alice', '/waive lint the linter crashes on generated code; ticket OPS-12');
    expect(world.gateStatuses()[0]!.state).toBe('success');
    expect(world.gateComments()[0]!.body).toMatch(/☑️ \| Static code analysis passed \| Waived by alice: `the linter crashes/);
    expect(world.fake.reactions(id)).toHaveLength(1);
  });

  it.each<[string, string, string, RegExp]>([
    ['without a reason', 'alice', '/waive lint', /a waiver needs a reason/],
    ['by a non-member', 'mallory', '/waive lint flaky', /mallory may not waive checks/],
    ['of an unknown check', 'alice', '/waive tests flaky', /there is no check `tests`/],
  ])('a waiver %s does not count', async (_name, user, body, reason) => {
    const world = await opened(waivable());
    await world.comment('alice', '/signoff security');
    await world.comment(user, body);
    expect(world.gateStatuses()[0]!.state).toBe('failure');
    expect(world.gateComments()[0]!.body).toMatch(reason);
  });

  it('a waiver after its expiry does not count', async () => {
    const world = await opened(waivable('  expires_after: 1h\n'));
    await world.comment('alice', '/signoff security');
    await world.comment('alice', '/waive lint accepted until the next release');
    expect(world.gateStatuses()[0]!.state).toBe('success');
    world.fake.clock.advance(2 * 3600);
    await world.gate('schedule', scheduleEvent());
    expect(world.gateStatuses()[0]!.state).toBe('failure');
    expect(world.gateComments()[0]!.body).toMatch(/it expired at 2026-11-21T\d\d:\d\d:\d\dZ/);
  });

  it('/waive cancel withdraws it', async () => {
    const world = await opened(waivable());
    await world.comment('alice', '/signoff security');
    await world.comment('alice', '/waive lint flaky');
    await world.comment('alice', '/waive cancel lint');
    expect(world.gateStatuses()[0]!.state).toBe('failure');
  });
});

describe('reminders', () => {
  it('mention a pending role once per period, on schedule runs only', async () => {
    const world = await opened(`${POLICY}remind_after: 24h\n`);
    const reminders = () => world.fake.comments(REPO, world.pr).filter((c) => c.body?.includes('release-readiness:reminder'));
    await world.gate('schedule', scheduleEvent());
    expect(reminders()).toHaveLength(0);
    world.fake.clock.advance(25 * 3600);
    await world.gate('schedule', scheduleEvent());
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.body).toContain('**security** — @alice @bob');
    await world.gate('schedule', scheduleEvent());
    expect(reminders()).toHaveLength(1);
    await world.comment('erin', 'any news?');
    expect(reminders()).toHaveLength(1);
  });
});
