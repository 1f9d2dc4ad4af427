// Who may do what: team membership (an organisation permission no GITHUB_TOKEN
// holds), repository roles as the collaborator permission endpoint reports
// them, and tokens of other identities (another app, a person).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { createFakeGitHub } from './index.ts';
import type { FakeGitHub } from './index.ts';
import { call, octokitFor, seedRepo } from './test-helpers.ts';

let fake: FakeGitHub;
const repo = 'acme/rocket';

beforeEach(async () => {
  fake = await createFakeGitHub();
  seedRepo(fake);
  fake.addToken('ghs_app_members', { actor: 'github-actions[bot]', kind: 'app', permissions: { members: 'read' } });
});
afterEach(async () => {
  expectNoViolations(fake);
  await fake.close();
});

describe('team membership', () => {
  const membership = (team: string, user: string, token = 'ghs_app_members') => call(fake, 'GET', `/orgs/acme/teams/${team}/memberships/${user}`, { token });

  it('reports role and state of members, maintainers and pending members', async () => {
    const teamId = fake.createTeam('acme', 'release-managers', { members: ['alice', 'carol'], maintainers: ['bob'] });
    fake.addTeamMember('acme', 'release-managers', 'dave', { state: 'pending' });
    const orgId = fake.user('acme').id;
    const alice = await membership('release-managers', 'alice');
    expect(alice.status).toBe(200);
    expect(alice.json()).toEqual({ url: `${fake.url}/organizations/${orgId}/team/${teamId}/memberships/alice`, role: 'member', state: 'active' });
    expect((await membership('release-managers', 'bob')).json()).toMatchObject({ role: 'maintainer', state: 'active' });
    expect((await membership('release-managers', 'dave')).json()).toMatchObject({ role: 'member', state: 'pending' });
    // Logins are case-insensitive, as on GitHub.
    expect((await membership('release-managers', 'ALICE')).status).toBe(200);
  });

  it('answers 404 for a non-member, a removed member, an unknown team and an unknown organisation', async () => {
    fake.createTeam('acme', 'release-managers', { members: ['alice', 'carol'] });
    fake.removeTeamMember('acme', 'release-managers', 'carol');
    for (const [team, user] of [['release-managers', 'mallory'], ['release-managers', 'carol'], ['nobody', 'alice'], ['release-managers', 'no-such-user']]) {
      const res = await membership(team!, user!);
      expect([res.status, (res.json() as { message: string }).message]).toEqual([404, 'Not Found']);
    }
    expect((await call(fake, 'GET', '/orgs/no-such-org/teams/release-managers/memberships/alice', { token: 'ghs_app_members' })).status).toBe(404);
  });

  it('is never readable with a GITHUB_TOKEN, whatever its permissions say', async () => {
    fake.createTeam('acme', 'release-managers', { members: ['alice'] });
    fake.addToken('ghs_wishful', { actor: 'github-actions[bot]', kind: 'github-token', permissions: { members: 'read', contents: 'write' } });
    for (const token of ['ghs_gate', 'ghs_wishful']) {
      const res = await membership('release-managers', 'alice', token);
      expect([res.status, res.headers.get('x-accepted-github-permissions')]).toEqual([403, 'members=read']);
      expect(res.json()).toMatchObject({ message: 'Resource not accessible by integration' });
    }
  });

  it('is served to Octokit with an app token', async () => {
    fake.createTeam('acme', 'release-managers', { members: [], maintainers: ['bob'] });
    const { data } = await octokitFor(fake, 'ghs_app_members').rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'release-managers', username: 'bob' });
    expect(data).toMatchObject({ role: 'maintainer', state: 'active' });
    await expect(octokitFor(fake).rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'release-managers', username: 'bob' })).rejects.toMatchObject({ status: 403 });
  });

  it('refuses teams of a personal account', () => {
    expect(() => fake.createTeam('alice', 'friends', { members: [] })).toThrow(/not an organisation/);
  });
});

