// The part of `fetch` Octokit uses, over node:http(s). Node loads its fetch implementation
// (undici) on the first call, which costs a run about as much as starting Node itself; the gate
// makes a dozen requests to one host and needs none of it. Behind a proxy the caller uses the
// global fetch instead, which honours Node's proxy settings as it always did.
import type { IncomingMessage } from 'node:http';
import { takeEarlyRead } from './early-read.ts';
import { send } from './http-send.ts';

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

async function decoded(message: IncomingMessage, body: Buffer): Promise<Buffer> {
  if (message.headers['content-encoding'] !== 'gzip') return body;
  const { gunzipSync } = await import('node:zlib');
  return gunzipSync(body);
}

async function answer(url: URL, init: RequestInit, redirects = 0): Promise<Answer> {
  const { message, body } = await (takeEarlyRead(url, init) ?? send(url, init));
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
