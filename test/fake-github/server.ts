// The HTTP side of the fake: parse, log, apply rate limits, inject faults,
// authenticate, validate against the OpenAPI description, dispatch to a route,
// validate the answer, answer a conditional read.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { admitCredential, identify, repositoryRefusal } from './app-auth.ts';
import type { Caller, Identified } from './app-auth.ts';
import { authorize, notAccessible, rateBucket } from './auth.ts';
import type { TokenGrant, Tokens } from './auth.ts';
import { matchesIfNoneMatch, weakEtag } from './conditional.ts';
import type { Faults, FaultRule } from './faults.ts';
import { matchOperation } from './openapi.ts';
import type { MatchedOperation } from './openapi.ts';
import { rateLimitExceeded, rateLimitHeaders } from './rate-limits.ts';
import type { Charge, PrimaryRateLimits } from './rate-limits.ts';
import type { RenderContext } from './render/context.ts';
import { credentialFreeRoutes, routes } from './routes/index.ts';
import type { Reply, RequestContext } from './routes/types.ts';
import { docsUrl, notFound } from './routes/types.ts';
import { validateParameters, validateRequestBody, validateResponse } from './schema.ts';
import { secondaryLimitExceeded } from './secondary-limits.ts';
import type { SecondaryRateLimits } from './secondary-limits.ts';
import { FakeNotFound } from './state/store.ts';
import type { Store } from './state/store.ts';

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  operationId: string | undefined;
}

export interface Violation {
  /** `webhook`: a payload the fake delivered does not match GitHub's webhook schema. */
  kind: 'request' | 'response' | 'webhook';
  method: string;
  path: string;
  message: string;
}

export interface ServerDeps {
  store: Store;
  tokens: Tokens;
  faults: Faults;
  render: RenderContext;
  requests: RequestLogEntry[];
  violations: Violation[];
  primaryLimits: PrimaryRateLimits;
  secondaryLimits: SecondaryRateLimits;
}

/** What the answer to one request depends on besides the reply itself. */
interface Exchange {
  method: string;
  match: MatchedOperation | undefined;
  requestId: string;
  caller: Caller | undefined;
  charge: Charge | undefined;
  /** Set when a route answers: an injected or refused answer is never a 304. */
  conditional?: { ifNoneMatch: string | string[] | undefined };
}

/** A test waiting for the next request to an operation, e.g. to act while the gate is mid-run. */
interface RequestWaiter {
  method: string;
  template: string;
  resolve: () => void;
}

export class FakeServer {
  readonly #deps: ServerDeps;
  readonly #server: Server;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #waiters: RequestWaiter[] = [];
  #received = 0;

  constructor(deps: ServerDeps) {
    this.#deps = deps;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        this.#violation('response', req.method ?? 'GET', req.url ?? '', `fake crashed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    // Neither the listener nor idle keep-alive sockets may keep a process alive.
    this.#server.unref();
    this.#server.on('connection', (socket) => socket.unref());
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Resolves when a request for `method` `template` (e.g. /repos/{owner}/{repo}/pulls/{pull_number}) arrives. */
  nextRequest(method: string, template: string): Promise<void> {
    return new Promise((resolve) => this.#waiters.push({ method: method.toUpperCase(), template, resolve }));
  }

  #notifyWaiters(method: string, template: string | undefined): void {
    for (let i = this.#waiters.length - 1; i >= 0; i--) {
      const waiter = this.#waiters[i]!;
      if (waiter.method !== method || waiter.template !== template) continue;
      this.#waiters.splice(i, 1);
      waiter.resolve();
    }
  }

  #violation(kind: Violation['kind'], method: string, path: string, message: string): void {
    this.#deps.violations.push({ kind, method, path, message });
  }

