// Webhook deliveries to a GitHub App, as GitHub's Hookshot makes them: a POST
// of the JSON payload (with the `installation` it concerns) and the headers
// GitHub sends, signed with HMAC-SHA256 of the exact body under the App's
// webhook secret. GitHub waits 10 seconds for an answer.
// https://docs.github.com/webhooks/webhook-events-and-payloads#delivery-headers
import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { validateWebhook, webhookSchemaName } from './schema.ts';
import { installationCovers } from './state/apps.ts';
import type { AppRegistration, InstallationRecord, WebhookTarget } from './state/apps.ts';
import type { Store } from './state/store.ts';

export interface DeliveryOptions {
  /** Sign with this secret instead (a delivery the receiver must refuse). */
  secret?: string;
  /** Send this X-Hub-Signature-256 as it is, and no X-Hub-Signature. */
  signature?: string;
  /** Deliver to this URL instead of the App's: one replica of several behind a load balancer. */
  to?: string;
}

export interface DeliveryResult {
  /** X-GitHub-Delivery. */
  id: string;
  /** The receiver's status; 0 when no answer came (see `error`). */
  status: number;
  body: string;
  ms: number;
  /** Why no answer came: a refused connection, or no answer within 10 seconds. */
  error?: string;
}

/** A delivery as the App's "Recent deliveries" page would list it. */
export interface Delivery extends DeliveryResult {
  app: string;
  event: string;
  action: string | undefined;
  url: string;
  headers: Record<string, string>;
  payload: Record<string, unknown>;
}

const timeoutMs = 10_000;
const hookshot = 'GitHub-Hookshot/6f4cb1b';

export function hubSignature(secret: string, body: Buffer, algorithm: 'sha1' | 'sha256' = 'sha256'): string {
  return `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;
}

/**
 * The App's installation a payload concerns: the one covering its
 * repository, else the one on its organisation's account, else the App's only one.
 */
export function deliveryInstallation(store: Store, app: AppRegistration, payload: Record<string, unknown>): InstallationRecord | undefined {
  const installations = [...store.installations.values()].filter((i) => i.appId === app.appId);
  const fullName = (payload.repository as { full_name?: unknown } | undefined)?.full_name;
  const repo = typeof fullName === 'string' ? store.repos.get(fullName.toLowerCase()) : undefined;
  if (repo) return installations.find((i) => installationCovers(i, repo));
  const org = (payload.organization as { login?: unknown } | undefined)?.login;
  if (typeof org === 'string') return installations.find((i) => i.account.toLowerCase() === org.toLowerCase());
  return installations.length === 1 ? installations[0] : undefined;
}

/** Where the payload departs from the description's webhook schema for the event (none when it has no schema). */
export function webhookProblems(event: string, payload: Record<string, unknown>): string[] {
  const action = typeof payload.action === 'string' ? payload.action : undefined;
  const name = webhookSchemaName(event, action);
  return name ? validateWebhook(name, payload).map((m) => `webhook-${name}: ${m}`) : [];
}

export interface PreparedDelivery {
  id: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

export function prepareDelivery(app: AppRegistration, target: WebhookTarget, event: string, payload: Record<string, unknown>, options: DeliveryOptions = {}): PreparedDelivery {
  const id = randomUUID();
  const body = Buffer.from(JSON.stringify(payload));
  const secret = options.secret ?? target.secret ?? app.webhookSecret;
  const signatures: Record<string, string> =
    options.signature === undefined ? { 'X-Hub-Signature': hubSignature(secret, body, 'sha1'), 'X-Hub-Signature-256': hubSignature(secret, body) } : { 'X-Hub-Signature-256': options.signature };
  const headers: Record<string, string> = {
    Accept: '*/*',
    'Content-Type': 'application/json',
    'User-Agent': hookshot,
    'X-GitHub-Delivery': id,
    'X-GitHub-Event': event,
    'X-GitHub-Hook-ID': String(app.hookId),
    'X-GitHub-Hook-Installation-Target-ID': String(app.appId),
    'X-GitHub-Hook-Installation-Target-Type': 'integration',
    ...signatures,
  };
  return { id, url: target.url, headers, body };
}

/** POSTs with node:http on a connection of its own (closed after the answer). */
export function postDelivery(delivery: PreparedDelivery): Promise<DeliveryResult> {
  const url = new URL(delivery.url);
  if (url.protocol !== 'http:') throw new Error(`The fake delivers over http only, not to ${delivery.url}`);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent: false, headers: { ...delivery.headers, 'Content-Length': String(delivery.body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ id: delivery.id, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: elapsed() }));
      res.on('error', (error) => resolve({ id: delivery.id, status: res.statusCode ?? 0, body: '', ms: elapsed(), error: error.message }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', (error) => resolve({ id: delivery.id, status: 0, body: '', ms: elapsed(), error: error.message }));
    req.end(delivery.body);
  });
}
