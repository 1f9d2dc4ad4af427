// Custom deployment protection rules over real HTTP: a run waits on the App's
// rule, the App receives deployment_protection_rule (as the description's
// webhook schema has it), then reports and decides through the callback URL
// with an installation token; nobody else may, and a decision is final.
import { describe, expect, it } from 'vitest';
import { api, installationToken, useAppWorld } from './app-helpers.ts';
import type { Receiver } from './app-helpers.ts';
import { gatePermissions } from './index.ts';
import type { DeploymentProtectionRuleRequested, FakeGitHub, RegisteredApp } from './index.ts';

let fake: FakeGitHub;
let app: RegisteredApp;
let installation: number;
let receiver: Receiver;
let number: number;
let head: string;
useAppWorld((world) => ({ fake, app, installation, receiver, number, head } = world));
const repo = 'acme/rocket';
const r = { owner: 'acme', repo: 'rocket' };
const route = 'POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule';

/** What an App reads from the callback URL: the run it reviews. */
function runOf(event: DeploymentProtectionRuleRequested): number {
  return Number(/\/actions\/runs\/(\d+)\/deployment_protection_rule$/.exec(event.deployment_callback_url ?? '')?.[1]);
}

function requestProduction(): DeploymentProtectionRuleRequested {
  return fake.requestDeploymentProtection(repo, { appId: app.id, environment: 'production', sha: head, ref: 'release/1.2', event: 'pull_request' });
}