describe('collaborator permission', () => {
  const permission = async (user: string, on = repo) => {
    const res = await call(fake, 'GET', `/repos/${on}/collaborators/${user}/permission`);
    return { status: res.status, body: res.json() as { permission: string; role_name: string; user: { login: string; role_name: string; permissions: Record<string, boolean> } | null; message?: string } };
  };

  it('maps each role to its legacy base permission, as GitHub does', async () => {
    const roles = [
      ['admin', 'admin'],
      ['maintain', 'write'],
      ['write', 'write'],
      ['triage', 'read'],
      ['read', 'read'],
    ] as const;
    for (const [role, base] of roles) {
      fake.setRepoPermission(repo, 'carol', role);
      const { status, body } = await permission('carol');
      expect([status, body.permission, body.role_name, body.user?.login, body.user?.role_name]).toEqual([200, base, role, 'carol', role]);
    }
    expect((await permission('carol')).body.user?.permissions).toEqual({ admin: false, maintain: false, push: false, triage: false, pull: true });
    fake.setRepoPermission(repo, 'carol', 'maintain');
    expect((await permission('carol')).body.user?.permissions).toEqual({ admin: false, maintain: true, push: true, triage: true, pull: true });
  });

  it('gives read on a public and none on a private repository to a user without a role, and 404 to an unknown login', async () => {
    expect((await permission('mallory')).body).toMatchObject({ permission: 'read', role_name: 'read' });
    fake.createRepo('acme/vault', { private: true });
    expect((await permission('mallory', 'acme/vault')).body).toMatchObject({ permission: 'none', role_name: 'none', user: { login: 'mallory' } });
    fake.setRepoPermission('acme/vault', 'erin', 'write');
    fake.removeRepoPermission('acme/vault', 'erin');
    expect((await permission('erin', 'acme/vault')).body.permission).toBe('none');
    expect(await permission('ghost-user')).toEqual({ status: 404, body: expect.objectContaining({ message: 'ghost-user is not a user' }) });
  });

  it('makes the owner of a personal repository its admin', async () => {
    fake.createRepo('alice/dotfiles');
    expect((await permission('alice', 'alice/dotfiles')).body).toMatchObject({ permission: 'admin', role_name: 'admin' });
  });

  it('needs only metadata from an app, but push access from a person', async () => {
    fake.addToken('ghs_meta', { actor: 'github-actions[bot]', kind: 'app', permissions: {} });
    expect((await call(fake, 'GET', `/repos/${repo}/collaborators/bob/permission`, { token: 'ghs_meta' })).status).toBe(200);
    fake.addToken('github_pat_erin', { actor: 'erin', kind: 'user', permissions: { metadata: 'read' } });
    const refused = await call(fake, 'GET', `/repos/${repo}/collaborators/bob/permission`, { token: 'github_pat_erin' });
    expect([refused.status, (refused.json() as { message: string }).message]).toEqual([403, 'Must have push access to view collaborator permission.']);
    fake.setRepoPermission(repo, 'erin', 'write');
    const { data } = await octokitFor(fake, 'github_pat_erin').rest.repos.getCollaboratorPermissionLevel({ owner: 'acme', repo: 'rocket', username: 'bob' });
    expect(data.permission).toBe('read');
  });
});

describe('tokens of other identities', () => {
  it('lets another app post a status that its bot then created', async () => {
    const head = fake.headSha(repo, 1);
    fake.addUser('other-app[bot]', 'Bot');
    fake.addToken('ghs_other_app', { actor: 'other-app[bot]', kind: 'app', permissions: { statuses: 'write' } });
    const res = await call(fake, 'POST', `/repos/${repo}/statuses/${head}`, { token: 'ghs_other_app', body: { state: 'success', context: 'release-readiness' } });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ context: 'release-readiness', creator: { login: 'other-app[bot]', type: 'Bot' } });
    expect(fake.statuses(repo, head).map((s) => s.creator?.login)).toEqual(['other-app[bot]']);
  });

  it('lets a person with write access edit someone else’s comment, and records who did', async () => {
    const comment = fake.addComment(repo, 1, { user: 'github-actions[bot]', body: 'Readiness: 1/3' });
    fake.addToken('github_pat_bob', { actor: 'bob', kind: 'user', permissions: { issues: 'write', pull_requests: 'write' } });
    const path = `/repos/${repo}/issues/comments/${comment.id}`;

    const refused = await call(fake, 'PATCH', path, { token: 'github_pat_bob', body: { body: 'Readiness: 3/3' } });
    expect(refused.status).toBe(403);
    expect(fake.comments(repo, 1)[0]?.body).toBe('Readiness: 1/3');

    fake.setRepoPermission(repo, 'bob', 'write');
    fake.clock.advance(60);
    const res = await call(fake, 'PATCH', path, { token: 'github_pat_bob', body: { body: 'Readiness: 3/3' } });
    expect(res.status).toBe(200);
    const edited = res.json() as { body: string; updated_at: string; user: { login: string } };
    expect(edited).toMatchObject({ body: 'Readiness: 3/3', user: { login: 'github-actions[bot]' } });
    expect(Date.parse(edited.updated_at)).toBeGreaterThan(Date.parse(comment.updated_at));
    expect(fake.commentEdits(comment.id)).toEqual([{ by: 'bob', at: edited.updated_at, previousBody: 'Readiness: 1/3' }]);
  });

  it('lets a person edit their own comment without any role, and names the token kind in a 403', async () => {
    const own = fake.addComment(repo, 1, { user: 'mallory', body: '/approve' });
    fake.addToken('github_pat_mallory', { actor: 'mallory', kind: 'user', permissions: { issues: 'write' } });
    expect((await call(fake, 'PATCH', `/repos/${repo}/issues/comments/${own.id}`, { token: 'github_pat_mallory', body: { body: '/approve please' } })).status).toBe(200);
    const head = fake.headSha(repo, 1);
    const status = await call(fake, 'POST', `/repos/${repo}/statuses/${head}`, { token: 'github_pat_mallory', body: { state: 'success' } });
    expect([status.status, (status.json() as { message: string }).message]).toEqual([403, 'Resource not accessible by personal access token']);
  });
});
