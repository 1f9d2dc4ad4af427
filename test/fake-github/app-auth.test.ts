// GitHub App authentication over real HTTP: the App's JWT (RS256, checked on
// the fake's clock with GitHub's messages), its JWT-only endpoints, and the
// installation tokens it mints, which write as <slug>[bot], share their
// installation's 5,000 requests an hour, reach only its repositories, and
// expire after an hour.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, appJwt, installationToken, useAppWorld } from './app-helpers.ts';
import { defaultAppPermissions, gatePermissions, signAppJwt } from './index.ts';
import type { FakeGitHub, RegisteredApp } from './index.ts';

let fake: FakeGitHub;
let app: RegisteredApp;
let installation: number;
let number: number;
const repo = 'acme/rocket';
useAppWorld((world) => ({ fake, app, installation, number } = world));

const bearer = (jwt: string) => `Bearer ${jwt}`;

describe('registerApp', () => {
  it('hands out what an App’s settings page does: id, client id, a PKCS#1 key, a webhook secret, a bot', () => {
    expect(app).toMatchObject({ slug: 'release-gate', name: 'Release Gate', botLogin: 'release-gate[bot]' });
    expect(app.privateKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+-----END RSA PRIVATE KEY-----\n$/);
    expect(app.clientId).toMatch(/^Iv23li[0-9a-f]{14}$/);
    expect(app.webhookSecret).toMatch(/^[0-9a-f]{40}$/);
    expect(fake.user('release-gate[bot]')).toMatchObject({ type: 'Bot', html_url: 'https://github.com/apps/release-gate' });
    expect(() => fake.registerApp({ slug: 'release-gate' })).toThrow(/already exists/);
  });
});

describe('the App’s JWT', () => {
  it('is accepted with iss as the id (number or string) or the client id, and reads the App', async () => {
    for (const iss of [app.id, String(app.id), app.clientId]) {
      const res = await api(fake, 'GET /app', bearer(appJwt(fake, app, { iss })));
      expect(res.status).toBe(200);
      expect(res.data).toMatchObject({ id: app.id, slug: 'release-gate', client_id: app.clientId, name: 'Release Gate', installations_count: 1, permissions: defaultAppPermissions, owner: { login: 'github' } });
    }
  });

  it('takes an iat up to a minute ahead of GitHub’s clock, and an exp up to ten minutes ahead', async () => {
    const now = fake.clock.epochSeconds();
    expect((await api(fake, 'GET /app', bearer(appJwt(fake, app, { iat: now + 60, exp: now + 600 })))).status).toBe(200);
  });

  const refusals: [string, (now: number, other: RegisteredApp) => string, number, string][] = [
    ['signed with another key', (now) => signAppJwt(otherKey(), { iat: now - 60, exp: now + 540, iss: app.id }), 401, 'A JSON web token could not be decoded'],
    ['naming another App (whose key did not sign it)', (now, other) => signAppJwt(app.privateKey, { iat: now - 60, exp: now + 540, iss: other.id }), 401, 'A JSON web token could not be decoded'],
    ['expired', (now) => signAppJwt(app.privateKey, { iat: now - 660, exp: now - 60, iss: app.id }), 401, "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires"],
    ['valid too long', (now) => signAppJwt(app.privateKey, { iat: now, exp: now + 601, iss: app.id }), 401, "'Expiration time' claim ('exp') is too far in the future"],
    ['issued in the future', (now) => signAppJwt(app.privateKey, { iat: now + 61, exp: now + 600, iss: app.id }), 401, "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued"],
    ['naming an App that does not exist', (now) => signAppJwt(app.privateKey, { iat: now - 60, exp: now + 540, iss: 12345 }), 404, 'Integration not found'],
    ['with an iss that is neither an id nor a client id', (now) => signAppJwt(app.privateKey, { iat: now - 60, exp: now + 540, iss: 'release-gate' }), 401, "'Issuer' claim ('iss') must be an Integer"],
    ['without iss', (now) => signAppJwt(app.privateKey, { iat: now - 60, exp: now + 540 }), 401, "Missing 'issuer' claim ('iss') in assertion"],
    ['not RS256', (now) => signAppJwt(app.privateKey, { iat: now - 60, exp: now + 540, iss: app.id }, { alg: 'HS256', typ: 'JWT' }), 401, 'A JSON web token could not be decoded'],
    ['not JSON', () => 'bm90.anNvbg.c2ln', 401, 'A JSON web token could not be decoded'],
  ];

  it.each(refusals)('is refused when %s, with GitHub’s message and GitHub’s Date', async (_case, jwt, status, message) => {
    const other = fake.registerApp({ slug: 'other-app' });
    const res = await api(fake, 'POST /app/installations/{installation_id}/access_tokens', bearer(jwt(fake.clock.epochSeconds(), other)), { installation_id: installation });
    expect(res.status).toBe(status);
    expect(res.data).toEqual({ message, documentation_url: 'https://docs.github.com/rest', status: String(status) });
    // @octokit/auth-app signs again for GitHub's time, read from this header, after an exp or iat refusal.
    expect(res.headers.date).toBe(fake.clock.now().toUTCString());
  });

  it('expires on the fake’s clock', async () => {
    const jwt = appJwt(fake, app);
    expect((await api(fake, 'GET /app', bearer(jwt))).status).toBe(200);
    fake.clock.advance(599);
    expect((await api(fake, 'GET /app', bearer(jwt))).status).toBe(200);
    fake.clock.advance(1);
    expect(await api(fake, 'GET /app', bearer(jwt))).toMatchObject({ status: 401, data: { message: expect.stringContaining("'Expiration time' claim ('exp')") } });
  });

  it('is the only credential of the JWT endpoints, and reaches nothing else', async () => {
    const token = await installationToken(fake, app, installation);
    for (const auth of [`token ${token}`, 'token ghs_gate', undefined]) {
      expect(await api(fake, 'GET /app/installations', auth)).toMatchObject({ status: 401, data: { message: 'A JSON web token could not be decoded' } });
    }
    expect(await api(fake, 'GET /repos/{owner}/{repo}', bearer(appJwt(fake, app)), { owner: 'acme', repo: 'rocket' })).toMatchObject({
      status: 403,
      data: { message: 'Resource not accessible by integration' },
    });
  });
});

