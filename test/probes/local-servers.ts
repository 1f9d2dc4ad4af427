// Real servers on 127.0.0.1 for the probe tests, on ports the system picks. Each one records
// what reached it, so that tests assert on the server's side (how many requests, which headers)
// instead of timing anything.
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { ServerCertificate } from './certificates.ts';

export interface SeenRequest {
  path: string;
  /** Header names as sent, lower-cased, in order. */
  headerNames: string[];
  headers: IncomingMessage['headers'];
}

export interface LocalServer {
  port: number;
  /** https://127.0.0.1:port */
  origin: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Every server a test started, closed by `closeAll` in `afterEach`. */
const open = new Set<LocalServer>();

export async function closeAll(): Promise<void> {
  const servers = [...open];
  open.clear();
  await Promise.all(servers.map((server) => server.close()));
}

function listen(server: { listen(port: number, host: string, callback: () => void): unknown; address(): unknown }): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** An HTTPS server whose handler is told the 0-based number of each request. */
export async function startHttpsServer(certificate: ServerCertificate, handler: (req: IncomingMessage, res: ServerResponse, index: number) => void): Promise<LocalServer> {
  const requests: SeenRequest[] = [];
  const server = createHttpsServer({ ...certificate }, (req, res) => {
    const index = requests.push({ path: req.url ?? '', headerNames: req.rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase()), headers: req.headers }) - 1;
    handler(req, res, index);
  });
  const port = await listen(server);
  const local: LocalServer = {
    port,
    origin: `https://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        // A hanging handler keeps its connection open: end it, or close would wait forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.add(local);
  return local;
}

/** A TLS server that completes handshakes and hangs up; `requests` stays empty. */
export async function startTlsServer(certificate: ServerCertificate): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const server = createTlsServer({ ...certificate }, (socket) => socket.end());
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  const local: LocalServer = {
    port,
    origin: `https://127.0.0.1:${port}`,
    requests: [],
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  open.add(local);
  return local;
}

/** A port nothing listens on: taken from the system, then given back. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP server that accepts connections and never says a word: a hung endpoint. */
export async function startSilentServer(): Promise<LocalServer & { connections: () => number }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createNetServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  const local = {
    port,
    origin: `https://127.0.0.1:${port}`,
    requests: [],
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  open.add(local);
  return local;
}