describe('a custom deployment protection rule', () => {
  it('is requested, delivered as the schema has it, reported on and approved by the App’s bot', async () => {
    const event = requestProduction();
    const run = runOf(event);
    const [deployment] = fake.deployments(repo);
    expect(event).toMatchObject({
      action: 'requested',
      environment: 'production',
      event: 'pull_request',
      sha: head,
      ref: 'release/1.2',
      deployment_callback_url: `${fake.url}/repos/acme/rocket/actions/runs/${run}/deployment_protection_rule`,
      deployment: { id: deployment?.id, sha: head, ref: 'release/1.2', environment: 'production', creator: { login: 'alice' } },
      pull_requests: [{ number, head: { sha: head } }],
      repository: { full_name: repo },
      organization: { login: 'acme' },
      installation: { id: installation },
      sender: { login: 'alice' },
    });
    expect(fake.deploymentProtectionStatus(repo, run)).toBe('waiting');

    // Delivered, signed, and valid against webhook-deployment-protection-rule-requested (no violation).
    expect((await fake.deliver(app.id, 'deployment_protection_rule', event)).status).toBe(202);
    const delivered = JSON.parse(receiver.received[0]!.body.toString('utf8')) as DeploymentProtectionRuleRequested;
    expect(delivered.installation?.id).toBe(installation);

    // The App mints a token for the payload's installation and answers through the callback URL.
    const auth = `token ${await installationToken(fake, app, delivered.installation!.id, { repository_ids: [delivered.repository.id], permissions: { deployments: 'write' } })}`;
    const note = await api(fake, route, auth, { ...r, run_id: run, environment_name: 'production', comment: 'Checking the release checklist: 3 of 4' });
    expect(note).toMatchObject({ status: 204, data: '' });
    expect(fake.deploymentProtectionStatus(repo, run)).toBe('waiting');
    expect((await api(fake, route, auth, { ...r, run_id: run, environment_name: 'production', state: 'approved', comment: 'All 4 ready' })).status).toBe(204);

    const reviews = fake.deploymentProtectionReviews(repo, run);
    expect(reviews).toEqual([
      { environment: 'production', state: null, comment: 'Checking the release checklist: 3 of 4', author: 'release-gate[bot]', at: expect.any(String) },
      { environment: 'production', state: 'approved', comment: 'All 4 ready', author: 'release-gate[bot]', at: expect.any(String) },
    ]);
    expect(Date.parse(reviews[1]!.at)).toBeGreaterThan(Date.parse(reviews[0]!.at));
    expect(fake.deploymentProtectionStatus(repo, run)).toBe('approved');
  });

  it('is decided once: a second decision, or a report after it, is 422', async () => {
    const run = runOf(requestProduction());
    const auth = `token ${await installationToken(fake, app, installation)}`;
    expect((await api(fake, route, auth, { ...r, run_id: run, environment_name: 'production', state: 'rejected', comment: 'Rollback plan missing' })).status).toBe(204);
    for (const body of [{ state: 'approved' }, { state: 'rejected' }, { comment: 'Still here' }]) {
      const again = await api(fake, route, auth, { ...r, run_id: run, environment_name: 'production', ...body });
      expect(again).toMatchObject({ status: 422, data: { message: 'The deployment protection rule for environment production was already rejected' } });
    }
    expect(fake.violations.splice(0)).toHaveLength(3);
    expect(fake.deploymentProtectionReviews(repo, run).map((review) => review.state)).toEqual(['rejected']);
    expect(fake.deploymentProtectionStatus(repo, run)).toBe('rejected');
  });

  it('takes at most 10 status reports of at most 1,024 characters, for its own environment', async () => {
    const run = runOf(requestProduction());
    const auth = `token ${await installationToken(fake, app, installation)}`;
    const report = (comment: string, environment_name = 'production') => api(fake, route, auth, { ...r, run_id: run, environment_name, comment });
    expect((await report('x'.repeat(1025))).status).toBe(422);
    expect((await report('ready?', 'staging')).status).toBe(422);
    for (let i = 1; i <= 10; i++) expect((await report(`${i} of 10`.padEnd(1024, '.'))).status).toBe(204);
    expect((await report('11 of 10')).status).toBe(422);
    expect(fake.violations.splice(0)).toHaveLength(3);
    expect((await api(fake, route, auth, { ...r, run_id: run, environment_name: 'production', state: 'approved' })).status).toBe(204);
    expect(fake.deploymentProtectionReviews(repo, run)).toHaveLength(11);
  });

  it('is reviewed only by its own App’s installation token: 403 for anyone else', async () => {
    const run = runOf(requestProduction());
    const body = { ...r, run_id: run, environment_name: 'production', state: 'approved' };
    const other = fake.registerApp({ slug: 'other-gate' });
    const otherInstallation = fake.installApp(other.id, 'acme');
    const forbidden = { status: 403, data: { message: 'Resource not accessible by integration' } };
    expect(await api(fake, route, `token ${await installationToken(fake, other, otherInstallation)}`, body)).toMatchObject(forbidden);
    // A workflow's GITHUB_TOKEN, even one allowed to write deployments, is github-actions' not the rule's App's.
    fake.addToken('ghs_deployer', { actor: 'github-actions[bot]', permissions: { ...gatePermissions, deployments: 'write' } });
    expect(await api(fake, route, 'token ghs_deployer', body)).toMatchObject(forbidden);
    fake.addToken('github_pat_alice', { actor: 'alice', permissions: { deployments: 'write' }, kind: 'user' });
    expect(await api(fake, route, 'token github_pat_alice', body)).toMatchObject({ status: 403, data: { message: 'Resource not accessible by personal access token' } });
    // The rule's own App needs deployments: write; its JWT is no installation.
    const readOnly = await installationToken(fake, app, installation, { permissions: { deployments: 'read' } });
    expect(await api(fake, route, `token ${readOnly}`, body)).toMatchObject({ ...forbidden, headers: { 'x-accepted-github-permissions': 'deployments=write' } });
    expect(fake.deploymentProtectionReviews(repo, run)).toEqual([]);
    expect(fake.deploymentProtectionStatus(repo, run)).toBe('waiting');
    // An unknown run is not found.
    const auth = `token ${await installationToken(fake, app, installation)}`;
    expect((await api(fake, route, auth, { ...body, run_id: run + 1 })).status).toBe(404);
  });

  it('needs the App installed on the repository and subscribed to deployment_protection_rule', () => {
    const stranger = fake.registerApp({ slug: 'stranger' });
    expect(() => fake.requestDeploymentProtection(repo, { appId: stranger.id, environment: 'production', sha: head, ref: 'main' })).toThrow(/not installed/);
    const deaf = fake.registerApp({ slug: 'deaf', events: ['push'] });
    fake.installApp(deaf.id, repo);
    expect(() => fake.requestDeploymentProtection(repo, { appId: deaf.id, environment: 'production', sha: head, ref: 'main' })).toThrow(/deployment_protection_rule/);
  });
});
