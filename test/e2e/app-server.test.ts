// The gate as a GitHub App: `node dist/index.js serve` receives signed webhooks from the fake
// GitHub, mints installation tokens with its JWT, and answers as <slug>[bot], which nothing
// else writes as.
import { createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { preAuthEncoding } from '../../src/server/signed-records.ts';
import { validateRecord } from '../support/record-schema.ts';
import type { RegisteredApp } from '../fake-github/index.ts';
import { checkRunCompletedEvent, checkSuiteCompletedEvent, issueCommentEvent, mergeGroupEvent, pullRequestEvent, pullRequestReviewEvent, statusEvent, workflowRunCompletedEvent } from '../support/payloads.ts';
import { APP_BOT, appComments, appStatuses, deliverAndWait as deliverTo, serveWorld } from '../support/app-world.ts';
import { evaluated, startServer, type RunningServer } from '../support/run-server.ts';
import { POLICY, REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();
const servers: RunningServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) expect(await server.stop()).toBe(0);
});

const BOT = APP_BOT;

async function appWorld(replicas = 1): Promise<{ world: ReleaseWorld; app: RegisteredApp; servers: RunningServer[] }> {
  const served = await serveWorld(await newWorld(), { replicas });
  servers.push(...served.servers);
  return served;
}

/** Delivers the event and waits until the server has evaluated it. */
async function deliverAndWait(world: ReleaseWorld, app: RegisteredApp, server: RunningServer, event: string, payload: object): Promise<void> {
  await deliverTo({ world, app, servers: [server] }, event, payload);
}

const botStatuses = appStatuses;
const botComments = appComments;

