// For the tests of GitHub Apps on the fake: requests through @octokit/request
// (answers of any status, not thrown), an App's JWT on the fake's clock, and a
// webhook receiver on 127.0.0.1 that checks signatures as an App must.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from '@octokit/request';
import { RequestError } from '@octokit/request-error';
import { afterEach, beforeEach } from 'vitest';
import type { FakeGitHub, RegisteredApp } from './index.ts';
import { signAppJwt } from './index.ts';
import { useSeededFake } from './test-helpers.ts';
import type { SeededFake } from './test-helpers.ts';

export interface Answer {
  status: number;
  data: unknown;
  headers: Record<string, string | number | undefined>;
}

/** `route` as Octokit spells it (`POST /app/installations/{installation_id}/access_tokens`); `auth` is the whole Authorization header. */
export async function api(fake: FakeGitHub, route: string, auth: string | undefined, params: Record<string, unknown> = {}): Promise<Answer> {
  try {
    const res = await request(route, { baseUrl: fake.url, headers: auth ? { authorization: auth } : {}, ...params });
    return { status: res.status, data: res.data, headers: res.headers };
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    return { status: error.status, data: error.response?.data, headers: error.response?.headers ?? {} };
  }
}

/** The JWT an App's code signs, as GitHub's guide does it: issued a minute early, expiring in ten, on the fake's clock. */
export function appJwt(fake: FakeGitHub, app: RegisteredApp, claims: Record<string, unknown> = {}): string {
  const now = fake.clock.epochSeconds();
  return signAppJwt(app.privateKey, { iat: now - 60, exp: now + 600, iss: app.clientId, ...claims });
}

/** An installation token for the App's installation, minted over HTTP with its JWT. */
export async function installationToken(fake: FakeGitHub, app: RegisteredApp, installationId: number, body: Record<string, unknown> = {}): Promise<string> {
  const minted = await api(fake, 'POST /app/installations/{installation_id}/access_tokens', `Bearer ${appJwt(fake, app)}`, { installation_id: installationId, ...body });
  if (minted.status !== 201) throw new Error(`Minting a token answered ${minted.status}: ${JSON.stringify(minted.data)}`);
  return (minted.data as { token: string }).token;
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Whether X-Hub-Signature-256 is the HMAC-SHA256 of the body under the secret. */
  signed: boolean;
}

export interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export function signatureMatches(secret: string, body: Buffer, header: string | string[] | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(typeof header === 'string' ? header : '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** An App's webhook endpoint: 401 for a delivery whose signature is wrong, else 202. A function gives the secret once it is known. */
export async function webhookReceiver(secret: string | (() => string)): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const signed = signatureMatches(typeof secret === 'string' ? secret : secret(), body, req.headers['x-hub-signature-256']);
      received.push({ headers: req.headers, body, signed });
      res.writeHead(signed ? 202 : 401, { 'content-type': 'text/plain' }).end(signed ? 'accepted' : 'bad signature');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface AppWorld {
  fake: FakeGitHub;
  /** release-gate, installed on acme/rocket (seedRepo's) only. */
  app: RegisteredApp;
  installation: number;
  number: number;
  head: string;
  /** Every App's webhook target, checking release-gate's secret. */
  receiver: Receiver;
}

/**
 * useSeededFake() (a fresh fake with seedRepo(), checked for violations and
 * closed after each test), with the release-gate App installed on acme/rocket
 * and a webhook receiver for it. `receive` hands the test its world.
 */
export function useAppWorld(receive: (world: AppWorld) => void): void {
  let seeded: SeededFake | undefined;
  let receiver: Receiver | undefined;
  useSeededFake((s) => (seeded = s));
  beforeEach(async () => {
    const { fake, number, head } = seeded!;
    const app = fake.registerApp({ slug: 'release-gate' });
    const installation = fake.installApp(app.id, 'acme/rocket');
    receiver = await webhookReceiver(app.webhookSecret);
    fake.webhookTarget({ url: receiver.url });
    receive({ fake, app, installation, number, head, receiver });
  });
  // Runs before useSeededFake's own (hooks unwind as a stack).
  afterEach(() => receiver?.close());
}
