import { request } from 'node:https';
import { isIP } from 'node:net';
import { connectionProblem, timeoutProblem, type ConnectionProblem } from './connection-problems.ts';
import { hostKey } from '../core/config/probe-url.ts';

/** The only headers a probe sends (Node adds Host and `Connection: close`): no token, no cookie, no Authorization, ever. */
export const PROBE_HEADERS = Object.freeze({ 'user-agent': 'release-readiness-probe', accept: 'application/json, */*;q=0.5' });

export type GetResult =
  | { kind: 'answer'; status: number; location: string | null; body: Buffer | null; truncated: boolean }
  | { kind: 'no-answer'; problem: ConnectionProblem };

export interface GetSettings {
  ca: string | Buffer | Array<string | Buffer> | undefined;
  /** Aborted at the attempt's deadline. */
  signal: AbortSignal;
  timeoutMs: number;
  /** Null: the body is not read at all (nothing asks about it). */
  maxBodyBytes: number | null;
}

/**
 * One GET over HTTPS, never throwing. Built from node:https rather than fetch because fetch
 * cannot trust a CA per request. The options are spelled out rather than passing the URL, so
 * nothing of the URL but host, port, path and query can reach the wire; `agent: false` keeps
 * each probe on its own connection, outside any pool or proxy settings.
 */
export function httpsGet(url: URL, settings: GetSettings): Promise<GetResult> {
  const host = hostKey(url.hostname);
  const port = url.port === '' ? 443 : Number(url.port);
  return new Promise((resolve) => {
    let settled = false;
    const req = request({
      method: 'GET',
      host,
      port,
      path: `${url.pathname}${url.search}`,
      headers: { ...PROBE_HEADERS },
      agent: false,
      ca: settings.ca,
      // SNI takes names only; an address is checked against the certificate's IP entries.
      servername: isIP(host) ? undefined : host,
      rejectUnauthorized: true,
    });
    const settle = (result: GetResult): void => {
      if (settled) return;
      settled = true;
      settings.signal.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(result);
    };
    const onAbort = (): void => settle({ kind: 'no-answer', problem: timeoutProblem(settings.timeoutMs) });
    // Attached first and kept for the whole life of the request: an error after settling must not go unhandled.
    req.on('error', (error) => settle({ kind: 'no-answer', problem: connectionProblem(error, host, port) }));
    if (settings.signal.aborted) return onAbort();
    settings.signal.addEventListener('abort', onAbort, { once: true });
    req.on('response', (res) => {
      res.on('error', () => {});
      const status = res.statusCode ?? 0;
      const location = typeof res.headers.location === 'string' ? res.headers.location : null;
      const cap = settings.maxBodyBytes;
      if (cap === null) return settle({ kind: 'answer', status, location, body: null, truncated: false });
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        const room = cap - received;
        // Past the cap, stop reading: settling destroys the connection.
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          return settle({ kind: 'answer', status, location, body: Buffer.concat(chunks), truncated: true });
        }
        chunks.push(chunk);
        received += chunk.length;
      });
      res.on('end', () => settle({ kind: 'answer', status, location, body: Buffer.concat(chunks), truncated: false }));
      res.on('close', () => {
        if (!res.complete) settle({ kind: 'no-answer', problem: { kind: 'network', detail: `${host}:${port} closed the connection in the middle of the answer` } });
      });
    });
    req.end();
  });
}