/** The success left a readiness record, signed by the App's key as a DSSE envelope, whose Statement is valid. */
async function expectSignedRecord(server: RunningServer, app: RegisteredApp, world: ReleaseWorld): Promise<void> {
  const line = await server.waitFor((l) => typeof l['record'] === 'string', 'a signed record');
  const envelope = JSON.parse(await readFile(String(line['record']), 'utf8')) as { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] };
  const payload = Buffer.from(envelope.payload, 'base64');
  const publicKey = createPublicKey(app.privateKey);
  const signed = preAuthEncoding(envelope.payloadType, payload);
  expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
  expect(verify('sha256', signed, publicKey, Buffer.from(envelope.signatures[0]!.sig, 'base64'))).toBe(true);
  // Changed by one byte, it no longer verifies.
  expect(verify('sha256', preAuthEncoding(envelope.payloadType, Buffer.concat([payload, Buffer.from(' ')])), publicKey, Buffer.from(envelope.signatures[0]!.sig, 'base64'))).toBe(false);
  const statement = JSON.parse(payload.toString('utf8')) as { subject: { digest: { gitCommit: string } }[] };
  expect(validateRecord(statement), JSON.stringify(validateRecord.errors)).toBe(true);
  expect(statement.subject[0]!.digest.gitCommit).toBe(world.head());
  expect(line).toMatchObject({ pr: world.pr, digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
}

/** CI, two approvals and the two sign-offs: what the sample policy asks for. */
function makeReady(world: ReleaseWorld): { suite: object; reviews: number[]; comment: number } {
  world.fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
  const reviews = ['alice', 'bob'].map((user) => world.fake.addReview(REPO, world.pr, { user, state: 'APPROVED' }));
  world.fake.addComment(REPO, world.pr, { user: 'alice', body: '/signoff security' });
  const { id: comment } = world.fake.addComment(REPO, world.pr, { user: 'carol', body: '/signoff sre' });
  return { suite: checkSuiteCompletedEvent(world.fake, REPO, world.head()), reviews, comment };
}

describe('release-readiness serve', () => {
  it('accepts a signed webhook, mints an installation token, and answers as the App', async () => {
    const { world, app, servers: [server] } = await appWorld();
    await deliverAndWait(world, app, server!, 'pull_request', pullRequestEvent(world.fake, REPO, world.pr, 'opened'));
    // One token minted (a first JWT may be refused for the clocks' difference: @octokit/auth-app signs again on GitHub's time).
    const minted = world.fake.requests.filter((request) => request.method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(request.path) && request.status === 201);
    expect(minted).toHaveLength(1);
    expect(botComments(world)).toHaveLength(1);
    expect(botStatuses(world).map((status) => [status.state, status.creator?.login])).toEqual([['pending', BOT]]);
    const line = server!.lines.find((l) => l.msg === 'evaluated')!;
    expect(line).toMatchObject({ level: 'info', event: 'pull_request', repo: REPO, judged: 1, ms: expect.any(Number) });
  });

  it('answers its health check, and on SIGTERM finishes its work and exits 0', async () => {
    const { world, app, servers: [server] } = await appWorld();
    const health = await fetch(`${server!.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok', queued: 0 }]);
    const delivery = await world.fake.deliver(app.id, 'pull_request', pullRequestEvent(world.fake, REPO, world.pr, 'opened'));
    expect(delivery.status).toBe(200);
    // Stopped at once: the evaluation it had queued still ends with the PR's status written.
    servers.splice(servers.indexOf(server!), 1);
    expect(await server!.stop()).toBe(0);
    expect(server!.lines.map((line) => line.msg)).toContain('stopped');
    expect(botStatuses(world)).toHaveLength(1);
  });

  it('refuses a delivery whose signature is wrong, and evaluates nothing', async () => {
    const { world, app, servers: [server] } = await appWorld();
    const before = world.fake.requests.length;
    const forged = await world.fake.deliver(app.id, 'pull_request', pullRequestEvent(world.fake, REPO, world.pr, 'opened'), { secret: 'not-the-secret' });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatch(/signature does not match/);
    const missing = await world.fake.deliver(app.id, 'pull_request', pullRequestEvent(world.fake, REPO, world.pr, 'opened'), { signature: '' });
    expect(missing.status).toBe(400);
    // A good one after them: the only one that reaches GitHub.
    await deliverAndWait(world, app, server!, 'pull_request', pullRequestEvent(world.fake, REPO, world.pr, 'opened'));
    expect(server!.lines.filter((line) => line.delivery === forged.id || line.delivery === missing.id)).toEqual([]);
    // A body of unstated length (chunked) is refused before it is read: GitHub always states it.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(server!.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(chunked).toBe(411);
    expect(world.fake.requests.slice(before).filter((request) => request.method !== 'GET' && !request.path.startsWith('/app/'))).toHaveLength(2);
  });

  it('evaluates each event the action handles: a PR, CI, reviews, a sign-off, a forged status', async () => {
    const { world, app, servers: [server] } = await appWorld();
    await deliverAndWait(world, app, server!, 'pull_request', pullRequestEvent(world.fake, REPO, world.pr, 'opened'));
    world.fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
    await deliverAndWait(world, app, server!, 'check_suite', checkSuiteCompletedEvent(world.fake, REPO, world.head()));
    expect(botStatuses(world)[0]!.description).toBe('Waiting for 2 sign-offs (security, sre) and 2 approvals');
    const reviews = ['alice', 'bob'].map((user) => world.fake.addReview(REPO, world.pr, { user, state: 'APPROVED' }));
    await deliverAndWait(world, app, server!, 'pull_request_review', pullRequestReviewEvent(world.fake, REPO, world.pr, reviews[1]!, 'submitted'));
    expect(botStatuses(world)[0]!.description).toBe('Waiting for 2 sign-offs (security, sre)');
    for (const [user, role] of [['alice', 'security'], ['carol', 'sre']]) {
      const { id } = world.fake.addComment(REPO, world.pr, { user: user!, body: `/signoff ${role}` });
      await deliverAndWait(world, app, server!, 'issue_comment', issueCommentEvent(world.fake, id, 'created'));
    }
    expect(botStatuses(world)[0]).toMatchObject({ state: 'success', creator: { login: BOT } });
    await expectSignedRecord(server!, app, world);
    // The GITHUB_TOKEN of any workflow can write this context; the App's answer is to overwrite it at once.
    const forged = world.fake.addStatus(REPO, world.head(), { context: 'release-readiness', state: 'failure', description: 'forged', creator: 'github-actions[bot]' });
    await deliverAndWait(world, app, server!, 'status', statusEvent(world.fake, forged.id));
    expect(botStatuses(world)[0]).toMatchObject({ state: 'success', creator: { login: BOT } });
    // Its own comments and statuses wake it for nothing.
    const own = await world.fake.deliver(app.id, 'issue_comment', issueCommentEvent(world.fake, botComments(world)[0]!.id, 'edited'));
    expect(own.status).toBe(200);
    await server!.waitFor((line) => line.delivery === own.id && line.queued === false, 'the gate’s own comment ignored');
  });

  it('evaluates the other events too: a check run, a workflow run, a merge group', async () => {
    const { world, app, servers: [server] } = await appWorld();
    await deliverAndWait(world, app, server!, 'pull_request', pullRequestEvent(world.fake, REPO, world.pr, 'opened'));
    const run = world.fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
    await deliverAndWait(world, app, server!, 'check_run', checkRunCompletedEvent(world.fake, run));
    expect(botStatuses(world)[0]!.description).toBe('Waiting for 2 sign-offs (security, sre) and 2 approvals');
    await deliverAndWait(world, app, server!, 'workflow_run', workflowRunCompletedEvent(world.fake, REPO, { headSha: world.head() }));
    expect(server!.lines.filter((line) => line.msg === 'evaluated').map((line) => line['judged'])).toEqual([1, 1, 1]);
    const group = world.fake.createMergeGroup(REPO, 'release/1.4', [world.pr]);
    await deliverAndWait(world, app, server!, 'merge_group', mergeGroupEvent(world.fake, REPO, group));
    expect(server!.lines.find((line) => line.msg.startsWith('merge group'))).toMatchObject({ state: expect.any(String), sha: group.headSha });
  });

  it('judges every installation’s open PRs at start and then periodically, as a schedule does for the action', async () => {
    const world = await newWorld();
    const app = world.fake.registerApp({ slug: 'release-gate' });
    world.fake.installApp(app.id, REPO);
    const server = await startServer(world.fake, app, { SWEEP_MINUTES: '60' });
    servers.push(server);
    // No event was delivered: the sweep found the PR by itself.
    expect(await server.waitFor((line) => line.msg === 'swept', 'the first sweep')).toMatchObject({ repositories: 1 });
    expect(botStatuses(world).map((status) => [status.state, status.creator?.login])).toEqual([['pending', BOT]]);
    expect(botComments(world)).toHaveLength(1);
  });

  it('answers CI of two commits arriving together: neither folds into the other', async () => {
    const { world, app, servers: [server] } = await appWorld();
    world.fake.commit(REPO, 'prepare-1.4-docs', { 'docs/notes.md': '# 1.4\n' });
    const second = world.fake.openPullRequest(REPO, { base: 'release/1.4', head: 'prepare-1.4-docs', title: 'Release 1.4.0 notes', author: 'dave' });
    const heads = [world.head(), world.fake.headSha(REPO, second)];
    for (const sha of heads) world.fake.addCheckRun(REPO, sha, { name: 'build', status: 'completed', conclusion: 'success' });
    const deliveries = await Promise.all(heads.map((sha) => world.fake.deliver(app.id, 'check_suite', checkSuiteCompletedEvent(world.fake, REPO, sha))));
    for (const delivery of deliveries) await server!.waitFor(evaluated(delivery.id), `evaluation of ${delivery.id}`);
    for (const sha of heads) expect(botStatuses(world, sha).map((status) => status.description)).toEqual(['Waiting for 2 sign-offs (security, sre) and 2 approvals']);
  });

  it('two replicas receiving the same burst leave one comment and no stale success', async () => {
    const { world, app, servers: replicas } = await appWorld(2);
    const { suite, reviews, comment } = makeReady(world);
    const burst = [
      ['pull_request', pullRequestEvent(world.fake, REPO, world.pr, 'opened')],
      ['check_suite', suite],
      ['pull_request_review', pullRequestReviewEvent(world.fake, REPO, world.pr, reviews[0]!, 'submitted')],
      ['issue_comment', issueCommentEvent(world.fake, comment, 'created')],
    ] as const;
    const deliveries = await Promise.all(burst.flatMap(([event, payload]) => replicas.map((server) => world.fake.deliver(app.id, event, payload, { to: server.webhookUrl }).then((d) => ({ d, server })))));
    expect(deliveries.map(({ d }) => d.status)).toEqual(Array(8).fill(200));
    // Each delivery is evaluated, or folded into an evaluation still waiting to start: wait for every one.
    await Promise.all(replicas.map(async (server) => {
      for (const { d } of deliveries.filter((x) => x.server === server)) {
        const queued = await server.waitFor((line) => line.delivery === d.id && typeof line.queued === 'boolean', `delivery ${d.id} taken`);
        if (queued.msg.startsWith('queued')) await server.waitFor(evaluated(d.id), `evaluation of ${d.id}`);
      }
    }));
    expect(botComments(world)).toHaveLength(1);
    expect(botStatuses(world)[0]).toMatchObject({ state: 'success', creator: { login: BOT } });

    // Then CI fails on a new push, and both replicas hear of it: neither may leave a success on the new head.
    const head = world.fake.pushToPullRequest(REPO, world.pr, { 'src/app.ts': 'export const version = "1.4.1";\n' });
    world.fake.addCheckRun(REPO, head, { name: 'build', status: 'completed', conclusion: 'failure' });
    const sync = pullRequestEvent(world.fake, REPO, world.pr, 'synchronize');
    const again = await Promise.all(replicas.map((server) => world.fake.deliver(app.id, 'pull_request', sync, { to: server.webhookUrl })));
    await Promise.all(again.map((d, i) => replicas[i]!.waitFor(evaluated(d.id), 'the synchronize evaluated')));
    expect(botStatuses(world, head).map((status) => status.state)).not.toContain('success');
    expect(botStatuses(world, head)[0]!.state).toBe('failure');
    expect(botComments(world)).toHaveLength(1);
  });
});

describe('the deployment protection rule', () => {
  it('approves the deployment of a release PR that was ready when it merged, and rejects one that was not', async () => {
    const { world, app, servers: [server] } = await appWorld();
    const { suite, comment } = makeReady(world);
    await deliverAndWait(world, app, server!, 'check_suite', suite);
    await deliverAndWait(world, app, server!, 'issue_comment', issueCommentEvent(world.fake, comment, 'created'));
    expect(botStatuses(world)[0]!.state).toBe('success');
    world.fake.setPullRequest(REPO, world.pr, { merged: true, mergedBy: 'bob', mergeCommit: true });
    const merge = world.fake.pullRequest(REPO, world.pr).merge_commit_sha!;

    const ready = world.fake.requestDeploymentProtection(REPO, { appId: app.id, environment: 'production', sha: merge, ref: 'release/1.4' });
    const delivery = await world.fake.deliver(app.id, 'deployment_protection_rule', ready);
    expect(delivery.status).toBe(200);
    const decided = await server!.waitFor((line) => line.delivery === delivery.id && line.state !== undefined, 'the decision');
    expect(decided).toMatchObject({ state: 'approved', pr: world.pr });
    const runId = Number(/runs\/(\d+)\//.exec(ready.deployment_callback_url ?? "")![1]);
    const reviews = world.fake.deploymentProtectionReviews(REPO, runId);
    expect(reviews.map((review) => [review.state, review.author])).toEqual([
      [null, BOT],
      ['approved', BOT],
    ]);
    expect(reviews[1]!.comment).toContain(botComments(world)[0]!.html_url);

    // A commit no release PR produced: nothing vouches for it.
    const stray = world.fake.commit(REPO, 'release/1.4', { 'hotfix.txt': 'pushed straight to the branch\n' });
    const unvouched = world.fake.requestDeploymentProtection(REPO, { appId: app.id, environment: 'production', sha: stray, ref: 'release/1.4' });
    const second = await world.fake.deliver(app.id, 'deployment_protection_rule', unvouched);
    const rejected = await server!.waitFor((line) => line.delivery === second.id && line.state !== undefined, 'the decision');
    expect(rejected).toMatchObject({ state: 'rejected' });
    const strayRun = Number(/runs\/(\d+)\//.exec(unvouched.deployment_callback_url ?? "")![1]);
    expect(world.fake.deploymentProtectionStatus(REPO, strayRun)).toBe('rejected');
    expect(world.fake.deploymentProtectionReviews(REPO, strayRun).at(-1)!.comment).toMatch(/No release pull request produced/);
  });

  it('rejects a release PR that was ready when it merged but is not now: a critical alert opened since', async () => {
    const policy = `${POLICY}  - id: deps\n    name: No critical or high vulnerabilities\n    dependabot: { severity: high }\n`;
    const served = await serveWorld(await newWorld({ policy }), { permissions: { vulnerability_alerts: 'read' } });
    servers.push(...served.servers);
    const { world, app, servers: [server] } = served;
    const { suite, comment } = makeReady(world);
    await deliverAndWait(world, app, server!, 'check_suite', suite);
    await deliverAndWait(world, app, server!, 'issue_comment', issueCommentEvent(world.fake, comment, 'created'));
    expect(botStatuses(world)[0]!.state).toBe('success');
    world.fake.setPullRequest(REPO, world.pr, { merged: true, mergedBy: 'bob', mergeCommit: true });
    world.fake.addDependabotAlert(REPO, { severity: 'critical', packageName: 'lodash', summary: 'Prototype Pollution in lodash' });
    const request = world.fake.requestDeploymentProtection(REPO, { appId: app.id, environment: 'production', sha: world.fake.pullRequest(REPO, world.pr).merge_commit_sha!, ref: 'release/1.4' });
    const delivery = await world.fake.deliver(app.id, 'deployment_protection_rule', request);
    expect(await server!.waitFor((line) => line.delivery === delivery.id && line.state !== undefined, 'the decision')).toMatchObject({ state: 'rejected', pr: world.pr });
    const runId = Number(/runs\/(\d+)\//.exec(request.deployment_callback_url ?? '')![1]);
    expect(world.fake.deploymentProtectionReviews(REPO, runId).at(-1)!.comment).toMatch(/^#1 was ready when it merged, but is not now: Blocked: 1 Dependabot alert\. See https:\/\/github\.com\/acme\/rocket\/pull\/1#issuecomment-\d+\.$/);
  });

  it('rejects the deployment of a PR the policy does not gate, whatever status it carries', async () => {
    const served = await serveWorld(await newWorld({ base: 'main' }));
    servers.push(...served.servers);
    const { world, app, servers: [server] } = served;
    world.fake.setPullRequest(REPO, world.pr, { merged: true, mergedBy: 'bob', mergeCommit: true });
    const request = world.fake.requestDeploymentProtection(REPO, { appId: app.id, environment: 'production', sha: world.fake.pullRequest(REPO, world.pr).merge_commit_sha!, ref: 'main' });
    const delivery = await world.fake.deliver(app.id, 'deployment_protection_rule', request);
    expect(await server!.waitFor((line) => line.delivery === delivery.id && line.state !== undefined, 'the decision')).toMatchObject({ state: 'rejected', pr: world.pr });
    const runId = Number(/runs\/(\d+)\//.exec(request.deployment_callback_url ?? '')![1]);
    expect(world.fake.deploymentProtectionReviews(REPO, runId).at(-1)!.comment).toMatch(/^#1 is not a release PR under the policy \(its base `main` is not a release branch\)/);
  });

  it('rejects the deployment of a release PR that was not ready when it merged', async () => {
    const { world, app, servers: [server] } = await appWorld();
    await deliverAndWait(world, app, server!, 'pull_request', pullRequestEvent(world.fake, REPO, world.pr, 'opened'));
    world.fake.setPullRequest(REPO, world.pr, { merged: true, mergedBy: 'bob', mergeCommit: true });
    const merge = world.fake.pullRequest(REPO, world.pr).merge_commit_sha!;
    const request = world.fake.requestDeploymentProtection(REPO, { appId: app.id, environment: 'production', sha: merge, ref: 'release/1.4' });
    const delivery = await world.fake.deliver(app.id, 'deployment_protection_rule', request);
    const decided = await server!.waitFor((line) => line.delivery === delivery.id && line.state !== undefined, 'the decision');
    expect(decided).toMatchObject({ state: 'rejected', pr: world.pr });
    const runId = Number(/runs\/(\d+)\//.exec(request.deployment_callback_url ?? "")![1]);
    expect(world.fake.deploymentProtectionReviews(REPO, runId).at(-1)!.comment).toMatch(/was not ready when it merged \(pending: Waiting for 2 sign-offs/);
  });
});
