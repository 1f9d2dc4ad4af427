import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaText } from '../../src/cli/schema-command.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { createGitHubClient, ReadOnlyViolation } from '../../src/github/octokit-client.ts';
import { DEFAULT_NETWORK } from '../../src/github/network-settings.ts';
import { bundlePath } from '../support/global-setup.ts';
import { REPO, useReleaseWorlds } from '../e2e/release-world.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const error: string[] = [];
  const value: CliIo = { out: (t) => out.push(t), error: (t) => error.push(t), env, cwd: dir };
  return { io: value, out, error };
}

describe('validate', () => {
  it('prints each error as file:line:col: message and exits non-zero', async () => {
    await writeFile(join(dir, 'r.yml'), 'version: 1\nchecks:\n  - { id: ci, name: CI, ci: {}, reveiws: {} }\n');
    const t = io();
    expect(await runCli(['validate', join(dir, 'r.yml')], t.io)).toBe(1);
    expect(t.error[0]).toBe(`${join(dir, 'r.yml')}:3:33: checks[0].reveiws: unknown key \`reveiws\` (did you mean \`reviews\`?)`);
  });

  it('a YAML syntax error', async () => {
    await writeFile(join(dir, 'r.yml'), 'version: 1\nchecks: [\n');
    const t = io();
    expect(await runCli(['validate', join(dir, 'r.yml')], t.io)).toBe(1);
    expect(t.error[0]).toMatch(/r\.yml:\d+:\d+: /);
  });

  it('a missing file', async () => {
    const t = io();
    expect(await runCli(['validate', join(dir, 'nope.yml')], t.io)).toBe(2);
    expect(t.error[0]).toContain('nope.yml: no such file');
  });

  it('a valid file', async () => {
    const t = io();
    expect(await runCli(['validate', 'templates/starter.yml'], { ...t.io, cwd: process.cwd() })).toBe(0);
    expect(t.out[0]).toBe('templates/starter.yml: valid — 4 checks, 1 role');
  });
});

describe('init', () => {
  it('writes the policy and the workflow, and refuses to overwrite without --force', async () => {
    const t = io();
    expect(await runCli(['init'], t.io)).toBe(0);
    expect(await readFile(join(dir, '.github/readiness.yml'), 'utf8')).toBe(await readFile('templates/starter.yml', 'utf8'));
    expect(await readFile(join(dir, '.github/workflows/release-readiness.yml'), 'utf8')).toContain('pull_request_target:');
    const again = io();
    expect(await runCli(['init'], { ...again.io, cwd: dir })).toBe(1);
    expect(again.error[0]).toContain('already exist: nothing written (use --force to overwrite)');
    expect(await runCli(['init', '--force'], { ...again.io, cwd: dir })).toBe(0);
  });

  it('an unknown template', async () => {
    const t = io();
    expect(await runCli(['init', '--template', 'nope'], t.io)).toBe(2);
    expect(t.error[0]).toMatch(/unknown template `nope`: choose one of .*starter/);
  });
});

describe('schema and usage', () => {
  it('the checked-in JSON Schema is current', async () => {
    expect(await readFile('templates/readiness.schema.json', 'utf8')).toBe(schemaText());
  });

  it('an unknown command or option prints the usage', async () => {
    const t = io();
    expect(await runCli(['frobnicate'], t.io)).toBe(2);
    expect(t.error[0]).toContain('Usage: release-readiness <command>');
    expect(await runCli(['validate', '--nope'], t.io)).toBe(2);
  });
});

describe('preview', () => {
  const newWorld = useReleaseWorlds();

  it('without a token', async () => {
    const t = io();
    expect(await runCli(['preview', '--repo', 'acme/rocket', '--pr', '1'], t.io)).toBe(2);
    expect(t.error[0]).toContain('preview needs a token: set GITHUB_TOKEN');
  });

  it('evaluates a real PR over HTTP, prints the comment, and changes nothing', async () => {
    const world = await newWorld();
    await world.gateOnPullRequest();
    const { id } = world.fake.addComment(REPO, world.pr, { user: 'alice', body: '/signoff security' });
    const writesBefore = world.fake.requests.filter((r) => r.method !== 'GET').length;
    const t = io({ GITHUB_TOKEN: 'ghs_gate', GITHUB_API_URL: world.fake.url });
    expect(await runCli(['preview', '--repo', REPO, '--pr', String(world.pr)], t.io)).toBe(0);
    expect(t.out[0]).toContain('waiting for sign-off: sre');
    expect(world.fake.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);
    expect(world.fake.reactions(id)).toEqual([]);
    const json = io({ GITHUB_TOKEN: 'ghs_gate', GITHUB_API_URL: world.fake.url });
    expect(await runCli(['preview', '--repo', REPO, '--pr', String(world.pr), '--json'], json.io)).toBe(0);
    expect(JSON.parse(json.out[0]!)).toMatchObject({ state: 'pending', ledger: [{ login: 'alice', counts: true }] });
  });

  it('is read-only by construction: its client refuses any request but a read, before it is sent', async () => {
    const world = await newWorld();
    const client = createGitHubClient({ token: 'ghs_gate', baseUrl: world.fake.url, ...DEFAULT_NETWORK, spaceWrites: false, readOnly: true, log: { debug: () => {}, warning: () => {} } });
    const sent = world.fake.requests.length;
    await expect(client.rest.issues.createComment({ owner: 'acme', repo: 'rocket', issue_number: world.pr, body: 'hello' })).rejects.toBeInstanceOf(ReadOnlyViolation);
    await expect(client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: 'acme', repo: 'rocket', comment_id: 1 })).rejects.toThrow('refused to send DELETE');
    expect(world.fake.requests.length).toBe(sent);
    const pr = await client.rest.pulls.get({ owner: 'acme', repo: 'rocket', pull_number: world.pr });
    expect(pr.data.number).toBe(world.pr);
    const t = io({ GITHUB_TOKEN: 'ghs_gate', GITHUB_API_URL: world.fake.url });
    expect(await runCli(['preview', '--repo', REPO, '--pr', String(world.pr)], t.io)).toBe(0);
    expect(world.fake.requests.slice(sent).map((r) => r.method)).toEqual(world.fake.requests.slice(sent).map(() => 'GET'));
  });

  it('a PR that does not exist', async () => {
    const world = await newWorld();
    const t = io({ GITHUB_TOKEN: 'ghs_gate', GITHUB_API_URL: world.fake.url });
    expect(await runCli(['preview', '--repo', REPO, '--pr', '99'], t.io)).toBe(1);
    expect(t.error[0]).toMatch(/Could not read acme\/rocket#99: GitHub answered 404/);
  });
});

describe('the bundle is the CLI', () => {
  it('runs as `node dist/index.js <command>`', () => {
    const result = spawnSync(process.execPath, [bundlePath, 'validate', 'templates/starter.yml'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('templates/starter.yml: valid — 4 checks, 1 role');
    expect(execFileSync(process.execPath, [bundlePath, 'templates'], { encoding: 'utf8' })).toContain('starter');
  });
});
