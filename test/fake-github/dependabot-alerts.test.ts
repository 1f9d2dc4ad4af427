// GET /repos/{owner}/{repo}/dependabot/alerts: filters, cursor pagination
// (the only kind GitHub still serves there) and the vulnerability_alerts permission.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { createFakeGitHub, gatePermissions } from './index.ts';
import type { DependabotAlert, FakeGitHub } from './index.ts';
import { call, linkTo, octokitFor, seedRepo } from './test-helpers.ts';

let fake: FakeGitHub;
const token = 'ghs_vuln';
const path = '/repos/acme/rocket/dependabot/alerts';

beforeEach(async () => {
  fake = await createFakeGitHub();
  seedRepo(fake);
  // A GITHUB_TOKEN whose workflow also grants `vulnerability-alerts: read`.
  fake.addToken(token, { actor: 'github-actions[bot]', permissions: { ...gatePermissions, vulnerability_alerts: 'read' } });
});
afterEach(async () => {
  expectNoViolations(fake);
  await fake.close();
});

async function numbers(query: string): Promise<number[]> {
  const res = await call(fake, 'GET', `${path}${query}`, { token });
  expect(res.status).toBe(200);
  return (res.json() as DependabotAlert[]).map((a) => a.number);
}

describe('filters and sorting', () => {
  beforeEach(() => {
    fake.addDependabotAlert('acme/rocket', { severity: 'high', packageName: 'lodash' });
    fake.addDependabotAlert('acme/rocket', { severity: 'critical', packageName: 'minimist', scope: 'development' });
    fake.addDependabotAlert('acme/rocket', { severity: 'medium', packageName: 'django', ecosystem: 'pip' });
    fake.addDependabotAlert('acme/rocket', { severity: 'low', packageName: 'lodash', state: 'fixed' });
    fake.setDependabotAlertState('acme/rocket', 3, 'dismissed', { by: 'alice', reason: 'not_used' });
  });

  it('lists every state, newest first, by default', async () => {
    expect(await numbers('')).toEqual([4, 3, 2, 1]);
  });

  it('filters by comma lists of state, severity, ecosystem and package, and by scope', async () => {
    expect(await numbers('?state=open')).toEqual([2, 1]);
    expect(await numbers('?state=open,dismissed')).toEqual([3, 2, 1]);
    expect(await numbers('?severity=high,critical')).toEqual([2, 1]);
    expect(await numbers('?ecosystem=pip')).toEqual([3]);
    expect(await numbers('?package=lodash,django')).toEqual([4, 3, 1]);
    expect(await numbers('?scope=development')).toEqual([2]);
    expect(await numbers('?state=open&severity=high')).toEqual([1]);
  });

  it('sorts by creation or by last state change, either way', async () => {
    expect(await numbers('?direction=asc')).toEqual([1, 2, 3, 4]);
    expect(await numbers('?sort=updated&direction=asc')).toEqual([1, 2, 4, 3]);
    expect(await numbers('?sort=updated')).toEqual([3, 4, 2, 1]);
  });

  it('renders the dependency, the advisory and the state change', async () => {
    const [dismissed] = (await call(fake, 'GET', `${path}?state=dismissed`, { token })).json() as DependabotAlert[];
    expect(dismissed).toMatchObject({
      number: 3,
      state: 'dismissed',
      dependency: { package: { ecosystem: 'pip', name: 'django' }, manifest_path: 'requirements.txt', scope: 'runtime' },
      security_vulnerability: { severity: 'medium', first_patched_version: { identifier: '2.0.0' } },
      security_advisory: { severity: 'medium', cvss: { score: 5.3 } },
      dismissed_reason: 'not_used',
      dismissed_by: { login: 'alice' },
      fixed_at: null,
      html_url: 'https://github.com/acme/rocket/security/dependabot/3',
      url: `${fake.url}${path}/3`,
    });
    expect(dismissed?.security_advisory.ghsa_id).toMatch(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/);
    expect(Date.parse(dismissed?.dismissed_at ?? '')).toBeGreaterThan(Date.parse(dismissed?.created_at ?? ''));
    expect(fake.dependabotAlerts('acme/rocket')[3]).toMatchObject({ state: 'fixed', fixed_at: expect.any(String) });
  });

  it('answers 422 to a state GitHub does not know', async () => {
    const res = await call(fake, 'GET', `${path}?state=open,closed`, { token });
    expect(res.status).toBe(422);
    expect(fake.violations).toEqual([expect.objectContaining({ kind: 'request', message: expect.stringContaining('"closed"') })]);
    fake.violations.length = 0;
  });
});

