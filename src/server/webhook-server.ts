import { createNodeMiddleware } from '@octokit/webhooks';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage } from '../core/errors/error-message.ts';
import { queueDeploymentReview } from './deployment-protection.ts';
import { queueGateRun, type GateServer } from './gate-delivery.ts';
import { Installations } from './installations.ts';
import type { StructuredLogger } from './json-logger.ts';
import { SerialWork } from './serial-work.ts';
import { scheduleSweeps } from './periodic-sweep.ts';
import { RecordSigner } from './signed-records.ts';
import type { ServerSettings } from './server-settings.ts';

/** GitHub caps a webhook payload at 25 MB; anything larger is not from GitHub. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;
/** GitHub gives up on a delivery after 10 s: the answer comes once the work is queued, well before. */
const ANSWER_WITHIN_MS = 5_000;

export interface RunningServer {
  url: string;
  /** Resolves when every queued evaluation is done. */
  idle(): Promise<void>;
  /** Stops taking deliveries, lets the queued work finish, and closes. */
  close(): Promise<void>;
}

function json(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body)}\n`);
}

/**
 * The GitHub App's webhook server: @octokit/webhooks verifies each delivery's signature and
 * routes it; the gate answers it with the installation's token. It keeps no state of its own
 * beyond caches, so replicas behind a load balancer converge on what GitHub holds.
 */
export async function startWebhookServer(settings: ServerSettings, log: StructuredLogger): Promise<RunningServer> {
  const installations = new Installations(settings);
  const work = new SerialWork((error, key) => log.with({ key }).error(`the evaluation failed: ${errorMessage(error)}`));
  const gate: GateServer = { installations, work, log, prBudgetMs: settings.prBudgetMs, records: { dir: settings.recordsDir, signer: new RecordSigner(settings.privateKey) } };
  const arrivals = new Map<string, number>();

  installations.webhooks.onAny(async ({ id, name, payload }) => {
    const receivedAt = arrivals.get(id) ?? performance.now();
    arrivals.delete(id);
    const delivery = { id, name, payload: payload as unknown as Record<string, unknown>, receivedAt };
    const answer = name === 'deployment_protection_rule' ? queueDeploymentReview(gate, delivery, settings.apiUrl) : await queueGateRun(gate, delivery);
    log.with({ delivery: id, event: name, queued: answer.queued }).info(answer.reason);
  });
  installations.webhooks.onError((error) => log.warning(`a delivery was not handled: ${errorMessage(error)}`));

  const middleware = createNodeMiddleware(installations.webhooks, {
    path: settings.webhookPath,
    timeout: ANSWER_WITHIN_MS,
    log: { debug: () => {}, info: () => {}, warn: (message: string) => log.warning(message), error: (message: string) => log.warning(message) },
  });

  let closing = false;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://server').pathname;
    if (request.method === 'GET' && (path === '/healthz' || path === '/')) {
      return json(response, closing ? 503 : 200, { status: closing ? 'closing' : 'ok', queued: work.active });
    }
    if (closing) return json(response, 503, { error: 'the server is shutting down' });
    if (request.method === 'POST') {
      // GitHub always says how long a delivery is; a body of unstated length could be of any length.
      const length = request.headers['content-length'];
      if (length === undefined) return json(response, 411, { error: 'a webhook delivery states its Content-Length' });
      if (Number(length) > MAX_BODY_BYTES) return json(response, 413, { error: 'a webhook payload is at most 25 MB' });
    }
    const delivery = request.headers['x-github-delivery'];
    if (typeof delivery === 'string') arrivals.set(delivery, performance.now());
    void middleware(request, response, () => json(response, 404, { error: `no route for ${request.method} ${path}` })).finally(() => {
      if (typeof delivery === 'string') arrivals.delete(delivery);
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${port}`;
  log.with({ url, webhooks: settings.webhookPath, api: settings.apiUrl, app: settings.appId, records: settings.recordsDir, recordKey: gate.records.signer.keyId }).info('listening');
  const stopSweeps = scheduleSweeps(gate, settings.sweepMinutes);
  return {
    url,
    idle: () => work.idle(),
    close: async () => {
      closing = true;
      stopSweeps();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await work.idle();
      server.closeAllConnections();
      await closed;
    },
  };
}
