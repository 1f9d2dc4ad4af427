// The contract between the server and the per-area route handlers. Handlers are
// synchronous functions of the request and the state; the server does parsing,
// auth, validation, logging and headers.
import type { IncomingHttpHeaders } from 'node:http';
import type { OpenApiOperation } from '../openapi.ts';
import type { Json, RenderContext } from '../render/context.ts';
import type { Store } from '../state/store.ts';

export interface RouteContext {
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
  /** Login of the token's actor. */
  actor: string;
  /** Records a request violation (the action did something GitHub would reject). */
  violation(message: string): void;
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

export function docsUrl(op: OpenApiOperation): string {
  return op.externalDocs?.url ?? 'https://docs.github.com/rest';
}

export function notFound(ctx: RouteContext, message = 'Not Found'): Reply {
  return { status: 404, body: { message, documentation_url: docsUrl(ctx.operation), status: '404' } };
}

export interface FieldError {
  resource: string;
  field: string;
  code: string;
  message?: string;
}

/** GitHub's 422 for a request it understood but refuses; also a violation. */
export function validationFailed(ctx: RouteContext, errors: FieldError[]): Reply {
  ctx.violation(`Validation Failed: ${JSON.stringify(errors)}`);
  return { status: 422, body: { message: 'Validation Failed', errors, documentation_url: docsUrl(ctx.operation), status: '422' } };
}

export function unprocessable(ctx: RouteContext, message: string): Reply {
  ctx.violation(message);
  return { status: 422, body: { message, documentation_url: docsUrl(ctx.operation), status: '422' } };
}

export function json(status: number, body: Json | Json[], headers?: Record<string, string>): Reply {
  return { status, body, ...(headers ? { headers } : {}) };
}

export function repoName(ctx: RouteContext): string {
  return `${String(ctx.params.owner)}/${String(ctx.params.repo)}`;
}
