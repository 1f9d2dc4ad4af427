// Deployments and their statuses over HTTP: filters, pagination, newest-first
// order, auto_inactive, creating both as the token's actor, and the
// deployments permission the gate's GITHUB_TOKEN does not hold by default.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { createFakeGitHub, gatePermissions } from './index.ts';
import type { Deployment, DeploymentStatus, FakeGitHub } from './index.ts';
import { call, linkTo, octokitFor, seedRepo } from './test-helpers.ts';

let fake: FakeGitHub;
let head: string;
let base: string;
const repo = 'acme/rocket';
const r = { owner: 'acme', repo: 'rocket' };
const path = '/repos/acme/rocket/deployments';
const reader = 'ghs_deploy_read';
const writer = 'ghs_deploy_write';
const bot = 'github-actions[bot]';

beforeEach(async () => {
  fake = await createFakeGitHub();
  head = seedRepo(fake).head;
  base = fake.branchSha(repo, 'main');
  // GITHUB_TOKENs whose workflow also grants `deployments: read` / `write`.
  fake.addToken(reader, { actor: bot, permissions: { ...gatePermissions, deployments: 'read' } });
  fake.addToken(writer, { actor: bot, permissions: { ...gatePermissions, deployments: 'write' } });
});
afterEach(async () => {
  expectNoViolations(fake);
  await fake.close();
});

async function list(query: string, token = reader): Promise<Deployment[]> {
  const res = await call(fake, 'GET', `${path}${query}`, { token });
  expect(res.status).toBe(200);
  return res.json() as Deployment[];
}

describe('listing deployments', () => {
  let ids: number[];
  beforeEach(() => {
    ids = [
      fake.addDeployment(repo, { sha: base, environment: 'production', creator: 'alice' }),
      fake.addDeployment(repo, { ref: 'release/1.2', environment: 'staging', creator: bot, task: 'deploy:migrations' }),
      fake.addDeployment(repo, { sha: head, environment: 'production', creator: bot, description: 'Release 1.2', payload: { version: '1.2.0' } }),
    ];
  });

  it('lists newest first and renders what was recorded', async () => {
    const all = await list('');
    expect(all.map((d) => d.id)).toEqual([...ids].reverse());
    expect(all[0]).toMatchObject({
      id: ids[2],
      sha: head,
      ref: head,
      task: 'deploy',
      environment: 'production',
      original_environment: 'production',
      description: 'Release 1.2',
      payload: { version: '1.2.0' },
      creator: { login: bot, type: 'Bot' },
      transient_environment: false,
      production_environment: true,
      performed_via_github_app: null,
      url: `${fake.url}${path}/${ids[2]}`,
      statuses_url: `${fake.url}${path}/${ids[2]}/statuses`,
      repository_url: `${fake.url}/repos/acme/rocket`,
    });
    expect(all[1]).toMatchObject({ ref: 'release/1.2', sha: head, production_environment: false, description: null, payload: {} });
    expect(all.map((d) => d.created_at)).toEqual([...all.map((d) => d.created_at)].sort().reverse());
    expect(fake.deployments(repo)).toEqual(all);
  });

  it('filters by sha, ref, task and environment, exactly and together', async () => {
    const octokit = octokitFor(fake, reader);
    const bySha = (await octokit.rest.repos.listDeployments({ ...r, sha: head, environment: 'production' })).data;
    expect(bySha.map((d) => d.id)).toEqual([ids[2]]);
    expect((await list(`?sha=${head}`)).map((d) => d.id)).toEqual([ids[2], ids[1]]);
    expect((await list('?environment=staging')).map((d) => d.id)).toEqual([ids[1]]);
    expect((await list('?ref=release/1.2')).map((d) => d.id)).toEqual([ids[1]]);
    expect((await list('?task=deploy:migrations')).map((d) => d.id)).toEqual([ids[1]]);
    expect(await list(`?sha=${head.slice(0, 7)}`)).toEqual([]);
    expect(await list('?environment=Production')).toEqual([]);
  });

  it('gets one deployment, and 404 for one of another repository', async () => {
    expect((await octokitFor(fake, reader).rest.repos.getDeployment({ ...r, deployment_id: ids[0]! })).data).toMatchObject({ id: ids[0], sha: base, creator: { login: 'alice' } });
    fake.createRepo('acme/other');
    expect((await call(fake, 'GET', `/repos/acme/other/deployments/${ids[0]}`, { token: reader })).status).toBe(404);
  });
});

