import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaText } from '../../src/cli/schema-command.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { createGitHubClient } from '../../src/github/octokit-client.ts';
import { ReadOnlyViolation } from '../../src/github/requests/client-errors.ts';
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
    await writeFile(join(dir, 'r.yml'), 'version: 1\nsignoffs:\n  sre: { users: [carol] }\nchecks:\n  - { id: ci, name: CI, ci: {} }\n');
    const t = io();
    expect(await runCli(['validate', join(dir, 'r.yml')], t.io)).toBe(0);
    expect(t.out).toEqual([`${join(dir, 'r.yml')}: valid — 1 checks, 1 role`]);
    expect(t.error).toEqual([]);
  });

  it('a template as it is: valid, with a warning for each placeholder login left in it', async () => {
    const t = io();
    expect(await runCli(['validate', 'templates/starter.yml'], { ...t.io, cwd: process.cwd() })).toBe(0);
    expect(t.out).toEqual(['templates/starter.yml: valid — 4 checks, 1 role (1 warning)']);
    expect(t.error).toEqual(['templates/starter.yml:11:13: warning: signoffs.security.users[0]: `your-security-lead` is a placeholder from a template: replace it with the GitHub login of someone who signs off `security` (or use `teams:` / `permission:`)']);
  });

  // Each bad policy: one located line (file:line:col), a count, exit 1; never a stack trace.
  const bomb = 'version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
  const twentyThousandChecks = `version: 1\nchecks:\n${Array.from({ length: 20_000 }, (_, i) => `  - id: check-${i}\n    name: Check ${i} of a checklist far longer than any release needs\n    ci: {}\n`).join('')}`;
  it.each<[string, string | Uint8Array, string]>([
    ['an alias bomb', bomb, ':3:8: aliases (`*a` and the others) copy their anchors more than 100 times in all, as a YAML alias bomb does: write the values out instead'],
    ['bytes that are not UTF-8', new Uint8Array([...new TextEncoder().encode('version: 1\nchecks:\n  - id: ci\n    name: CI '), 0xff, 0xfe, ...new TextEncoder().encode('\n    ci: {}\n')]), ':4:14: byte 43 is not UTF-8: save the file as UTF-8'],
    ['20,000 checks in 2 MB', twentyThousandChecks, ':1:1: the file is 1971 KB; a policy may be at most 256 KB: split long checklists into fewer, broader checks'],
    ['a policy that is only `version: 1`', 'version: 1\n', ':1:1: the policy requires nothing (no checks and no sign-offs): the gate would pass every release PR; add a check under `checks:` or a role under `signoffs:`'],
    ['two YAML documents', '---\nversion: 1\nchecks:\n  - { id: ci, name: CI, ci: {} }\n---\nversion: 1\n', ':5:1: a second YAML document (`---`): a policy is one document; remove this `---` and merge what follows into the first'],
  ])('refuses %s with a located error', async (_name, content, error) => {
    const file = join(dir, 'r.yml');
    await writeFile(file, content);
    const t = io();
    expect(await runCli(['validate', file], t.io)).toBe(1);
    expect(t.error).toEqual([`${file}${error}`, `${file}: 1 error`]);
    expect(t.out).toEqual([]);
  });

  it('a directory, or a path through a file: one line, exit 2', async () => {
    await mkdir(join(dir, 'readiness.yml'));
    const t = io();
    expect(await runCli(['validate', join(dir, 'readiness.yml')], t.io)).toBe(2);
    expect(t.error).toEqual([`${join(dir, 'readiness.yml')}: is a directory, not a file: give the path of readiness.yml`]);
    await writeFile(join(dir, 'r.yml'), 'version: 1\n');
    const u = io();
    expect(await runCli(['validate', join(dir, 'r.yml', 'x.yml')], u.io)).toBe(2);
    expect(u.error).toEqual([`${join(dir, 'r.yml', 'x.yml')}: could not be read: ENOTDIR: not a directory, open '${join(dir, 'r.yml', 'x.yml')}'`]);
  });

  it('reads no more than the limit, whatever the path is', async () => {
    const t = io();
    expect(await runCli(['validate', '/dev/zero'], t.io)).toBe(1);
    expect(t.error[0]).toBe('/dev/zero:1:1: the file is 257 KB; a policy may be at most 256 KB: split long checklists into fewer, broader checks');
  });
});

