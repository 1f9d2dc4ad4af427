// GET /repos/{owner}/{repo}/secret-scanning/alerts: filters, page and cursor
// pagination, and the rule that a workflow's GITHUB_TOKEN can never read them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { createFakeGitHub } from './index.ts';
import type { FakeGitHub, SecretScanningAlert } from './index.ts';
import { call, linkTo, octokitFor, seedRepo } from './test-helpers.ts';

let fake: FakeGitHub;
const app = 'ghs_app_installation';
const path = '/repos/acme/rocket/secret-scanning/alerts';

beforeEach(async () => {
  fake = await createFakeGitHub();
  seedRepo(fake);
  fake.addUser('readiness-app[bot]', 'Bot');
  fake.addToken(app, { actor: 'readiness-app[bot]', permissions: { contents: 'read', secret_scanning_alerts: 'read' }, kind: 'app' });
});
afterEach(async () => {
  expectNoViolations(fake);
  await fake.close();
});

async function numbers(query: string): Promise<number[]> {
  const res = await call(fake, 'GET', `${path}${query}`, { token: app });
  expect(res.status).toBe(200);
  return (res.json() as SecretScanningAlert[]).map((a) => a.number ?? 0);
}

describe('who may read them', () => {
  it('answers 403 to any GITHUB_TOKEN, even one whose permissions name secret_scanning_alerts', async () => {
    fake.addSecretScanningAlert('acme/rocket', { secretType: 'github_personal_access_token' });
    fake.addToken('ghs_workflow', { actor: 'github-actions[bot]', permissions: { secret_scanning_alerts: 'read', contents: 'read' }, kind: 'github-token' });
    for (const token of ['ghs_gate', 'ghs_workflow']) {
      const res = await call(fake, 'GET', path, { token });
      expect(res.status).toBe(403);
      expect(res.headers.get('x-accepted-github-permissions')).toBe('secret_scanning_alerts=read');
      expect(res.json()).toMatchObject({ message: 'Resource not accessible by integration' });
    }
  });

  it('takes github-actions[bot] to mean a GITHUB_TOKEN when no kind is given', async () => {
    fake.addToken('ghs_implicit', { actor: 'github-actions[bot]', permissions: { secret_scanning_alerts: 'read' } });
    expect((await call(fake, 'GET', path, { token: 'ghs_implicit' })).status).toBe(403);
  });

  it('serves an app installation token with secret_scanning_alerts: read, and refuses one without', async () => {
    expect((await call(fake, 'GET', path, { token: app })).status).toBe(200);
    fake.addToken('ghs_app_no_secrets', { actor: 'readiness-app[bot]', permissions: { contents: 'read' } });
    const res = await call(fake, 'GET', path, { token: 'ghs_app_no_secrets' });
    expect([res.status, res.headers.get('x-accepted-github-permissions')]).toEqual([403, 'secret_scanning_alerts=read']);
  });
});

