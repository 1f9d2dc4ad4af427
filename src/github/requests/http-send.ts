import type * as Http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type * as Https from 'node:https';
import { createRequire } from 'node:module';

// Required, not imported: an ESM import of node:http reads all its exports, and with them the
// ones that load Node's fetch implementation (WebSocket, CloseEvent), which is what this avoids.
// Each on first use: a run against https://api.github.com never loads node:http's server side
// for nothing, and the fake GitHub of the tests (http://127.0.0.1) never loads TLS.
const require = createRequire(import.meta.url);
let http: { request: typeof Http.request; agent: Http.Agent } | undefined;
let https: { request: typeof Https.request; agent: Https.Agent } | undefined;

function transportFor(protocol: string): { request: typeof Http.request; agent: Http.Agent } {
  if (protocol === 'https:') {
    if (!https) {
      const module = require('node:https') as typeof Https;
      https = { request: module.request, agent: new module.Agent({ keepAlive: true }) };
    }
    return https as unknown as { request: typeof Http.request; agent: Http.Agent };
  }
  if (!http) {
    const module = require('node:http') as typeof Http;
    http = { request: module.request, agent: new module.Agent({ keepAlive: true }) };
  }
  return http;
}

export interface Sent {
  message: IncomingMessage;
  body: Buffer;
}

/** One request over node:http(s), on a kept-alive connection, its whole answer read; `onWritten` once it is on the wire. */
export function send(url: URL, init: RequestInit, onWritten?: () => void): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(signal.reason);
    const { request: open, agent } = transportFor(url.protocol);
    const request = open(url, {
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>), 'accept-encoding': 'gzip' },
      agent,
    });
    const onAbort = () => request.destroy(signal!.reason as Error);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (onWritten) request.once('finish', onWritten);
    request.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      // As fetch does: a request that got no answer is a TypeError whose cause says why.
      reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
    });
    request.on('response', (message) => {
      const chunks: Buffer[] = [];
      message.on('data', (chunk: Buffer) => chunks.push(chunk));
      message.on('error', (error) => request.emit('error', error));
      message.on('end', () => {
        signal?.removeEventListener('abort', onAbort);
        resolve({ message, body: Buffer.concat(chunks) });
      });
    });
    if (init.body !== undefined && init.body !== null) request.write(init.body as string);
    request.end();
  });
}

/** Whether a proxy is configured: then only the global fetch (with Node's proxy support) will do. */
export function proxyConfigured(env: Record<string, string | undefined>): boolean {
  return ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => Boolean(env[name]));
}