  #delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.#timers.delete(t);
        resolve();
      }, ms);
      this.#timers.add(t);
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.#deps.render.api);
    const path = url.pathname;
    const match = matchOperation(method, path);
    const entry: RequestLogEntry = { method, path, query: Object.fromEntries(url.searchParams), body: undefined, status: 0, operationId: match?.operation.operationId };
    this.#deps.requests.push(entry);
    this.#notifyWaiters(method, match?.template);
    const identified: Identified = identify(this.#deps.tokens, this.#deps.store, req.headers.authorization);
    const caller = identified && 'caller' in identified ? identified.caller : undefined;
    const exchange: Exchange = { method, match, requestId: this.#requestId(), caller, charge: undefined };
    const send = (reply: Reply, validate = true): void => {
      entry.status = this.#send(res, reply, exchange, validate ? (msg) => this.#violation('response', method, path, msg) : undefined);
    };

    let body: unknown;
    let malformed = false;
    if (rawBody.trim()) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        malformed = true;
      }
    }
    entry.body = malformed ? rawBody : body;

    // GitHub limits a token before it looks at what the request asks, and a limited request is not served.
    const limited = this.#admit(exchange, path, res);
    if (limited) return send(limited, false);

    const fault = this.#deps.faults.take(method, path, match?.template);
    if (fault?.delayMs) await this.#delay(fault.delayMs);
    if (res.destroyed || req.socket.destroyed) return;
    if (fault && (fault.status !== undefined || fault.body !== undefined)) return send(faultReply(fault));

    if (malformed) {
      this.#violation('request', method, path, 'request body is not valid JSON');
      return send({ status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest', status: '400' } }, false);
    }

    if (!match) {
      this.#violation('request', method, path, `no operation in GitHub's REST API matches ${method} ${path}`);
      return send({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } }, false);
    }
    const op = match.operation;
    // No credential, a refused one, or one this endpoint does not take (an App's JWT, or anything but one).
    const admitted = admitCredential(op, identified, docsUrl(op));
    if (admitted && 'status' in admitted) return send(admitted);
    // Undefined: no credential, on an operation GitHub serves without one.
    const grant = admitted?.grant;
    const refused = grant && this.#refusal(grant, match);
    if (refused) return send(refused);

    const params = validateParameters(match, entry.query);
    for (const { location, messages } of params.errors) this.#violation('request', method, path, `${op.operationId}: invalid ${location} parameters: ${messages.join('; ')}`);
    if (params.errors.some((e) => e.location === 'path')) return send({ status: 404, body: { message: 'Not Found', documentation_url: docsUrl(op), status: '404' } });
    const bodyErrors = validateRequestBody(op, body);
    const invalid = [...(params.errors.find((e) => e.location === 'query')?.messages ?? []), ...bodyErrors];
    for (const m of bodyErrors) this.#violation('request', method, path, `${op.operationId}: ${m}`);
    if (invalid.length) {
      return send({ status: 422, body: { message: `Invalid request.\n\n${invalid.join('\n')}`, documentation_url: docsUrl(op), status: '422' } });
    }

    const request: RequestContext = {
      store: this.#deps.store,
      render: this.#deps.render,
      operation: op,
      params: params.path,
      query: params.query,
      body,
      headers: req.headers,
      url: new URL(url.pathname + url.search, this.#deps.render.api),
      tokens: this.#deps.tokens,
      violation: (message) => this.#violation('request', method, path, `${op.operationId}: ${message}`),
    };
    const serve = grant
      ? bind(routes[op.operationId], { ...request, actor: grant.actor, tokenKind: grant.kind, grant })
      : bind(credentialFreeRoutes[op.operationId], request);
    if (!serve) {
      this.#violation('request', method, path, `${op.operationId} is a real GitHub operation the fake does not implement yet`);
      return send(notFound(request, 'Not implemented by the fake GitHub'), false);
    }
    exchange.conditional = { ifNoneMatch: req.headers['if-none-match'] };
    try {
      send(serve());
    } catch (error) {
      if (error instanceof FakeNotFound) return send(notFound(request));
      throw error;
    }
  }

  /** Why the credential may not make this request, if it may not: a repository beyond its reach, or a permission it lacks. */
  #refusal(grant: TokenGrant, match: MatchedOperation): Reply | undefined {
    const op = match.operation;
    const outOfReach = repositoryRefusal(this.#deps.store, grant, match.method, match.pathParams, docsUrl(op));
    if (outOfReach) return outOfReach;
    const decision = authorize(grant, op.operationId);
    if (decision.ok) return undefined;
    return {
      status: 403,
      body: { message: notAccessible(grant.kind), documentation_url: docsUrl(op), status: '403' },
      headers: { 'x-accepted-github-permissions': decision.accepted },
    };
  }

  #requestId(): string {
    this.#received++;
    const id = this.#received.toString(16).toUpperCase().padStart(4, '0');
    return `C0DE:${id}:1F2E3D:4C5B6A:${this.#deps.store.clock.epochSeconds().toString(16).toUpperCase()}`;
  }

  /**
   * Counts an authenticated request against its token's limits, or answers why it may not be
   * served. An admitted request stays in flight until its connection is done with it. GitHub
   * counts a request without a credential against its address, 60 an hour; the fake serves
   * those only on the operations that take no credential (a manifest code, once) and counts none.
   */
  #admit(exchange: Exchange, path: string, res: ServerResponse): Reply | undefined {
    const { caller } = exchange;
    if (!caller) return undefined;
    const { primaryLimits, secondaryLimits, store } = this.#deps;
    const bucket = rateBucket(caller.token, caller.grant);
    if (!primaryLimits.admits(bucket, caller.grant.kind)) {
      return { status: 403, body: rateLimitExceeded(caller.grant, store.user(caller.grant.actor).id) };
    }
    const admission = secondaryLimits.admit(caller.token, exchange.method, path);
    if (!admission.ok) {
      return { status: 403, body: secondaryLimitExceeded(exchange.requestId), headers: { 'retry-after': String(admission.hit.retryAfter) } };
    }
    res.once('close', admission.done);
    exchange.charge = primaryLimits.charge(bucket);
    return undefined;
  }

  /** Returns the status sent, which a conditional read turns into 304. */
  #send(res: ServerResponse, reply: Reply, exchange: Exchange, onInvalid: ((message: string) => void) | undefined): number {
    const { store, primaryLimits } = this.#deps;
    let status = reply.status;
    let text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    if (status === 204 || status === 304) text = '';
    const { match, caller } = exchange;
    if (match && onInvalid && text && reply.body !== undefined) {
      for (const m of validateResponse(match.operation, status, reply.body)) onInvalid(`${match.operation.operationId} ${status}: ${m}`);
    }
    const conditional: Record<string, string> = {};
    if (exchange.conditional && caller && exchange.method === 'GET' && status === 200 && text) {
      conditional.etag = weakEtag(text, caller.token);
      if (matchesIfNoneMatch(exchange.conditional.ifNoneMatch, conditional.etag)) {
        status = 304;
        text = '';
        if (exchange.charge) primaryLimits.refund(exchange.charge);
      }
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': exchange.requestId,
      // Without a credential GitHub would count against the caller's address; the fake does not (see #admit).
      ...(caller ? rateLimitHeaders(primaryLimits.status(rateBucket(caller.token, caller.grant), caller.grant.kind)) : {}),
      // GitHub's clock, as a client sees it: the fake's own.
      date: store.clock.now().toUTCString(),
      ...conditional,
      ...reply.headers,
    };
    if (!text) delete headers['content-type'];
    res.writeHead(status, headers).end(text);
    return status;
  }
}

/** The route handed its context, if the fake implements the operation. */
function bind<C>(route: ((ctx: C) => Reply) | undefined, ctx: C): (() => Reply) | undefined {
  return route && (() => route(ctx));
}

/**
 * An injected answer, sent byte for byte. Its body is still checked against
 * the response schema when it parses as JSON, so a wrong fake answer shows up.
 */
function faultReply(fault: FaultRule): Reply {
  const status = fault.status ?? 200;
  const raw = fault.body ?? JSON.stringify({ message: `Injected ${status}`, documentation_url: 'https://docs.github.com/rest', status: String(status) });
  const reply: Reply = { status, raw, ...(fault.headers ? { headers: fault.headers } : {}) };
  try {
    reply.body = JSON.parse(raw);
  } catch {
    // Malformed on purpose: nothing to validate.
  }
  return reply;
}