describe('filters', () => {
  beforeEach(() => {
    fake.addSecretScanningAlert('acme/rocket', { secretType: 'github_personal_access_token' });
    fake.addSecretScanningAlert('acme/rocket', { secretType: 'aws_access_key_id', resolution: 'revoked', resolvedBy: 'alice' });
    fake.addSecretScanningAlert('acme/rocket', { secretType: 'slack_api_token', resolution: 'false_positive' });
    fake.addSecretScanningAlert('acme/rocket', { secretType: 'github_personal_access_token', secretTypeDisplayName: 'Fine-grained PAT' });
  });

  it('filters by state, secret types and resolutions, newest first', async () => {
    expect(await numbers('')).toEqual([4, 3, 2, 1]);
    expect(await numbers('?state=open')).toEqual([4, 1]);
    expect(await numbers('?state=resolved&direction=asc')).toEqual([2, 3]);
    expect(await numbers('?secret_type=aws_access_key_id,slack_api_token')).toEqual([3, 2]);
    expect(await numbers('?exclude_secret_types=github_personal_access_token')).toEqual([3, 2]);
    expect(await numbers('?resolution=revoked,wont_fix')).toEqual([2]);
    fake.setSecretScanningAlertState('acme/rocket', 1, 'resolved', { resolution: 'used_in_tests' });
    expect(await numbers('?sort=updated')).toEqual([1, 4, 3, 2]);
  });

  it('renders the type, the provider, the resolution and the secret unless hidden', async () => {
    const [revoked] = (await call(fake, 'GET', `${path}?resolution=revoked`, { token: app })).json() as SecretScanningAlert[];
    expect(revoked).toMatchObject({
      number: 2,
      state: 'resolved',
      resolution: 'revoked',
      resolved_by: { login: 'alice' },
      secret_type: 'aws_access_key_id',
      secret_type_display_name: 'AWS Access Key ID',
      provider: 'Amazon AWS',
      html_url: 'https://github.com/acme/rocket/security/secret-scanning/2',
      locations_url: `${fake.url}${path}/2/locations`,
    });
    expect(revoked?.secret).toMatch(/^AKIA[0-9A-F]{16}$/);
    const hidden = (await call(fake, 'GET', `${path}?hide_secret=true`, { token: app })).json() as SecretScanningAlert[];
    expect(hidden.every((a) => !('secret' in a))).toBe(true);
    expect(hidden[0]?.secret_type_display_name).toBe('Fine-grained PAT');
  });

  it('answers 422 to an unknown resolution', async () => {
    expect((await call(fake, 'GET', `${path}?resolution=fixed`, { token: app })).status).toBe(422);
    expect(fake.violations).toHaveLength(1);
    fake.violations.length = 0;
  });

  it('refuses inconsistent alerts in the world API', () => {
    expect(() => fake.addSecretScanningAlert('acme/rocket', { secretType: 'x', state: 'resolved' })).toThrow(/needs a resolution/);
    expect(() => fake.addSecretScanningAlert('acme/rocket', { secretType: 'x', state: 'open', resolution: 'revoked' })).toThrow(/cannot have/);
  });
});

describe('pagination', () => {
  beforeEach(() => {
    for (let i = 1; i <= 5; i++) fake.addSecretScanningAlert('acme/rocket', { secretType: 'github_personal_access_token' });
  });

  it('pages by number, with first and last links, by default', async () => {
    const res = await call(fake, 'GET', `${path}?per_page=2&page=2`, { token: app });
    expect((res.json() as SecretScanningAlert[]).map((a) => a.number)).toEqual([3, 2]);
    expect(linkTo(res, 'last')).toBe(`${fake.url}${path}?per_page=2&page=3`);
    expect(linkTo(res, 'first')).toBe(`${fake.url}${path}?per_page=2&page=1`);
  });

  it('switches to cursors when asked with an empty `after`', async () => {
    const first = await call(fake, 'GET', `${path}?per_page=2&after=`, { token: app });
    expect((first.json() as SecretScanningAlert[]).map((a) => a.number)).toEqual([5, 4]);
    expect(linkTo(first, 'next')).toMatch(/[?&]after=[^&]+$/);
    expect(first.headers.get('link')).not.toContain('rel="last"');
    const second = await call(fake, 'GET', linkTo(first, 'next')!.slice(fake.url.length), { token: app });
    expect((second.json() as SecretScanningAlert[]).map((a) => a.number)).toEqual([3, 2]);
  });

  it('is followed by Octokit’s paginate either way', async () => {
    const octokit = octokitFor(fake, app);
    const byPage = await octokit.paginate(octokit.rest.secretScanning.listAlertsForRepo, { owner: 'acme', repo: 'rocket', per_page: 2 });
    expect(byPage.map((a) => a.number)).toEqual([5, 4, 3, 2, 1]);
    const byCursor = await octokit.paginate(octokit.rest.secretScanning.listAlertsForRepo, { owner: 'acme', repo: 'rocket', per_page: 2, after: '' });
    expect(byCursor.map((a) => a.number)).toEqual([5, 4, 3, 2, 1]);
    expect(fake.requests.filter((r) => r.path === path).map((r) => Object.keys(r.query).filter((k) => k === 'page' || k === 'after'))).toEqual([
      [],
      ['page'],
      ['page'],
      ['after'],
      ['after'],
      ['after'],
    ]);
  });
});