describe('installations', () => {
  it('are listed, read by id and found by repository, for the App’s JWT only', async () => {
    fake.createRepo('acme/other');
    const auth = bearer(appJwt(fake, app));
    const list = await api(fake, 'GET /app/installations', auth);
    expect(list.status).toBe(200);
    expect(list.data).toEqual([
      expect.objectContaining({
        id: installation,
        app_id: app.id,
        app_slug: 'release-gate',
        client_id: app.clientId,
        account: expect.objectContaining({ login: 'acme', type: 'Organization' }),
        target_type: 'Organization',
        repository_selection: 'selected',
        permissions: defaultAppPermissions,
        access_tokens_url: `${fake.url}/app/installations/${installation}/access_tokens`,
        html_url: `https://github.com/organizations/acme/settings/installations/${installation}`,
      }),
    ]);
    expect((await api(fake, 'GET /app/installations/{installation_id}', auth, { installation_id: installation })).data).toEqual((list.data as unknown[])[0]);
    expect((await api(fake, 'GET /repos/{owner}/{repo}/installation', auth, { owner: 'acme', repo: 'rocket' })).data).toMatchObject({ id: installation });
    // Installed on acme/rocket only: acme/other is not covered, until the App is installed on all of acme.
    expect((await api(fake, 'GET /repos/{owner}/{repo}/installation', auth, { owner: 'acme', repo: 'other' })).status).toBe(404);
    expect(fake.installApp(app.id, 'acme')).toBe(installation);
    expect((await api(fake, 'GET /repos/{owner}/{repo}/installation', auth, { owner: 'acme', repo: 'other' })).data).toMatchObject({ id: installation, repository_selection: 'all' });
    // Another App sees none of them.
    const other = fake.registerApp({ slug: 'other-app' });
    expect((await api(fake, 'GET /app/installations/{installation_id}', bearer(appJwt(fake, other)), { installation_id: installation })).status).toBe(404);
  });
});

