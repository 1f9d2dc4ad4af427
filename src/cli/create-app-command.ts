import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { errorMessage } from '../core/errors/error-message.ts';
import { html as escape } from '../core/render/markdown.ts';
import { nodeFetch } from '../github/requests/node-fetch.ts';
import { appManifest } from '../server/app-manifest.ts';
import type { CliIo } from './cli-io.ts';

export interface CreateAppOptions {
  /** Where GitHub will deliver the App's webhooks: the server's public URL and path. */
  webhookUrl: string;
  /** Create it under this organisation instead of the person's own account. */
  org: string | null;
  /** GitHub's web address (a GHES host for GitHub Enterprise Server). */
  githubUrl: string;
  /** Its REST API root. */
  apiUrl: string;
  name: string | null;
  /** Where the key and the settings are written. */
  out: string;
  /** The local page's port; 0 for any free one. */
  port: number;
  /** Give up after this long without GitHub's answer. */
  timeoutMs: number;
}

interface Conversion {
  id: number;
  slug: string;
  name: string;
  html_url: string;
  pem: string;
  webhook_secret: string | null;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body style="font-family:system-ui;max-width:40rem;margin:3rem auto">${body}</body></html>\n`;
}

/**
 * `release-readiness create-app`: GitHub's App manifest flow, from this machine. A page on
 * 127.0.0.1 holds the manifest (every permission and event the server needs); one click on
 * GitHub creates the App, GitHub sends the browser back here with a one-time code, and the code
 * is exchanged for the App's id, key and webhook secret, written beside each other with owner-only
 * access, ready for `serve`.
 */
export async function createAppCommand(options: CreateAppOptions, io: CliIo): Promise<number> {
  if (!/^https?:\/\/[^/]/.test(options.webhookUrl)) {
    io.error(`--webhook-url must be where the server will listen, like https://readiness.example.com/api/github/webhooks (got \`${options.webhookUrl}\`)`);
    return 2;
  }
  const state = randomBytes(16).toString('hex');
  let settle!: (code: number) => void;
  const finished = new Promise<number>((resolveCode) => (settle = resolveCode));
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/html' }).end(page('Error', `<p>${escape(errorMessage(error))}</p>`));
      io.error(`create-app: ${errorMessage(error)}`);
      settle(1);
    });
  });
  await new Promise<void>((listening) => server.listen(options.port, '127.0.0.1', listening));
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const manifest = appManifest(options.webhookUrl, { redirectUrl: `${local}/callback`, ...(options.name ? { name: options.name } : {}) });
  const target = options.org ? `${options.githubUrl}/organizations/${encodeURIComponent(options.org)}/settings/apps/new` : `${options.githubUrl}/settings/apps/new`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', local);
    if (url.pathname === '/') {
      const form = `<h1>Create the Release Readiness GitHub App</h1><p>Webhooks go to <code>${escape(options.webhookUrl)}</code>. GitHub shows the permissions and events before it creates anything.</p><form method="post" action="${escape(`${target}?state=${state}`)}"><input type="hidden" name="manifest" value="${escape(JSON.stringify(manifest))}"><button type="submit">Create GitHub App</button></form>`;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Create the GitHub App', form));
      return;
    }
    if (url.pathname !== '/callback') {
      response.writeHead(404).end();
      return;
    }
    const code = url.searchParams.get('code');
    // The state proves the browser came from this page: nobody else's code is exchanged here.
    if (url.searchParams.get('state') !== state || !code || !/^[A-Za-z0-9_-]+$/.test(code)) {
      response.writeHead(400, { 'content-type': 'text/html' }).end(page('Refused', '<p>This answer does not come from the page this command served.</p>'));
      return;
    }
    const answer = await nodeFetch(`${options.apiUrl}/app-manifests/${code}/conversions`, { method: 'POST', headers: { accept: 'application/vnd.github+json', 'user-agent': 'release-readiness' } });
    if (answer.status !== 201) throw new Error(`GitHub answered ${answer.status} to the conversion of the manifest code (codes last an hour and work once): ${await answer.text()}`);
    const app = (await answer.json()) as Conversion;
    const out = resolve(options.out);
    await mkdir(out, { recursive: true });
    const keyPath = join(out, `${app.slug}.private-key.pem`);
    const envPath = join(out, `${app.slug}.env`);
    // Owner-only: the key signs as the App, the secret authenticates GitHub to the server.
    await writeFile(keyPath, app.pem, { mode: 0o600 });
    await writeFile(envPath, `APP_ID=${app.id}\nWEBHOOK_SECRET=${app.webhook_secret ?? ''}\nPRIVATE_KEY_PATH=${keyPath}\n`, { mode: 0o600 });
    const install = `${app.html_url}/installations/new`;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Created', `<p>Created <a href="${escape(app.html_url)}">${escape(app.name)}</a>. Its settings are in <code>${escape(envPath)}</code>.</p><p>Next: <a href="${escape(install)}">install it</a> on the repositories it gates.</p>`));
    io.out(`Created the GitHub App ${app.name} (${app.slug}, id ${app.id}).`);
    io.out(`Wrote ${keyPath} and ${envPath} (owner-only): start the server with them, e.g. \`env $(cat ${envPath}) release-readiness serve\`.`);
    io.out(`Next: install it on the repositories it gates: ${install}`);
    settle(0);
  }

  io.out(`Open ${local}/ in a browser on this machine and click "Create GitHub App" (waiting ${Math.round(options.timeoutMs / 60_000)} minutes).`);
  const timer = setTimeout(() => {
    io.error('create-app: GitHub did not send the browser back in time; run the command again.');
    settle(1);
  }, options.timeoutMs);
  const code = await finished;
  clearTimeout(timer);
  server.closeAllConnections();
  await new Promise<void>((closed) => server.close(() => closed()));
  return code;
}
