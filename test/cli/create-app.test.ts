// `create-app`: GitHub's App manifest flow from this machine. A page on 127.0.0.1 posts the
// manifest to GitHub; GitHub (here the fake, as if a person clicked "Create GitHub App") sends the
// browser back with a one-time code, which the command exchanges for the App's id, key and secret.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { appManifest } from '../../src/server/app-manifest.ts';
import { createFakeGitHub, type FakeGitHub } from '../fake-github/index.ts';

const WEBHOOK = 'https://readiness.example.com/api/github/webhooks';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

interface Running {
  fake: FakeGitHub;
  out: string[];
  error: string[];
  dir: string;
  /** The local page, once the command printed it. */
  local: Promise<string>;
  exit: Promise<number>;
}

async function createApp(args: string[] = []): Promise<Running> {
  const fake = await createFakeGitHub();
  const dir = await mkdtemp(join(tmpdir(), 'create-app-'));
  cleanup.push(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });
  const out: string[] = [];
  const error: string[] = [];
  let printed!: (url: string) => void;
  const local = new Promise<string>((resolve) => (printed = resolve));
  const io: CliIo = {
    out: (text) => {
      out.push(text);
      const url = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(text)?.[1];
      if (url) printed(url);
    },
    error: (text) => error.push(text),
    env: {},
    cwd: dir,
  };
  const exit = runCli(['create-app', '--webhook-url', WEBHOOK, '--github-url', 'https://github.example', '--api-url', fake.url, '--out', 'secrets', ...args], io);
  return { fake, out, error, dir, local, exit };
}

const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The form of the local page: where it posts, and the manifest it posts. */
async function form(local: string): Promise<{ action: string; manifest: Record<string, unknown> }> {
  const html = await (await fetch(`${local}/`)).text();
  const action = unescape(/<form method="post" action="([^"]+)"/.exec(html)![1]!);
  const manifest = JSON.parse(unescape(/name="manifest" value="([^"]+)"/.exec(html)![1]!)) as Record<string, unknown>;
  return { action, manifest };
}

describe('create-app', () => {
  it('creates the App in one click: the manifest posted, the code exchanged, the key and settings written owner-only', async () => {
    const run = await createApp(['--org', 'acme']);
    const local = await run.local;
    const { action, manifest } = await form(local);
    const state = new URL(action).searchParams.get('state')!;
    expect(action).toBe(`https://github.example/organizations/acme/settings/apps/new?state=${state}`);
    expect(state).toMatch(/^[0-9a-f]{32}$/);
    expect(manifest).toEqual(appManifest(WEBHOOK, { redirectUrl: `${local}/callback` }));

    // A person clicks "Create GitHub App" on GitHub, which sends the browser back with a code.
    run.fake.addUser('acme', 'Organization');
    const code = run.fake.createAppFromManifest(manifest, { owner: 'acme' });
    const back = await fetch(`${local}/callback?code=${code}&state=${state}`);
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('/installations/new');
    expect(await run.exit).toBe(0);

    const env = await readFile(join(run.dir, 'secrets', 'release-readiness.env'), 'utf8');
    const [, id] = /^APP_ID=(\d+)$/m.exec(env)!;
    expect(env).toMatch(/^WEBHOOK_SECRET=[0-9a-f]{20,}$/m);
    expect(env).toContain(`PRIVATE_KEY_PATH=${join(run.dir, 'secrets', 'release-readiness.private-key.pem')}`);
    const key = join(run.dir, 'secrets', 'release-readiness.private-key.pem');
    expect(await readFile(key, 'utf8')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    for (const file of [key, join(run.dir, 'secrets', 'release-readiness.env')]) expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(run.out.join('\n')).toContain(`Created the GitHub App Release Readiness (release-readiness, id ${id}).`);
    expect(run.fake.violations).toEqual([]);
  });

  it('exchanges no code that did not come back through its own page', async () => {
    const run = await createApp();
    const local = await run.local;
    const { action, manifest } = await form(local);
    const state = new URL(action).searchParams.get('state')!;
    const code = run.fake.createAppFromManifest(manifest);
    const forged = await fetch(`${local}/callback?code=${code}&state=${'0'.repeat(32)}`);
    expect(forged.status).toBe(400);
    expect(run.fake.requests.filter((request) => request.path.startsWith('/app-manifests/'))).toEqual([]);
    // The real answer still works afterwards.
    expect((await fetch(`${local}/callback?code=${code}&state=${state}`)).status).toBe(200);
    expect(await run.exit).toBe(0);
  });

  it('says what went wrong when GitHub refuses the code, and exits 1', async () => {
    const run = await createApp();
    const local = await run.local;
    const { action } = await form(local);
    const state = new URL(action).searchParams.get('state')!;
    const answer = await fetch(`${local}/callback?code=not-a-real-code&state=${state}`);
    expect(answer.status).toBe(500);
    expect(await run.exit).toBe(1);
    expect(run.error.join('\n')).toMatch(/GitHub answered 404 to the conversion of the manifest code \(codes last an hour and work once\)/);
  });

  it('needs to know where the server will listen', async () => {
    const error: string[] = [];
    const io: CliIo = { out: () => {}, error: (text) => error.push(text), env: {}, cwd: process.cwd() };
    expect(await runCli(['create-app'], io)).toBe(2);
    expect(error[0]).toMatch(/^create-app needs --webhook-url/);
    expect(await runCli(['create-app', '--webhook-url', 'readiness.example.com'], io)).toBe(2);
    expect(error[1]).toMatch(/^--webhook-url must be where the server will listen/);
  });
});