describe('cursor pagination', () => {
  beforeEach(() => {
    for (let i = 1; i <= 7; i++) fake.addDependabotAlert('acme/rocket', { severity: 'high', packageName: `pkg-${i}` });
  });

  it('links rel="next" and rel="prev" with after/before cursors, and no last page', async () => {
    const first = await call(fake, 'GET', `${path}?per_page=3`, { token });
    expect((first.json() as DependabotAlert[]).map((a) => a.number)).toEqual([7, 6, 5]);
    const next = linkTo(first, 'next');
    expect(next).toMatch(new RegExp(`^${fake.url}${path}\\?per_page=3&after=[A-Za-z0-9%]+$`));
    expect(linkTo(first, 'prev')).toBeUndefined();
    expect(first.headers.get('link')).not.toMatch(/rel="(last|first)"|[?&]page=/);

    const second = await call(fake, 'GET', next!.slice(fake.url.length), { token });
    expect((second.json() as DependabotAlert[]).map((a) => a.number)).toEqual([4, 3, 2]);
    const third = await call(fake, 'GET', linkTo(second, 'next')!.slice(fake.url.length), { token });
    expect((third.json() as DependabotAlert[]).map((a) => a.number)).toEqual([1]);
    expect(linkTo(third, 'next')).toBeUndefined();

    const back = await call(fake, 'GET', linkTo(third, 'prev')!.slice(fake.url.length), { token });
    expect(linkTo(third, 'prev')).toContain('before=');
    expect((back.json() as DependabotAlert[]).map((a) => a.number)).toEqual([4, 3, 2]);
  });

  it('neither skips nor repeats an alert whose state changes between pages', async () => {
    const first = await call(fake, 'GET', `${path}?state=open&per_page=2`, { token });
    expect((first.json() as DependabotAlert[]).map((a) => a.number)).toEqual([7, 6]);
    fake.setDependabotAlertState('acme/rocket', 7, 'fixed');
    const second = await call(fake, 'GET', linkTo(first, 'next')!.slice(fake.url.length), { token });
    expect((second.json() as DependabotAlert[]).map((a) => a.number)).toEqual([5, 4]);
  });

  it('is followed by Octokit’s paginate', async () => {
    const octokit = octokitFor(fake, token);
    const all = await octokit.paginate(octokit.rest.dependabot.listAlertsForRepo, { owner: 'acme', repo: 'rocket', per_page: 2 });
    expect(all.map((a) => a.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(fake.requests.filter((r) => r.path === path)).toHaveLength(4);
  });

  it('answers 400 to `page`, as GitHub has since October 2025', async () => {
    const res = await call(fake, 'GET', `${path}?page=1`, { token });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ message: 'Pagination using the `page` parameter is not supported.', status: '400' });
    expect(fake.violations).toEqual([expect.objectContaining({ kind: 'request', message: expect.stringContaining('`page`') })]);
    fake.violations.length = 0;
  });

  it('answers 400 to a cursor it did not issue', async () => {
    expect((await call(fake, 'GET', `${path}?after=bm90LWEtY3Vyc29y`, { token })).status).toBe(400);
    expect(fake.violations).toHaveLength(1);
    fake.violations.length = 0;
  });
});

describe('permissions', () => {
  it('answers 403 vulnerability_alerts=read to the gate’s default GITHUB_TOKEN', async () => {
    fake.addDependabotAlert('acme/rocket', { severity: 'high', packageName: 'lodash' });
    const res = await call(fake, 'GET', path);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-accepted-github-permissions')).toBe('vulnerability_alerts=read');
    const error = await octokitFor(fake).rest.dependabot.listAlertsForRepo({ owner: 'acme', repo: 'rocket' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, response: { headers: { 'x-accepted-github-permissions': 'vulnerability_alerts=read' } } });
  });

  it('serves an app installation token granted vulnerability_alerts', async () => {
    fake.addUser('readiness-app[bot]', 'Bot');
    fake.addToken('ghs_app', { actor: 'readiness-app[bot]', permissions: { vulnerability_alerts: 'read' }, kind: 'app' });
    expect((await call(fake, 'GET', path, { token: 'ghs_app' })).status).toBe(200);
  });
});
