// A scheduled run over every open release PR: concurrent, frugal (an unchanged PR is read
// again only where it can change, and left alone), and within the token's rate limit.
import { describe, expect, it } from 'vitest';
import { pullRequestTargetEvent, scheduleEvent } from '../support/payloads.ts';
import type { ActionResult } from '../support/run-action.ts';
import { endpointOf } from '../bench/bench-world.ts';
import { logOf, REPO, useReleaseWorlds, type ReleaseWorld } from './release-world.ts';

const newWorld = useReleaseWorlds();
const GATE = '<!-- release-readiness:living-comment -->';
const LABELS_ONLY = 'version: 1\nrelease:\n  branches: ["release/**"]\nchecks:\n  - id: lint\n    name: Static code analysis passed\n    labels: { all: [lint-clean] }\n';

/** More release PRs beside the world's own, each from its own branch, each judged once on opening. */
async function moreReleasePRs(world: ReleaseWorld, count: number): Promise<number[]> {
  const numbers: number[] = [world.pr];
  for (let i = 0; i < count; i++) {
    world.fake.commit(REPO, `prepare-1.4-part-${i}`, { [`src/part-${i}.ts`]: `export const part = ${i};\n` });
    numbers.push(world.fake.openPullRequest(REPO, { base: 'release/1.4', head: `prepare-1.4-part-${i}`, title: `Release 1.4.0, part ${i}`, author: 'dave' }));
  }
  return numbers;
}

async function judgeOnOpening(world: ReleaseWorld, numbers: number[]): Promise<void> {
  for (const number of numbers) {
    const result = await world.gate('pull_request_target', pullRequestTargetEvent(world.fake, REPO, number, 'opened'));
    expect(result.exitCode, logOf(result)).toBe(0);
  }
}

function gateStatusOf(world: ReleaseWorld, number: number) {
  return world.fake.statuses(REPO, world.fake.headSha(REPO, number)).find((status) => status.context === 'release-readiness');
}

/** The requests of the run that started at request `from`, by endpoint, with their answers' status. */
function requestsSince(world: ReleaseWorld, from: number): { endpoint: string; status: number }[] {
  return world.fake.requests.slice(from).map((entry) => ({ endpoint: endpointOf(entry.method, entry.path), status: entry.status }));
}

async function sweep(world: ReleaseWorld): Promise<{ result: ActionResult; requests: { endpoint: string; status: number }[] }> {
  const from = world.fake.requests.length;
  const result = await world.gate('schedule', scheduleEvent(), { timeoutMs: 60_000 });
  expect(result.exitCode, logOf(result)).toBe(0);
  return { result, requests: requestsSince(world, from) };
}

