// The gate layer in-process, over real HTTP to the fake GitHub: what one run reads, parses
// and decides before the publisher writes anything.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluation/evaluate.ts';
import { evaluatePullRequest } from '../../src/gate/evaluate-pull-request.ts';
import { createGateContext } from '../../src/gate/gate-context.ts';
import { STATUS_CONTEXT } from '../../src/gate/gate-event.ts';
import { createGitHubClient } from '../../src/github/octokit-client.ts';
import { getPullRequest } from '../../src/github/pull-requests.ts';
import { REPO, useReleaseWorlds } from './release-world.ts';

const repo = { owner: 'acme', repo: 'rocket' };

describe('one run of the gate layer', () => {
  const newWorld = useReleaseWorlds();

  it('parses readiness.yml once and each comment once, however many rounds and PRs share them, and writes nothing', async () => {
    const world = await newWorld();
    const { fake } = world;
    fake.addComment(REPO, world.pr, { user: 'alice', body: '/signoff security checked the threat model' });
    fake.addComment(REPO, world.pr, { user: 'carol', body: '/signoff sre' });
    fake.addComment(REPO, world.pr, { user: 'erin', body: 'A remark, no command.\n\n```\n/signoff sre\n```' });
    fake.addReview(REPO, world.pr, { user: 'alice', state: 'APPROVED' });
    fake.addReview(REPO, world.pr, { user: 'bob', state: 'APPROVED' });
    fake.commit(REPO, 'prepare-1.5', { 'src/app.ts': 'export const version = "1.5";\n' });
    const second = fake.openPullRequest(REPO, { base: 'release/1.4', head: 'prepare-1.5', title: 'Release 1.5.0', author: 'erin' });
    fake.addComment(REPO, second, { user: 'bob', body: '/signoff security' });

    const lines: string[] = [];
    const log = { info: (line: string) => lines.push(line), debug: () => {}, warning: (line: string) => lines.push(line), startGroup: () => {}, endGroup: () => {} };
    const client = createGitHubClient({ token: 'ghs_gate', baseUrl: fake.url, requestTimeoutMs: 5000, retries: 0, retryBaseMs: 10, log });
    const context = createGateContext({
      client,
      securityClient: client,
      repo,
      policyPath: '.github/readiness.yml',
      policyFrom: 'default-branch',
      defaultBranch: null,
      identity: { login: 'github-actions[bot]', shared: true },
      ownCheckNames: [STATUS_CONTEXT],
      activityWaitsMs: [],
      now: () => new Date().toISOString(),
      log,
    });
    const before = fake.requests.length;
    const decisions = [];
    for (const number of [world.pr, second]) decisions.push(await evaluatePullRequest(context, await getPullRequest(client, repo, number), { remind: false }));

    // Several rounds of reading (permissions and the record of pushes follow the first), yet one parse each.
    expect(lines.filter((line) => line.startsWith('Reading:')).length).toBeGreaterThanOrEqual(4);
    expect(context.memo.counts).toEqual({ configs: 1, comments: 4 });
    expect(fake.requests.slice(before).filter((request) => request.method !== 'GET')).toEqual([]);

    // The plan of writes, and an evaluation the snapshot replays exactly.
    const [first] = decisions;
    expect(first!.writes).toMatchObject({ number: world.pr, reactTo: expect.any(Array), reminder: null, status: { context: STATUS_CONTEXT, sha: world.head(), previous: undefined } });
    expect(first!.writes.comment?.body).toContain('<!-- release-readiness:living-comment -->');
    expect(evaluate(structuredClone(first!.snapshot))).toEqual(first!.evaluation);
  });
});
