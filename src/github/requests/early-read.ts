import { send, type Sent } from './http-send.ts';

/**
 * The one read a run is known to start with, sent by the entry point before the rest of the
 * bundle is loaded: its round trip to GitHub overlaps the compiling of the code that will ask
 * for it. The answer is kept for that first ask, exactly as if it had been sent then; it is
 * handed over once, and only to the same request with the same credentials.
 */
export interface EarlyRead {
  url: string;
  /** The Authorization header the client will send (`token …` or `bearer …`). */
  authorization: string;
  accept: string;
}

interface Pending {
  read: EarlyRead;
  answer: Promise<Sent>;
}

let pending: Pending | null = null;

/** A connection slower than this to open is not waited for: the code loads meanwhile. */
const MAX_WAIT_MS = 250;

/**
 * Sends the read, and resolves once it is on the wire (or failed, or took over MAX_WAIT_MS to
 * get there): compiling the rest holds the event loop, and a request not yet written would wait
 * for all of it.
 */
export function sendEarlyRead(read: EarlyRead): Promise<void> {
  return new Promise((written) => {
    const timer = setTimeout(written, MAX_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      written();
    };
    const answer = send(new URL(read.url), { method: 'GET', headers: { accept: read.accept, authorization: read.authorization, 'user-agent': 'release-readiness' } }, done);
    // Whoever takes it sees a failure; nobody taking it is no failure.
    answer.catch(done);
    pending = { read, answer };
  });
}

function header(init: RequestInit, name: string): string | undefined {
  const headers = (init.headers ?? {}) as Record<string, string | undefined>;
  return headers[name];
}

/** The early answer to this very request, if one was sent for it and not yet taken. */
export function takeEarlyRead(url: URL, init: RequestInit): Promise<Sent> | null {
  if (!pending) return null;
  const { read, answer } = pending;
  const same =
    (init.method ?? 'GET') === 'GET' &&
    url.toString() === new URL(read.url).toString() &&
    header(init, 'authorization') === read.authorization &&
    header(init, 'accept') === read.accept &&
    header(init, 'if-none-match') === undefined;
  if (!same) return null;
  pending = null;
  const signal = init.signal ?? undefined;
  if (!signal) return answer;
  if (signal.aborted) return Promise.reject(signal.reason);
  // The request's own time limit still applies to the answer it waits for.
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(
      (sent) => {
        signal.removeEventListener('abort', onAbort);
        resolve(sent);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