describe('a scheduled run over every open release PR', () => {
  it('leaves alone the PRs whose evidence did not change, and judges again the one that did', async () => {
    const world = await newWorld();
    const numbers = await moreReleasePRs(world, 3);
    await judgeOnOpening(world, numbers);
    const before = world.fake.comments(REPO, numbers[0]!).map((comment) => comment.updated_at);

    world.fake.addComment(REPO, numbers[2]!, { user: 'alice', body: 'Reviewed the auth changes.\n\n/signoff security' });
    const { result, requests } = await sweep(world);

    const log = logOf(result);
    for (const number of [numbers[0], numbers[1], numbers[3]]) expect(log).toContain(`#${number} is unchanged since the gate last judged it; its status stands.`);
    expect(log).toContain(`#${numbers[2]}: judged again (the evidence changed)`);
    expect(log).toMatch(/4 open PRs: 1 judged, 3 unchanged; \d+ requests counted against the rate limit, \d+ answered 304 \(free\)\./);
    expect(gateStatusOf(world, numbers[2]!)?.description).toMatch(/^Waiting for 1 sign-off \(sre\)/);
    // Nothing was written on the unchanged PRs: not their comments, not their statuses.
    expect(world.fake.comments(REPO, numbers[0]!).map((comment) => comment.updated_at)).toEqual(before);
    const writes = requests.filter((request) => !request.endpoint.startsWith('GET '));
    expect(writes.map((w) => w.endpoint).sort()).toEqual([
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
      'POST /repos/{owner}/{repo}/statuses/{sha}',
    ]);
    expect(result.summary).toContain(`Unchanged since the gate last judged them (status left as it was): #${numbers[0]}, #${numbers[1]}, #${numbers[3]}.`);
  });

  it('reads an unchanged PR with the fewest requests: its comments once, then only what can change without a new head', async () => {
    const world = await newWorld();
    const numbers = await moreReleasePRs(world, 2);
    await judgeOnOpening(world, numbers);
    const { requests } = await sweep(world);
    const counted = requests.filter((request) => request.status !== 304);
    const byEndpoint = (list: typeof requests) => Object.fromEntries([...new Set(list.map((r) => r.endpoint))].sort().map((e) => [e, list.filter((r) => r.endpoint === e).length]));
    // Per PR: its comments (to learn when it was judged), then comments again (answered 304:
    // free), statuses, check runs and reviews. Once per run: the open PRs and the policy.
    expect(byEndpoint(counted)).toEqual({
      'GET /repos/{owner}/{repo}': 1,
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': 3,
      'GET /repos/{owner}/{repo}/commits/{ref}/statuses': 3,
      'GET /repos/{owner}/{repo}/contents/{path}': 1,
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': 3,
      'GET /repos/{owner}/{repo}/pulls': 1,
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews': 3,
    });
    expect(byEndpoint(requests.filter((request) => request.status === 304))).toEqual({ 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': 3 });
  });

  it('judges a success again every time while the token is shared: a workflow could have written both', async () => {
    const world = await newWorld({ policy: LABELS_ONLY });
    world.fake.addLabel(REPO, world.pr, 'lint-clean');
    await world.gateOnPullRequest();
    expect(world.gateStatuses()[0]?.state).toBe('success');
    const { result } = await sweep(world);
    expect(logOf(result)).toContain(`#${world.pr}: judged again (a success is always judged again while the token is shared)`);
  });

  it('overwrites a status a workflow forged as the gate on a blocked PR, though its evidence did not change', async () => {
    const world = await newWorld();
    await world.gateOnPullRequest();
    const blocked = world.gateStatuses()[0]!;
    world.fake.addStatus(REPO, world.head(), { context: 'release-readiness', state: 'success', description: 'Ready', creator: 'github-actions[bot]' });
    const { result } = await sweep(world);
    expect(logOf(result)).toContain(`#${world.pr}: judged again (the status on the head is not the one the gate set)`);
    expect(world.gateStatuses()[0]).toMatchObject({ state: blocked.state, description: blocked.description });
  });

  it('judges again a PR judged more than 6 hours ago, however unchanged (team and role changes raise no event)', async () => {
    const world = await newWorld();
    await world.gateOnPullRequest();
    world.fake.clock.advance(6 * 3600);
    const { result } = await sweep(world);
    expect(logOf(result)).toContain(`#${world.pr}: judged again (judged more than 6 hours ago)`);
    const again = await sweep(world);
    expect(logOf(again.result)).toContain(`#${world.pr} is unchanged since the gate last judged it`);
  });

  it('posts no comment or status for the PRs it has nothing new to say about, across many runs', async () => {
    const world = await newWorld();
    await world.gateOnPullRequest();
    const comment = world.gateComments()[0]!;
    for (let i = 0; i < 3; i++) {
      world.fake.clock.advance(3600);
      await sweep(world);
    }
    expect(world.gateComments()).toHaveLength(1);
    expect(world.gateComments()[0]!.updated_at).toBe(comment.updated_at);
    expect(world.gateStatuses()).toHaveLength(1);
    expect(world.gateComments()[0]!.body).toContain(GATE);
  });
});

describe('the rate limit, spent as a budget', () => {
  it('stops before the hour runs out, names the PRs it did not reach, and the next run starts with them', async () => {
    const world = await newWorld();
    const numbers = await moreReleasePRs(world, 11);
    world.fake.setRateLimit('github-token', 100);

    const first = await sweep(world);
    const statusOf = (n: number) => gateStatusOf(world, n)?.state;
    const missed = numbers.filter((n) => statusOf(n) === undefined);
    expect(missed.length).toBeGreaterThan(0);
    expect(missed.length).toBeLessThan(numbers.length);
    // Never over the hour, never refused, and no PR turned to `error` by it.
    expect(world.fake.rateLimitRejections).toBe(0);
    expect(world.fake.secondaryLimitHits).toEqual([]);
    expect(world.fake.rateLimit().used).toBeLessThanOrEqual(100);
    expect(numbers.map(statusOf)).not.toContain('error');
    const log = logOf(first.result);
    expect(log).toContain(`${missed.length} not reached (${missed.map((n) => `#${n}`).join(', ')})`);
    expect(log).toMatch(new RegExp(`Not reached, left as they were: ${missed.map((n) => `#${n}`).join(', ')} \\(the rate limit would not stretch to it: \\d+ of 100 requests left this hour, 20 kept for other runs; it resets at \\d\\d:\\d\\d UTC\\)`));
    expect(first.result.summary).toContain(`### Not reached: ${missed.length} pull request`);
    expect(first.result.outputs['ready']).toBe('false');

    // Hour after hour, a new window each time: the PRs not reached come first, until every PR is judged.
    let left = missed;
    for (let hour = 2; left.length > 0 && hour <= 6; hour++) {
      world.fake.clock.advance(3600);
      const next = await sweep(world);
      const judged = [...logOf(next.result).matchAll(/#(\d+): judged again/g)].map((m) => Number(m[1]));
      const first = judged.slice(0, Math.min(judged.length, left.length)).sort((x, y) => x - y);
      expect(first, logOf(next.result)).toEqual(left.slice(0, first.length));
      expect(first.length).toBeGreaterThan(0);
      expect(world.fake.rateLimitRejections).toBe(0);
      expect(numbers.map(statusOf)).not.toContain('error');
      left = numbers.filter((n) => statusOf(n) === undefined);
    }
    expect(left).toEqual([]);
  });

  it('a success that lapsed (its window closed) does not stand on a PR the budget cannot reach: it turns pending', async () => {
    const policy = `${LABELS_ONLY}  - id: window\n    name: Deployment window\n    window: { when: ["Mon-Fri 09:00-17:00"], zone: UTC }\n`;
    const world = await newWorld({ policy });
    const numbers = await moreReleasePRs(world, 11);
    for (const number of numbers) world.fake.setPullRequest(REPO, number, { labels: ['lint-clean'] });
    const at = (iso: string) => world.fake.clock.advance(Date.parse(iso) / 1000 - world.fake.clock.epochSeconds());
    // Monday 10:00 UTC: every PR is ready inside the window, until 17:00.
    at('2026-11-23T10:00:00Z');
    await judgeOnOpening(world, numbers);
    expect(numbers.map((n) => gateStatusOf(world, n)?.state)).toEqual(numbers.map(() => 'success'));
    // 18:00: the window has closed; the next hour's budget reaches only some of the PRs.
    at('2026-11-23T18:00:00Z');
    world.fake.setRateLimit('github-token', 100);
    const { result } = await sweep(world);
    const log = logOf(result);
    const missed = [...log.matchAll(/#(\d+): its success lapsed and the rate limit would not stretch to judging it again: set to pending\./g)].map((m) => Number(m[1]));
    expect(missed.length, log).toBeGreaterThan(0);
    for (const number of missed) expect(gateStatusOf(world, number)).toMatchObject({ state: 'pending', description: expect.stringMatching(/^Due for re-evaluation \(a waiver expired or a window closed\); waits for the rate limit \(resets \d\d:\d\d UTC\)$/) });
    // Judged or not, no PR is left with the success of a window that closed.
    expect(numbers.map((n) => gateStatusOf(world, n)?.state)).not.toContain('success');
    expect(world.fake.rateLimitRejections).toBe(0);
  });

  it('leaves a PR as it was when GitHub answers that the limit is spent, and says when it resets', async () => {
    const world = await newWorld();
    await world.gateOnPullRequest();
    const before = world.gateStatuses();
    world.fake.addComment(REPO, world.pr, { user: 'alice', body: '/signoff security' });
    // Octokit's throttler reads the reset by this machine's clock (the fake's runs days behind): in 30 minutes.
    const reset = Math.floor(Date.now() / 1000) + 1800;
    world.fake.inject({ method: 'GET', path: '/repos/{owner}/{repo}/commits/{ref}/check-runs', status: 403, headers: { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: JSON.stringify({ message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' }) });
    const result = await world.gateOnPullRequest('edited');
    expect(result.exitCode, logOf(result)).toBe(0);
    expect(world.gateStatuses(), logOf(result)).toEqual(before);
    const at = new Date(reset * 1000).toISOString().slice(11, 16);
    expect(logOf(result)).toContain(`Not reached, left as they were: #${world.pr} (GitHub's rate limit of 1000 requests an hour for this token is spent (it resets at ${at} UTC)).`);
  });
});