describe('pagination', () => {
  beforeEach(() => {
    for (let i = 0; i < 7; i++) fake.addDeployment(repo, { sha: head, environment: `preview-${i}`, creator: bot, transient_environment: true });
  });

  it('pages by number with a Link header, and Octokit follows it', async () => {
    const first = await call(fake, 'GET', `${path}?per_page=3`, { token: reader });
    expect((first.json() as Deployment[]).map((d) => d.environment)).toEqual(['preview-6', 'preview-5', 'preview-4']);
    expect(linkTo(first, 'next')).toBe(`${fake.url}${path}?per_page=3&page=2`);
    expect(linkTo(first, 'last')).toBe(`${fake.url}${path}?per_page=3&page=3`);
    const last = await call(fake, 'GET', `${path}?per_page=3&page=3`, { token: reader });
    expect((last.json() as Deployment[]).map((d) => d.environment)).toEqual(['preview-0']);

    const octokit = octokitFor(fake, reader);
    const all = await octokit.paginate(octokit.rest.repos.listDeployments, { ...r, per_page: 2 });
    expect(all.map((d) => d.environment)).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `preview-${i}`));
  });
});

describe('deployment statuses', () => {
  it('lists newest first, paginated; URLs not given are ""; target_url mirrors log_url', async () => {
    const id = fake.addDeployment(repo, { sha: head, environment: 'production', creator: bot });
    const queued = fake.addDeploymentStatus(repo, id, { state: 'queued', creator: bot });
    fake.addDeploymentStatus(repo, id, { state: 'in_progress', creator: bot, log_url: 'https://ci.example/runs/7' });
    const done = fake.addDeploymentStatus(repo, id, { state: 'success', creator: bot, environment_url: 'https://rocket.example', log_url: 'https://ci.example/runs/7', description: 'Deployed 1.2' });

    const octokit = octokitFor(fake, reader);
    const statuses = await octokit.paginate(octokit.rest.repos.listDeploymentStatuses, { ...r, deployment_id: id, per_page: 2 });
    expect(statuses.map((s) => s.state)).toEqual(['success', 'in_progress', 'queued']);
    expect(statuses[0]).toMatchObject({
      id: done,
      environment: 'production',
      environment_url: 'https://rocket.example',
      log_url: 'https://ci.example/runs/7',
      target_url: 'https://ci.example/runs/7',
      description: 'Deployed 1.2',
      creator: { login: bot },
      deployment_url: `${fake.url}${path}/${id}`,
      url: `${fake.url}${path}/${id}/statuses/${done}`,
    });
    expect(statuses[2]).toMatchObject({ id: queued, environment_url: '', log_url: '', target_url: '', description: '' });
    expect(Date.parse(statuses[0]!.created_at)).toBeGreaterThan(Date.parse(statuses[1]!.created_at));
    expect(fake.deploymentStatuses(repo, id)).toEqual(statuses);

    const deployment = (await octokit.rest.repos.getDeployment({ ...r, deployment_id: id })).data;
    expect(deployment.updated_at).toBe(statuses[0]!.created_at);
    expect(Date.parse(deployment.updated_at)).toBeGreaterThan(Date.parse(deployment.created_at));
  });

  it('gets one status, and 404 for a status of another deployment', async () => {
    const a = fake.addDeployment(repo, { sha: head, environment: 'staging', creator: bot });
    const b = fake.addDeployment(repo, { sha: head, environment: 'production', creator: bot });
    const status = fake.addDeploymentStatus(repo, a, { state: 'failure', creator: 'alice' });
    const got = await call(fake, 'GET', `${path}/${a}/statuses/${status}`, { token: reader });
    expect(got.json()).toMatchObject({ id: status, state: 'failure', creator: { login: 'alice' } });
    expect((await call(fake, 'GET', `${path}/${b}/statuses/${status}`, { token: reader })).status).toBe(404);
  });
});

