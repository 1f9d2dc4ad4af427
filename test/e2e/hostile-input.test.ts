// Input anyone can write — a title, a description, a policy in the PR's head — never makes a
// run slow, and one slow PR never keeps a run over many from reaching the others.
import { describe, expect, it } from 'vitest';
import { scheduleEvent } from '../support/payloads.ts';
import { logOf, POLICY, REPO, useReleaseWorlds } from './release-world.ts';
import { hostileBody } from '../fixtures/hostile-input.ts';

const newWorld = useReleaseWorlds();

const catastrophicTitle = `version: 1\nrelease:\n  title: "^(a|aa)+$"\nchecks:\n  - id: ci\n    name: CI\n    ci: {}\n`;
const bodyCheck = `${POLICY}  - id: rollback\n    name: Rollback plan documented\n    pr_body: { sections: ["Rollback plan"], matches: "(x+x+)+y" }\n`;

describe('hostile input', () => {
  it('a backtracking title rule against a long title: decided at once', async () => {
    const world = await newWorld({ policy: catastrophicTitle, title: `${'a'.repeat(5000)}!` });
    const result = await world.gateOnPullRequest();
    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBe(0);
    expect(logOf(result)).toContain('not-release');
  });

  it('a 64 KB description built to stall a section parser: decided at once', async () => {
    const world = await newWorld({ policy: bodyCheck });
    world.fake.setPullRequest(REPO, world.pr, { body: hostileBody() });
    const result = await world.gateOnPullRequest('edited');
    expect(result.timedOut).toBe(false);
    expect(world.gateComments()[0]!.body).toContain('Rollback plan documented');
  });

  it('a 50,000-key readiness.yml in the head of a PR into the default branch: refused before parsing, and the PR cannot pass', async () => {
    const world = await newWorld({ base: 'main', policy: POLICY.replace('["release/**"]', '["main", "release/**"]') });
    const huge = `version: 1\nchecks: []\nextra:\n${Array.from({ length: 50_000 }, (_, i) => `  k${i}: ${i}\n`).join('')}`;
    world.fake.pushToPullRequest(REPO, world.pr, { '.github/readiness.yml': huge });
    const result = await world.gateOnPullRequest('synchronize');
    expect(result.timedOut).toBe(false);
    expect(result.outputs['state']).toBe('error');
    expect(world.gateComments()[0]!.body).toMatch(/this PR makes .github\/readiness.yml invalid: .github\/readiness.yml:1:1: the file is \d+ KB; a policy may be at most 256 KB/);
  });

  it('a 50,000-key readiness.yml on the base: a located error', async () => {
    const huge = `version: 1\nextra:\n${Array.from({ length: 50_000 }, (_, i) => `  k${i}: ${i}\n`).join('')}`;
    const world = await newWorld({ policy: huge });
    const result = await world.gateOnPullRequest();
    expect(result.outputs['state']).toBe('error');
    expect(world.gateStatuses()[0]!.description).toMatch(/^Invalid readiness.yml: \.github\/readiness\.yml:1:1: the file is \d+ KB/);
  });

  it('a schedule run over 20 PRs, one of them too slow: it gets error saying why, the others are evaluated', async () => {
    const world = await newWorld({ policy: `${catastrophicTitle.replace('^(a|aa)+$', '^(Release|a+)')}` });
    const numbers = [world.pr];
    for (let i = 1; i < 20; i++) {
      world.fake.commit(REPO, `prepare-1.4.${i}`, { 'src/app.ts': `export const version = "1.4.${i}";\n` });
      numbers.push(world.fake.openPullRequest(REPO, { base: 'release/1.4', head: `prepare-1.4.${i}`, title: i === 7 ? `${'a'.repeat(3000)}!` : `Release 1.4.${i}`, author: 'dave' }));
    }
    const slow = numbers[12]!;
    world.fake.inject({ method: 'GET', path: `/repos/${REPO}/commits/${world.fake.headSha(REPO, slow)}/check-runs`, delayMs: 25_000 });
    const result = await world.gate('schedule', scheduleEvent(), { inputs: { 'pr-timeout': '10' }, timeoutMs: 110_000 });
    const stateOf = (n: number) => world.fake.statuses(REPO, world.fake.headSha(REPO, n)).find((status) => status.context === 'release-readiness');
    expect(stateOf(slow)).toMatchObject({ state: 'error', description: expect.stringContaining('took longer than 10 s') });
    for (const n of numbers.filter((n) => n !== slow)) expect(stateOf(n), `#${n}: ${stateOf(n)?.description}`).toMatchObject({ state: 'pending' });
    expect(result.outputs['state']).toBe('error');
    expect(logOf(result)).toContain(`#${slow}: the evaluation took longer than 10 s`);
  }, 120_000);
});
