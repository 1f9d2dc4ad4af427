// `explain` and `record` read a real PR over HTTP, as `preview` does, and change nothing.
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { REPO, useReleaseWorlds, type ReleaseWorld } from '../e2e/release-world.ts';
import { validateRecord } from '../support/record-schema.ts';

const newWorld = useReleaseWorlds();
const validate = validateRecord;

function io(world: ReleaseWorld) {
  const out: string[] = [];
  const error: string[] = [];
  const value: CliIo = { out: (t) => out.push(t), error: (t) => error.push(t), env: { GITHUB_TOKEN: 'ghs_gate', GITHUB_API_URL: world.fake.url }, cwd: process.cwd() };
  return { io: value, out, error };
}

/** Green CI and two approvals; the sign-offs as given. Nothing runs the gate: the commands evaluate. */
async function releasePr(...signoffs: [user: string, body: string][]): Promise<ReleaseWorld> {
  const world = await newWorld();
  world.fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
  for (const user of ['alice', 'bob']) world.fake.addReview(REPO, world.pr, { user, state: 'APPROVED' });
  for (const [user, body] of signoffs) world.fake.addComment(REPO, world.pr, { user, body });
  return world;
}

const writes = (world: ReleaseWorld) => world.fake.requests.filter((request) => request.method !== 'GET').length;

describe('explain', () => {
  it('says why a PR is not ready, line by line, and what to do, changing nothing', async () => {
    const world = await releasePr(['alice', '/signoff security']);
    const t = io(world);
    expect(await runCli(['explain', '--repo', REPO, '--pr', String(world.pr)], t.io)).toBe(0);
    expect(t.error).toEqual([]);
    const text = t.out.join('\n');
    expect(text).toMatch(new RegExp(`^acme/rocket#${world.pr} at [0-9a-f]{7}: ⏳ Not ready yet\nStatus release-readiness: Waiting for 1 sign-off \\(sre\\)\nPolicy \\.github/readiness\\.yml from main\n`));
    expect(text).toContain('  ✅ CI/CD pipeline passed: 1 passed on');
    expect(text).toContain('  ✅ Code peer-reviewed: Approved by alice (https://github.com/acme/rocket/pull/');
    expect(text).toContain('  ⏳ On-call engineers alerted: Waiting for /signoff sre');
    expect(text).toMatch(/ {2}✅ security: signed by alice at 2026-\d\d-\d\d \d\d:\d\d UTC on [0-9a-f]{7}/);
    expect(text).toContain('  ⏳ sre: waiting for `/signoff sre` from one of carol');
    expect(writes(world)).toBe(0);
  });

  it('a ready PR', async () => {
    const world = await releasePr(['alice', '/signoff security'], ['carol', '/signoff sre']);
    const t = io(world);
    expect(await runCli(['explain', '--repo', REPO, '--pr', String(world.pr)], t.io)).toBe(0);
    expect(t.out[0]).toContain('✅ Ready to release\nStatus release-readiness: Ready: 3 checks pass, 2 sign-offs in');
  });

  it('needs the PR, as preview does', async () => {
    const world = await releasePr();
    const t = io(world);
    expect(await runCli(['explain', '--repo', REPO], t.io)).toBe(2);
    expect(t.error[0]).toMatch(/^explain needs --repo owner\/name and --pr N/);
  });
});

describe('record', () => {
  it('prints the readiness record of a ready PR: the Statement the action writes, valid against its schema', async () => {
    const world = await releasePr(['alice', '/signoff security'], ['carol', '/signoff sre']);
    const t = io(world);
    expect(await runCli(['record', '--repo', REPO, '--pr', String(world.pr)], t.io)).toBe(0);
    expect(t.error).toEqual([]);
    const record = JSON.parse(t.out.join('\n'));
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(record).toMatchObject({ subject: [{ digest: { gitCommit: world.head() } }], predicate: { gate: { runUrl: null }, policy: { ref: 'main' } } });
    expect(writes(world)).toBe(0);
  });

  it('exits 1, saying why, when the PR is not ready', async () => {
    const world = await releasePr(['alice', '/signoff security']);
    const t = io(world);
    expect(await runCli(['record', '--repo', REPO, '--pr', String(world.pr)], t.io)).toBe(1);
    expect(t.out).toEqual([]);
    expect(t.error).toEqual([`#${world.pr} is not ready (pending): Waiting for 1 sign-off (sre). \`explain\` says what is missing.`]);
  });

  it('exits 1 for a PR the gate does not apply to: no release, no record', async () => {
    const world = await newWorld({ base: 'main' });
    const t = io(world);
    expect(await runCli(['record', '--repo', REPO, '--pr', String(world.pr)], t.io)).toBe(1);
    expect(t.error).toEqual([`#${world.pr} is not a release pull request: the gate does not apply, and there is no readiness record.`]);
  });

  it('a PR that does not exist', async () => {
    const world = await releasePr();
    const t = io(world);
    expect(await runCli(['record', '--repo', REPO, '--pr', '99'], t.io)).toBe(1);
    expect(t.error[0]).toMatch(/Could not read acme\/rocket#99: GitHub answered 404/);
  });
});
