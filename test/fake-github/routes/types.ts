// The contract between the server and the per-area route handlers. Handlers are
// synchronous functions of the request and the state; the server does parsing,
// auth, validation, logging and headers.
import type { IncomingHttpHeaders } from 'node:http';
import type { TokenGrant, TokenKind, Tokens } from '../auth.ts';
import type { OpenApiOperation } from '../openapi.ts';
import type { Json, RenderContext } from '../render/context.ts';
import type { Store } from '../state/store.ts';

/** What every route is handed: the request, and the fake's state. */
export interface RequestContext {
  store: Store;
  render: RenderContext;
  operation: OpenApiOperation;
  /** Path parameters, coerced to their schema types. */
  params: Record<string, unknown>;
  /** Query parameters, coerced to their schema types. */
  query: Record<string, unknown>;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** The request URL on the fake's origin, for Link headers. */
  url: URL;
  /** Where an installation token a route mints is registered. */
  tokens: Tokens;
  /** Records a request violation (the action did something GitHub would reject). */
  violation(message: string): void;
}

/** A request and its credential: what every route sees but those of the operations GitHub serves without one. */
export interface RouteContext extends RequestContext {
  /** Login of the token's actor. */
  actor: string;
  /** What kind of token the request came with: some answers depend on it. */
  tokenKind: TokenKind;
  /** The whole credential: an App's JWT or installation token carries its App (grant.app). */
  grant: TokenGrant;
}

export interface Reply {
  status: number;
  /** Serialised as JSON, unless `raw` is given. */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => Reply;
export type RouteTable = Record<string, RouteHandler>;
/** Routes of the operations GitHub serves without a credential (see takesNoCredential): they see none. */
export type CredentialFreeRouteTable = Record<string, (ctx: RequestContext) => Reply>;

export function docsUrl(op: OpenApiOperation): string {
  return op.externalDocs?.url ?? 'https://docs.github.com/rest';
}

export function notFound(ctx: RequestContext, message = 'Not Found'): Reply {
  return { status: 404, body: { message, documentation_url: docsUrl(ctx.operation), status: '404' } };
}

export interface FieldError {
  resource: string;
  field: string;
  code: string;
  message?: string;
}

/** GitHub's 422 for a request it understood but refuses; also a violation. */
export function validationFailed(ctx: RequestContext, errors: FieldError[]): Reply {
  ctx.violation(`Validation Failed: ${JSON.stringify(errors)}`);
  return { status: 422, body: { message: 'Validation Failed', errors, documentation_url: docsUrl(ctx.operation), status: '422' } };
}

export function unprocessable(ctx: RequestContext, message: string): Reply {
  ctx.violation(message);
  return { status: 422, body: { message, documentation_url: docsUrl(ctx.operation), status: '422' } };
}

export function json(status: number, body: Json | Json[], headers?: Record<string, string>): Reply {
  return { status, body, ...(headers ? { headers } : {}) };
}

export function repoName(ctx: RequestContext): string {
  return `${String(ctx.params.owner)}/${String(ctx.params.repo)}`;
}

/** GitHub's 400 for a request it will not serve (e.g. an unsupported pagination parameter); also a violation. */
export function badRequest(ctx: RequestContext, message: string): Reply {
  ctx.violation(message);
  return { status: 400, body: { message, documentation_url: docsUrl(ctx.operation), status: '400' } };
}

/** A comma-separated filter (`state=open,fixed`), or undefined when not given. */
export function commaList(value: unknown): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  return String(value)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * 422 when a comma-separated filter holds a value GitHub does not know. The
 * description types these filters as plain strings, so the schema check
 * cannot catch them.
 */
export function unknownValues(ctx: RequestContext, name: string, values: string[] | undefined, allowed: readonly string[]): Reply | undefined {
  const unknown = (values ?? []).filter((v) => !allowed.includes(v));
  if (unknown.length === 0) return undefined;
  const errors = unknown.map((v) => `${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(v)}`);
  ctx.violation(`Validation Failed: ${errors.join('; ')}`);
  return { status: 422, body: { message: 'Validation Failed', errors, documentation_url: docsUrl(ctx.operation) } };
}

/** Compares sort keys element by element, for the security alert lists. */
export function byKey<T>(key: (item: T) => (string | number)[], direction: 'asc' | 'desc'): (a: T, b: T) => number {
  return (a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i]! < y[i]! ? -1 : 1) * (direction === 'desc' ? -1 : 1);
    return 0;
  };
}
