// GET /repos/{owner}/{repo}/code-scanning/alerts: alerts per ref, GitHub's
// severity semantics, page pagination, security_events, and 404 without analysis.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { sha1 } from './ids.ts';
import { createFakeGitHub, gatePermissions } from './index.ts';
import type { CodeScanningAlert, FakeGitHub } from './index.ts';
import { call, linkTo, octokitFor, seedRepo } from './test-helpers.ts';

let fake: FakeGitHub;
const token = 'ghs_security';
const path = '/repos/acme/rocket/code-scanning/alerts';
const repo = 'acme/rocket';

beforeEach(async () => {
  fake = await createFakeGitHub();
  seedRepo(fake);
  // The workflow grants `security-events: read` on top of the gate's permissions.
  fake.addToken(token, { actor: 'github-actions[bot]', permissions: { ...gatePermissions, security_events: 'read' } });
});
afterEach(async () => {
  expectNoViolations(fake);
  await fake.close();
});

async function list(query: string): Promise<CodeScanningAlert[]> {
  const res = await call(fake, 'GET', `${path}${query}`, { token });
  expect(res.status).toBe(200);
  return res.json() as CodeScanningAlert[];
}

const numbers = async (query: string): Promise<number[]> => (await list(query)).map((a) => a.number);

describe('refs', () => {
  beforeEach(() => {
    fake.addCodeScanningAlert(repo, { ref: 'main', ruleId: 'js/sql-injection', ruleSeverity: 'error', securitySeverityLevel: 'high' });
    fake.addCodeScanningAlert(repo, { ref: 'refs/pull/1/merge', ruleId: 'js/xss', ruleSeverity: 'error', securitySeverityLevel: 'medium', path: 'src/app.ts', startLine: 3 });
    fake.addCodeScanningAlert(repo, { ref: ['refs/heads/main', 'refs/pull/1/merge'], ruleId: 'js/unused-local-variable', ruleSeverity: 'note' });
  });

  it('lists the default branch’s alerts unless a ref is given, which may be a plain branch name', async () => {
    expect(await numbers('')).toEqual([3, 1]);
    expect(await numbers('?ref=main')).toEqual([3, 1]);
    expect(await numbers('?ref=refs/heads/main')).toEqual([3, 1]);
    expect(await numbers('?ref=refs/pull/1/merge')).toEqual([3, 2]);
    expect(await numbers('?ref=release/1.2')).toEqual([]);
  });

  it('reports the instance on the ref asked for, with the commit analysed there', async () => {
    const [onPull] = await list('?ref=refs/pull/1/merge&direction=asc&sort=number');
    const mergeSha = sha1(`merge ${fake.headSha(repo, 1)} into ${fake.branchSha(repo, 'main')}`);
    expect(onPull).toMatchObject({
      number: 2,
      state: 'open',
      rule: { id: 'js/xss', severity: 'error', security_severity_level: 'medium' },
      tool: { name: 'CodeQL', guid: null },
      most_recent_instance: { ref: 'refs/pull/1/merge', commit_sha: mergeSha, location: { path: 'src/app.ts', start_line: 3 } },
      html_url: 'https://github.com/acme/rocket/security/code-scanning/2',
      instances_url: `${fake.url}${path}/2/instances`,
    });
    const [both] = await list('');
    expect(both?.most_recent_instance).toMatchObject({ ref: 'refs/heads/main', commit_sha: fake.branchSha(repo, 'main') });
  });
});

describe('filters', () => {
  beforeEach(() => {
    fake.addCodeScanningAlert(repo, { ref: 'main', ruleId: 'js/sql-injection', ruleSeverity: 'error', securitySeverityLevel: 'critical' });
    fake.addCodeScanningAlert(repo, { ref: 'main', ruleId: 'js/path-injection', ruleSeverity: 'error', securitySeverityLevel: 'high', state: 'dismissed' });
    fake.addCodeScanningAlert(repo, { ref: 'main', ruleId: 'js/todo-comment', ruleSeverity: 'note', state: 'fixed' });
    fake.addCodeScanningAlert(repo, { ref: 'main', ruleId: 'semgrep.eval', ruleSeverity: 'warning', toolName: 'Semgrep' });
  });

  it('matches critical..low to the security severity and error/warning/note to the rule’s', async () => {
    expect(await numbers('?severity=critical')).toEqual([1]);
    expect(await numbers('?severity=high')).toEqual([2]);
    expect(await numbers('?severity=error')).toEqual([2, 1]);
    expect(await numbers('?severity=warning')).toEqual([4]);
    expect(await numbers('?severity=note')).toEqual([3]);
    expect(await numbers('?severity=low')).toEqual([]);
  });

  it('filters by state, closed meaning dismissed or fixed, and by tool', async () => {
    expect(await numbers('?state=open')).toEqual([4, 1]);
    expect(await numbers('?state=closed')).toEqual([3, 2]);
    expect(await numbers('?state=dismissed')).toEqual([2]);
    expect(await numbers('?tool_name=Semgrep')).toEqual([4]);
    expect(await numbers('?tool_name=CodeQL&state=open')).toEqual([1]);
    fake.setCodeScanningAlertState(repo, 1, 'fixed');
    expect(await numbers('?state=fixed&sort=updated')).toEqual([1, 3]);
    const [dismissed] = await list('?state=dismissed');
    expect(dismissed).toMatchObject({ dismissed_reason: 'false positive', dismissed_at: expect.any(String), fixed_at: null });
  });

  it('answers 422 to a severity GitHub does not know', async () => {
    expect((await call(fake, 'GET', `${path}?severity=moderate`, { token })).status).toBe(422);
    expect(fake.violations).toEqual([expect.objectContaining({ message: expect.stringContaining('severity') })]);
    fake.violations.length = 0;
  });
});

describe('pagination, permissions and availability', () => {
  it('pages by number and is followed by Octokit’s paginate', async () => {
    for (let i = 1; i <= 5; i++) fake.addCodeScanningAlert(repo, { ref: 'main', ruleId: `js/rule-${i}`, ruleSeverity: 'warning' });
    const res = await call(fake, 'GET', `${path}?per_page=2`, { token });
    expect(linkTo(res, 'next')).toBe(`${fake.url}${path}?per_page=2&page=2`);
    expect(linkTo(res, 'last')).toBe(`${fake.url}${path}?per_page=2&page=3`);
    const octokit = octokitFor(fake, token);
    const all = await octokit.paginate(octokit.rest.codeScanning.listAlertsForRepo, { owner: 'acme', repo: 'rocket', per_page: 2, state: 'open' });
    expect(all.map((a) => a.number)).toEqual([5, 4, 3, 2, 1]);
  });

  it('answers 403 security_events=read to a token without it', async () => {
    const res = await call(fake, 'GET', path);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-accepted-github-permissions')).toBe('security_events=read');
  });

  it('answers 404 "no analysis found" when code scanning never ran on the repository', async () => {
    fake.addCodeScanningAlert(repo, { ref: 'main', ruleId: 'js/xss', ruleSeverity: 'error' });
    fake.setCodeScanningEnabled(repo, false);
    const res = await call(fake, 'GET', path, { token });
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ message: 'no analysis found', status: '404' });
    const error = await octokitFor(fake, token).rest.codeScanning.listAlertsForRepo({ owner: 'acme', repo: 'rocket' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, message: expect.stringContaining('no analysis found') });
    fake.setCodeScanningEnabled(repo, true);
    expect(await numbers('')).toEqual([1]);
  });
});