describe('an installation token', () => {
  it('is minted for an hour with the installation’s permissions, and writes as the App’s bot', async () => {
    const minted = await api(fake, 'POST /app/installations/{installation_id}/access_tokens', bearer(appJwt(fake, app)), { installation_id: installation });
    expect(minted.status).toBe(201);
    const expiresAt = new Date(fake.clock.now().getTime() + 3_600_000).toISOString().replace('.000', '');
    expect(minted.data).toEqual({ token: expect.stringMatching(/^ghs_[A-Za-z0-9]{36}$/), expires_at: expiresAt, permissions: defaultAppPermissions, repository_selection: 'selected' });
    const auth = `token ${(minted.data as { token: string }).token}`;

    const comment = await api(fake, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', auth, { owner: 'acme', repo: 'rocket', issue_number: number, body: 'Release readiness: 3 of 4' });
    expect(comment.status).toBe(201);
    expect(comment.data).toMatchObject({ user: { login: 'release-gate[bot]', type: 'Bot' }, performed_via_github_app: { id: app.id, slug: 'release-gate', client_id: app.clientId } });
    const commentId = (comment.data as { id: number }).id;
    const reaction = await api(fake, 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', auth, { owner: 'acme', repo: 'rocket', comment_id: commentId, content: 'rocket' });
    expect(reaction).toMatchObject({ status: 201, data: { user: { login: 'release-gate[bot]' } } });
    const sha = fake.headSha(repo, number);
    const status = await api(fake, 'POST /repos/{owner}/{repo}/statuses/{sha}', auth, { owner: 'acme', repo: 'rocket', sha, state: 'pending', context: 'release-readiness' });
    expect(status).toMatchObject({ status: 201, data: { creator: { login: 'release-gate[bot]' } } });
    expect(fake.comments(repo, number).map((c) => c.user?.login)).toEqual(['release-gate[bot]']);
    expect(fake.statuses(repo, sha)[0]?.creator?.login).toBe('release-gate[bot]');

    const repos = await api(fake, 'GET /installation/repositories', auth);
    expect(repos.data).toMatchObject({ total_count: 1, repository_selection: 'selected', repositories: [{ full_name: 'acme/rocket' }] });
  });

  it('shares its installation’s 5,000 requests an hour with the installation’s other tokens', async () => {
    const [first, second] = [await installationToken(fake, app, installation), await installationToken(fake, app, installation)];
    const a = await api(fake, 'GET /repos/{owner}/{repo}', `token ${first}`, { owner: 'acme', repo: 'rocket' });
    const b = await api(fake, 'GET /repos/{owner}/{repo}', `token ${second}`, { owner: 'acme', repo: 'rocket' });
    expect([a.headers['x-ratelimit-limit'], a.headers['x-ratelimit-used'], b.headers['x-ratelimit-used']]).toEqual(['5000', '1', '2']);
    expect(fake.rateLimit(first)).toMatchObject({ limit: 5000, used: 2, remaining: 4998 });
    // The gate's GITHUB_TOKEN keeps its own hour.
    expect(fake.rateLimit()).toMatchObject({ limit: 1000, used: 0 });
  });

  it('is refused once its hour is over', async () => {
    const token = await installationToken(fake, app, installation);
    fake.clock.advance(3599);
    expect((await api(fake, 'GET /repos/{owner}/{repo}', `token ${token}`, { owner: 'acme', repo: 'rocket' })).status).toBe(200);
    fake.clock.advance(1);
    expect(await api(fake, 'GET /repos/{owner}/{repo}', `token ${token}`, { owner: 'acme', repo: 'rocket' })).toMatchObject({ status: 401, data: { message: 'Bad credentials' } });
  });

  it('can be narrowed to fewer repositories and permissions, never widened', async () => {
    fake.createRepo('acme/other');
    fake.installApp(app.id, 'acme/other');
    const narrow = await api(fake, 'POST /app/installations/{installation_id}/access_tokens', bearer(appJwt(fake, app)), {
      installation_id: installation,
      repositories: ['rocket'],
      permissions: { issues: 'read', metadata: 'read' },
    });
    expect(narrow.data).toMatchObject({ permissions: { issues: 'read', metadata: 'read' }, repository_selection: 'selected', repositories: [{ full_name: 'acme/rocket' }] });
    const auth = `token ${(narrow.data as { token: string }).token}`;
    const refused = await api(fake, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', auth, { owner: 'acme', repo: 'rocket', issue_number: number, body: 'hi' });
    expect(refused).toMatchObject({ status: 403, data: { message: 'Resource not accessible by integration' }, headers: { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' } });
    expect((await api(fake, 'GET /installation/repositories', auth)).data).toMatchObject({ total_count: 1, repositories: [{ full_name: 'acme/rocket' }] });

    const mint = (body: Record<string, unknown>) => api(fake, 'POST /app/installations/{installation_id}/access_tokens', bearer(appJwt(fake, app)), { installation_id: installation, ...body });
    expect(await mint({ repositories: ['rocket', 'elsewhere'] })).toMatchObject({
      status: 422,
      data: { message: 'There is at least one repository that does not exist or is not accessible to the parent installation.' },
    });
    expect(await mint({ permissions: { administration: 'write' } })).toMatchObject({ status: 422, data: { message: 'The permissions requested are not granted to this installation.' } });
    expect(await mint({ permissions: { contents: 'write' } })).toMatchObject({ status: 422 });
    expect(fake.violations.splice(0).map((v) => v.kind)).toEqual(['request', 'request', 'request']);
  });

  it('reaches only its installation’s repositories: another public one read-only, a private one not at all', async () => {
    fake.createRepo('acme/public-lib');
    fake.createRepo('acme/secret', { private: true });
    const auth = `token ${await installationToken(fake, app, installation)}`;
    expect((await api(fake, 'GET /repos/{owner}/{repo}', auth, { owner: 'acme', repo: 'public-lib' })).status).toBe(200);
    const write = await api(fake, 'POST /repos/{owner}/{repo}/statuses/{sha}', auth, { owner: 'acme', repo: 'public-lib', sha: fake.branchSha('acme/public-lib', 'main'), state: 'success', context: 'x' });
    expect(write).toMatchObject({ status: 403, data: { message: 'Resource not accessible by integration' } });
    expect((await api(fake, 'GET /repos/{owner}/{repo}', auth, { owner: 'acme', repo: 'secret' })).status).toBe(404);
    // Tokens made with addToken() keep reaching every repository.
    fake.addToken('ghs_other', { actor: 'github-actions[bot]', permissions: gatePermissions });
    expect((await api(fake, 'GET /repos/{owner}/{repo}', 'token ghs_other', { owner: 'acme', repo: 'secret' })).status).toBe(200);
  });
});

function otherKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).privateKey;
}