describe('init', () => {
  it('writes the policy, its schema beside it and the workflow, and refuses to overwrite without --force', async () => {
    const t = io();
    expect(await runCli(['init'], t.io)).toBe(0);
    expect(t.out.slice(0, 3)).toEqual(['wrote .github/readiness.yml', 'wrote .github/readiness.schema.json', 'wrote .github/workflows/release-readiness.yml']);
    const policy = await readFile(join(dir, '.github/readiness.yml'), 'utf8');
    expect(policy).toBe(await readFile('templates/starter.yml', 'utf8'));
    // The policy names the schema by a path relative to itself: editors find it with nothing to fetch.
    expect(policy.split('\n')[0]).toBe('# yaml-language-server: $schema=readiness.schema.json');
    expect(await readFile(join(dir, '.github/readiness.schema.json'), 'utf8')).toBe(schemaText());
    expect(await readFile(join(dir, '.github/workflows/release-readiness.yml'), 'utf8')).toContain('pull_request_target:');
    const again = io();
    expect(await runCli(['init'], { ...again.io, cwd: dir })).toBe(1);
    expect(again.error[0]).toContain('already exist: nothing written (use --force to overwrite)');
    expect(await runCli(['init', '--force'], { ...again.io, cwd: dir })).toBe(0);
  });

  it('every template names the schema beside it, as init writes it', async () => {
    for (const name of ['starter', 'agent-governance', 'trust-sidecar', 'chatbot-gateway-k8s']) {
      const t = io();
      const target = await mkdtemp(join(dir, `${name}-`));
      expect(await runCli(['init', '--template', name], { ...t.io, cwd: target })).toBe(0);
      const policy = await readFile(join(target, '.github/readiness.yml'), 'utf8');
      expect(policy.split('\n')[0]).toBe('# yaml-language-server: $schema=readiness.schema.json');
      expect((await readFile(`templates/${name}.yml`, 'utf8')).split('\n')[0]).toBe('# yaml-language-server: $schema=readiness.schema.json');
    }
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

  it('no command prints the usage', async () => {
    const t = io();
    expect(await runCli([], t.io)).toBe(2);
    expect(t.error[0]).toMatch(/^Usage: release-readiness <command>/);
  });

  it('the JSON Schema names no URL nobody can fetch', () => {
    expect(schemaText()).not.toContain('acme/');
    expect(JSON.parse(schemaText())).not.toHaveProperty('$id');
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
    expect(t.out[0]).toContain('Waiting for 1 sign-off (sre)');
    expect(world.fake.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);
    expect(world.fake.reactions(id)).toEqual([]);
    const json = io({ GITHUB_TOKEN: 'ghs_gate', GITHUB_API_URL: world.fake.url });
    expect(await runCli(['preview', '--repo', REPO, '--pr', String(world.pr), '--json'], json.io)).toBe(0);
    expect(JSON.parse(json.out[0]!)).toMatchObject({ state: 'pending', ledger: [{ login: 'alice', counts: true }] });
  });

  it('is read-only by construction: its client refuses any request but a read, before it is sent', async () => {
    const world = await newWorld();
    const client = createGitHubClient({ token: 'ghs_gate', baseUrl: world.fake.url, ...DEFAULT_NETWORK, readOnly: true, log: { debug: () => {}, warning: () => {} } });
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
  /** The environment of a terminal: no runner variables (the tests themselves may run in one). */
  const terminal = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(GITHUB_|RUNNER_|INPUT_|ACTIONS_)/.test(name)));
  const bundle = (args: string[], env: NodeJS.ProcessEnv = terminal()) => spawnSync(process.execPath, [bundlePath, ...args], { encoding: 'utf8', env });

  it('runs as `node dist/index.js <command>`', () => {
    const result = bundle(['validate', 'templates/starter.yml']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('templates/starter.yml: valid — 4 checks, 1 role (1 warning)');
    expect(execFileSync(process.execPath, [bundlePath, 'templates'], { encoding: 'utf8' })).toContain('starter');
  });

  it('with no arguments outside a runner: the usage, exit 2', () => {
    const result = bundle([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Usage: release-readiness <command>/);
    expect(result.stdout).toBe('');
  });

  it('with no arguments in a runner: the action', () => {
    const result = bundle([], { ...terminal(), GITHUB_ACTIONS: 'true' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error::Input `github-token` is empty');
  });

  it('never prints a stack trace of the bundle: a hostile policy is one located line', async () => {
    const file = join(dir, 'bomb.yml');
    await writeFile(file, 'version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n');
    const result = bundle(['validate', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${file}:3:8: aliases (\`*a\` and the others) copy their anchors more than 100 times in all, as a YAML alias bomb does: write the values out instead\n${file}: 1 error\n`);
    const directory = bundle(['validate', dir]);
    expect(directory.status).toBe(2);
    expect(directory.stderr).toBe(`${dir}: is a directory, not a file: give the path of readiness.yml\n`);
  });
});