describe('auto_inactive', () => {
  const states = (id: number): string[] => fake.deploymentStatuses(repo, id).map((s: DeploymentStatus) => s.state);

  it('retires earlier successful, non-transient deployments of the same environment, production included', () => {
    const preview = fake.addDeployment(repo, { sha: base, environment: 'production', creator: bot, transient_environment: true });
    fake.addDeploymentStatus(repo, preview, { state: 'success', creator: bot });
    const old = fake.addDeployment(repo, { sha: base, environment: 'production', creator: bot });
    fake.addDeploymentStatus(repo, old, { state: 'success', creator: bot });
    const failed = fake.addDeployment(repo, { sha: base, environment: 'production', creator: bot });
    fake.addDeploymentStatus(repo, failed, { state: 'failure', creator: bot });
    const staging = fake.addDeployment(repo, { sha: base, environment: 'staging', creator: bot });
    fake.addDeploymentStatus(repo, staging, { state: 'success', creator: bot });

    const current = fake.addDeployment(repo, { sha: head, environment: 'production', creator: 'alice' });
    fake.addDeploymentStatus(repo, current, { state: 'in_progress', creator: 'alice' });
    expect(states(old)).toEqual(['success']);
    fake.addDeploymentStatus(repo, current, { state: 'success', creator: 'alice' });

    expect(states(old)).toEqual(['inactive', 'success']);
    const [inactive] = fake.deploymentStatuses(repo, old);
    expect(inactive).toMatchObject({ creator: { login: 'alice' }, environment: 'production', created_at: fake.deploymentStatuses(repo, current)[0]!.created_at });
    expect(states(failed)).toEqual(['failure']);
    expect(states(preview)).toEqual(['success']);
    expect(states(staging)).toEqual(['success']);
    expect(states(current)).toEqual(['success', 'in_progress']);
  });

  it('leaves earlier deployments alone with auto_inactive: false, over HTTP as well', async () => {
    const old = fake.addDeployment(repo, { sha: base, environment: 'production', creator: bot });
    fake.addDeploymentStatus(repo, old, { state: 'success', creator: bot });
    const current = fake.addDeployment(repo, { sha: head, environment: 'production', creator: bot });
    const res = await call(fake, 'POST', `${path}/${current}/statuses`, { token: writer, body: { state: 'success', auto_inactive: false } });
    expect(res.status).toBe(201);
    expect(states(old)).toEqual(['success']);
    await call(fake, 'POST', `${path}/${current}/statuses`, { token: writer, body: { state: 'success' } });
    expect(states(old)).toEqual(['inactive', 'success']);
  });
});

