import type * as Http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type * as Https from 'node:https';
import { createRequire } from 'node:module';

// Required, not imported: an ESM import of node:http reads all its exports, and with them the
// ones that load Node's fetch implementation (WebSocket, CloseEvent), which is what this avoids.
const require = createRequire(import.meta.url);
const { request: httpRequest, Agent: HttpAgent } = require('node:http') as typeof Http;
const { request: httpsRequest, Agent: HttpsAgent } = require('node:https') as typeof Https;

/**
 * The part of `fetch` Octokit uses, over node:http(s). Node loads its fetch implementation
 * (undici) on the first call, which costs a run about as much as starting Node itself; the gate
 * makes a dozen requests to one host and needs none of it. Behind a proxy the caller uses the
 * global fetch instead, which honours Node's proxy settings as it always did.
 */
const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };
const MAX_REDIRECTS = 5;

/** Response headers, as Octokit reads them: iterated, and looked up by name. */
class ResponseHeaders {
  readonly #map = new Map<string, string>();

  constructor(raw: IncomingMessage['headers']) {
    for (const [name, value] of Object.entries(raw)) if (value !== undefined) this.#map.set(name, Array.isArray(value) ? value.join(', ') : value);
  }

  get(name: string): string | null {
    return this.#map.get(name.toLowerCase()) ?? null;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#map.entries();
  }
}

interface Answer {
  status: number;
  statusText: string;
  url: string;
  headers: ResponseHeaders;
  body: Buffer;
}

function send(url: URL, init: RequestInit): Promise<{ message: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(signal.reason);
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>), 'accept-encoding': 'gzip' },
      agent: agents[url.protocol as keyof typeof agents],
    });
    const onAbort = () => request.destroy(signal!.reason as Error);
    signal?.addEventListener('abort', onAbort, { once: true });
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

async function decoded(message: IncomingMessage, body: Buffer): Promise<Buffer> {
  if (message.headers['content-encoding'] !== 'gzip') return body;
  const { gunzipSync } = await import('node:zlib');
  return gunzipSync(body);
}

async function answer(url: URL, init: RequestInit, redirects = 0): Promise<Answer> {
  const { message, body } = await send(url, init);
  const status = message.statusCode ?? 0;
  const location = message.headers.location;
  if ([301, 302, 303, 307, 308].includes(status) && location && init.redirect !== 'manual') {
    if (redirects >= MAX_REDIRECTS) throw new TypeError('fetch failed', { cause: new Error(`more than ${MAX_REDIRECTS} redirects`) });
    const keepsMethod = status === 307 || status === 308;
    const next = new URL(location, url);
    const headers = { ...(init.headers as Record<string, string>) };
    // A redirect to another host never carries the token.
    if (next.host !== url.host) delete headers['authorization'];
    return answer(next, { ...init, headers, ...(keepsMethod ? {} : { method: 'GET', body: null }) }, redirects + 1);
  }
  const headers = new ResponseHeaders(message.headers);
  return { status, statusText: message.statusMessage ?? '', url: url.toString(), headers, body: await decoded(message, body) };
}

/** `fetch(url, init)` as Octokit calls it, answered through node:http(s). */
export async function nodeFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const { status, statusText, url, headers, body } = await answer(new URL(String(input)), init);
  const response = {
    status,
    statusText,
    url,
    ok: status >= 200 && status < 300,
    headers,
    body: null,
    text: async () => body.toString('utf8'),
    json: async () => JSON.parse(body.toString('utf8')) as unknown,
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
  };
  return response as unknown as Response;
}

/** Whether a proxy is configured: then only the global fetch (with Node's proxy support) will do. */
export function proxyConfigured(env: Record<string, string | undefined>): boolean {
  return ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => Boolean(env[name]));
}
