// The requests of one evaluation, per endpoint, held to the floor `npm run bench` reports
// (test/bench/bench-world.ts: one request per 100-item page of each source the policy needs,
// one permission per reviewer whose review counts, …), for the bench's typical and huge
// release PRs. The runs are the bench's: opened, two sign-offs arrive and an edited run settles
// them, then an edited run that finds nothing changed — the one measured.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY } from '../fixtures/sample-policy.ts';
import { buildWorld, endpointOf, gateStatus, HUGE, HUGE_POLICY, minimumRequests, signOff, TYPICAL, type ActionRun, type BenchWorld, type WorldSize } from '../bench/bench-world.ts';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { bundlePath } from '../support/global-setup.ts';

const isWrite = (method: string) => method !== 'GET' && method !== 'HEAD';

/** `METHOD /template` → how many requests, sorted by endpoint: a diff names the endpoint that is over or under. */
function perEndpoint(requests: ActionRun['requests'], keep: (method: string) => boolean = () => true): [string, number][] {
  const counts = new Map<string, number>();
  for (const request of requests) {
    if (!keep(request.method)) continue;
    const endpoint = endpointOf(request.method, request.path);
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

/** The floor, in the same shape (two sources on one endpoint add up). */
function floorPerEndpoint(world: BenchWorld): [string, number][] {
  const counts = new Map<string, number>();
  for (const row of minimumRequests(world)) counts.set(row.endpoint, (counts.get(row.endpoint) ?? 0) + row.requests);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

const LIST = 'GET /repos/{owner}/{repo}';

interface Case {
  name: string;
  policy: string;
  size: WorldSize;
  /** Minutes, not a measure: a generous bound so that a hung run fails instead of stalling. */
  budgetMs: number;
  /** The floor of the measured run, written out: what minimumRequests must compute for this PR. */
  floor: [string, number][];
  /** The gate's status after the runs. */
  status: { state: string; description: string };
}

const CASES: Case[] = [
  {
    name: 'typical',
    policy: POLICY,
    size: TYPICAL,
    budgetMs: 120_000,
    floor: [
      [`${LIST}/activity`, 1],
      [`${LIST}/collaborators/{username}/permission`, 2],
      [`${LIST}/commits/{commit_sha}/pulls`, 1],
      [`${LIST}/commits/{ref}/check-runs`, 1],
      [`${LIST}/commits/{ref}/statuses`, 1],
      [`${LIST}/compare/{basehead}`, 1],
      [`${LIST}/contents/{path}`, 1],
      [`${LIST}/issues/{issue_number}/comments`, 1],
      [`${LIST}/pulls/{pull_number}`, 1],
      [`${LIST}/pulls/{pull_number}/reviews`, 1],
    ],
    status: { state: 'success', description: 'Ready: 3 checks pass, 2 sign-offs in' },
  },
  {
    name: 'huge',
    policy: HUGE_POLICY,
    size: HUGE,
    budgetMs: 600_000,
    floor: [
      [`${LIST}/activity`, 1],
      // 100 reviewers whose latest review approves.
      [`${LIST}/collaborators/{username}/permission`, 100],
      [`${LIST}/commits/{commit_sha}/pulls`, 1],
      // 1,000 check runs, 20 statuses.
      [`${LIST}/commits/{ref}/check-runs`, 10],
      [`${LIST}/commits/{ref}/statuses`, 1],
      [`${LIST}/compare/{basehead}`, 1],
      [`${LIST}/contents/{path}`, 1],
      // 5,000 comments, the two sign-offs and the gate's own: 5,003.
      [`${LIST}/issues/{issue_number}/comments`, 51],
      [`${LIST}/pulls/{pull_number}`, 1],
      // 3,000 files, GitHub's cap.
      [`${LIST}/pulls/{pull_number}/files`, 30],
      [`${LIST}/pulls/{pull_number}/reviews`, 3],
    ],
    status: { state: 'success', description: 'Ready: 4 checks pass, 2 sign-offs in' },
  },
];

describe.each(CASES)('requests of one evaluation: the $name PR', (spec) => {
  let world: BenchWorld;
  let opened: ActionRun;
  let settled: ActionRun;
  let measured: ActionRun;
  let floor: [string, number][];

  beforeAll(async () => {
    world = await buildWorld({ name: spec.name, policy: spec.policy, size: spec.size, bundle: bundlePath });
    opened = await world.run('opened');
    signOff(world);
    settled = await world.run('edited');
    // As the bench: the floor from the fake's state before the measured run.
    floor = floorPerEndpoint(world);
    measured = await world.run('edited');
  }, spec.budgetMs);

  afterAll(async () => {
    if (!world) return;
    try {
      expectNoViolations(world.fake);
    } finally {
      await world.fake.close();
      await rm(world.runnerTemp, { recursive: true, force: true });
    }
  });

  it('the runs evaluate the PR', () => {
    expect(gateStatus(world)).toEqual(spec.status);
    expect([opened, settled, measured].map((run) => run.result.exitCode)).toEqual([0, 0, 0]);
  });

  it('the floor is the one expected for this PR', () => {
    expect(floor).toEqual(spec.floor);
  });

  it('an evaluation that finds nothing changed makes exactly the floor of requests, per endpoint', () => {
    expect(perEndpoint(measured.requests)).toEqual(floor);
    expect(measured.requests).toHaveLength(floor.reduce((sum, [, n]) => sum + n, 0));
  });

  it('an evaluation that finds nothing changed writes nothing', () => {
    expect(perEndpoint(measured.requests, isWrite)).toEqual([]);
  });

  it('the first run writes the living comment and the status, once each', () => {
    expect(perEndpoint(opened.requests, isWrite)).toEqual([
      ['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 1],
      ['POST /repos/{owner}/{repo}/statuses/{sha}', 1],
    ]);
  });

  it('the run after the two sign-offs reacts to each, edits the comment and sets the status', () => {
    expect(perEndpoint(settled.requests, isWrite)).toEqual([
      ['PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', 1],
      ['POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', 2],
      ['POST /repos/{owner}/{repo}/statuses/{sha}', 1],
    ]);
  });
});