describe('creating over HTTP', () => {
  it('creates a deployment and a status as the token’s actor', async () => {
    const octokit = octokitFor(fake, writer);
    const created = await octokit.rest.repos.createDeployment({ ...r, ref: 'release/1.2', environment: 'staging', auto_merge: false, payload: { run: 7 } });
    expect(created.status).toBe(201);
    const deployment = created.data as Deployment;
    expect(deployment).toMatchObject({ ref: 'release/1.2', sha: head, task: 'deploy', environment: 'staging', creator: { login: bot }, payload: { run: 7 }, production_environment: false });

    const status = await octokit.rest.repos.createDeploymentStatus({ ...r, deployment_id: deployment.id, state: 'success', environment: 'qa', environment_url: 'https://qa.rocket.example' });
    expect(status.status).toBe(201);
    expect(status.headers.location).toBe(status.data.url);
    expect(status.data).toMatchObject({ state: 'success', environment: 'qa', environment_url: 'https://qa.rocket.example', creator: { login: bot } });
    // A status may move the deployment to another environment; original_environment remembers the first.
    expect(fake.deployments(repo)[0]).toMatchObject({ environment: 'qa', original_environment: 'staging' });
  });

  it('answers 409 while a commit status or check run on the commit is not a success', async () => {
    fake.addStatus(repo, head, { context: 'ci/build', state: 'success', creator: bot });
    fake.addCheckRun(repo, head, { name: 'e2e', status: 'in_progress' });
    const res = await call(fake, 'POST', path, { token: writer, body: { ref: 'release/1.2', auto_merge: false } });
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({
      message: 'Conflict: Commit status checks failed for release/1.2.',
      errors: [{ resource: 'Deployment', field: 'required_contexts', code: 'invalid', contexts: [{ context: 'ci/build', state: 'success' }, { context: 'e2e', state: 'pending' }] }],
    });
    const bypass = await call(fake, 'POST', path, { token: writer, body: { ref: 'release/1.2', auto_merge: false, required_contexts: ['ci/build'] } });
    expect(bypass.status).toBe(201);
  });

  it('flags auto_merge of a branch behind the default branch, which the fake cannot merge', async () => {
    fake.commit(repo, 'main', { 'README.md': 'moved on\n' });
    const res = await call(fake, 'POST', path, { token: writer, body: { ref: 'release/1.2' } });
    expect(res.status).toBe(404);
    expect(fake.violations).toEqual([expect.objectContaining({ kind: 'request', message: expect.stringContaining('auto_merge: false') })]);
    fake.violations.length = 0;
  });

  it('answers 422 to a ref that does not exist', async () => {
    const res = await call(fake, 'POST', path, { token: writer, body: { ref: 'no-such-branch' } });
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ message: 'No ref found for: no-such-branch' });
    expect(fake.violations).toEqual([expect.objectContaining({ kind: 'request' })]);
    fake.violations.length = 0;
  });
});

describe('world API guards', () => {
  it('refuses a deployment GitHub could not have recorded', () => {
    expect(() => fake.addDeployment(repo, { ref: 'no-such-branch', creator: bot })).toThrow(/No ref no-such-branch/);
    expect(() => fake.addDeployment(repo, { ref: 'main', sha: head, creator: bot })).toThrow(/main is at/);
    expect(() => fake.addDeployment(repo, { creator: bot })).toThrow(/sha or a ref/);
    expect(() => fake.addDeployment(repo, { sha: head, creator: 'nobody' })).toThrow(/addUser/);
    expect(() => fake.addDeploymentStatus(repo, 1, { state: 'success', creator: bot })).toThrow(/No deployment 1/);
  });

  it('defaults like GitHub: ref is the SHA, environment production, task deploy', () => {
    fake.addDeployment(repo, { sha: head, creator: bot });
    expect(fake.deployments(repo)[0]).toMatchObject({ sha: head, ref: head, environment: 'production', task: 'deploy', production_environment: true, transient_environment: false });
  });
});

describe('permissions', () => {
  it('is not among the gate’s default GITHUB_TOKEN permissions', () => {
    expect(gatePermissions).not.toHaveProperty('deployments');
  });

  it('answers 403 deployments=read without it, to every read', async () => {
    const id = fake.addDeployment(repo, { sha: head, environment: 'production', creator: bot });
    const status = fake.addDeploymentStatus(repo, id, { state: 'success', creator: bot });
    for (const url of [path, `${path}/${id}`, `${path}/${id}/statuses`, `${path}/${id}/statuses/${status}`]) {
      const res = await call(fake, 'GET', url);
      expect(res.status).toBe(403);
      expect(res.headers.get('x-accepted-github-permissions')).toBe('deployments=read');
      expect(res.json()).toMatchObject({ message: 'Resource not accessible by integration' });
    }
    const error = await octokitFor(fake).rest.repos.listDeployments(r).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, response: { headers: { 'x-accepted-github-permissions': 'deployments=read' } } });
  });

  it('needs deployments=write to create either', async () => {
    const id = fake.addDeployment(repo, { sha: head, environment: 'production', creator: bot });
    const deployment = await call(fake, 'POST', path, { token: reader, body: { ref: 'main' } });
    const status = await call(fake, 'POST', `${path}/${id}/statuses`, { token: reader, body: { state: 'success' } });
    for (const res of [deployment, status]) {
      expect(res.status).toBe(403);
      expect(res.headers.get('x-accepted-github-permissions')).toBe('deployments=write');
    }
    expect(fake.deployments(repo)).toHaveLength(1);
  });
});
