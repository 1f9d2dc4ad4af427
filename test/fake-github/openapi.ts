// GitHub's official OpenAPI description, loaded by file path: the package index
// would pull in every variant (~385 MB), the REST description alone is ~13 MB.
// It is parsed once per process and shared by every fake server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type JsonObject = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
  'x-multi-segment'?: boolean;
}

export interface OpenApiOperation {
  operationId: string;
  description?: string;
  parameters?: (OpenApiParameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonObject }> } | { $ref: string };
  responses: Record<string, JsonObject>;
  externalDocs?: { url?: string };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  /** The webhooks GitHub sends, by name (e.g. deployment-protection-rule-requested); OpenAPI 3.1 calls it `webhooks`. */
  'x-webhooks'?: Record<string, Record<string, OpenApiOperation>>;
  webhooks?: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonObject>; parameters: Record<string, OpenApiParameter>; responses: Record<string, JsonObject> };
}

export interface MatchedOperation {
  method: string;
  template: string;
  operation: OpenApiOperation;
  /** Raw (still percent-decoded) path parameter values, as strings. */
  pathParams: Record<string, string>;
}

const require = createRequire(import.meta.url);
export const openApiPath = join(dirname(require.resolve('@octokit/openapi/package.json')), 'generated', 'api.github.com.json');

let cached: OpenApiDocument | undefined;

export function openApi(): OpenApiDocument {
  cached ??= JSON.parse(readFileSync(openApiPath, 'utf8')) as OpenApiDocument;
  return cached;
}

/** Follows a local `#/components/...` reference inside the document. */
export function deref<T>(value: T | { $ref: string }): T {
  if (value && typeof value === 'object' && '$ref' in value && typeof value.$ref === 'string') {
    let node: unknown = openApi();
    for (const part of value.$ref.replace(/^#\//, '').split('/')) node = (node as JsonObject)[part];
    return deref(node as T);
  }
  return value as T;
}

export function operationParameters(op: OpenApiOperation): OpenApiParameter[] {
  return (op.parameters ?? []).map((p) => deref<OpenApiParameter>(p));
}

// Segment kinds, ranked so that a literal beats a parameter, and a one-segment
// parameter beats a multi-segment one (`/contents/{path}` may span segments).
// A `pattern` mixes text and parameters in one segment; the only one is
// Octokit's legacy `/compare/{base}...{head}`, which is the same request on
// the wire as GitHub's `/compare/{basehead}`, so it ranks last and the
// documented operation answers.
type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'param' | 'multi'; name: string }
  | { kind: 'pattern'; regex: RegExp; names: string[] };
interface Template {
  template: string;
  segments: Segment[];
  methods: Record<string, OpenApiOperation>;
}

let templates: Template[] | undefined;

function compileTemplates(): Template[] {
  const doc = openApi();
  return Object.entries(doc.paths).map(([template, item]) => {
    const multi = new Set<string>();
    for (const op of Object.values(item)) {
      if (typeof op !== 'object' || !op || !('responses' in op)) continue;
      for (const p of operationParameters(op)) if (p.in === 'path' && p['x-multi-segment']) multi.add(p.name);
    }
    const segments = template
      .split('/')
      .slice(1)
      .map((part): Segment => {
        const m = /^\{([^{}]+)\}$/.exec(part);
        if (m?.[1]) return { kind: multi.has(m[1]) ? 'multi' : 'param', name: m[1] };
        if (part.includes('{')) return patternSegment(part);
        return { kind: 'literal', text: part };
      });
    const methods: Record<string, OpenApiOperation> = {};
    for (const [method, op] of Object.entries(item)) if (op && typeof op === 'object' && 'operationId' in op) methods[method.toUpperCase()] = op;
    return { template, segments, methods };
  });
}

function patternSegment(part: string): Segment {
  const pieces = part.split(/(\{[^{}]+\})/);
  const names = pieces.flatMap((piece) => /^\{([^{}]+)\}$/.exec(piece)?.[1] ?? []);
  let seen = 0;
  const source = pieces.map((piece) => {
    if (!/^\{[^{}]+\}$/.test(piece)) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Earlier parameters take as little as they can, the last the rest.
    return ++seen === names.length ? '(.+)' : '(.+?)';
  });
  return { kind: 'pattern', regex: new RegExp(`^${source.join('')}$`), names };
}

const rank = { literal: 2, param: 1, multi: 0, pattern: -1 } as const;

/** Matches segments; returns one rank per template segment, or undefined. */
function matchSegments(segments: Segment[], parts: string[], params: Record<string, string>): number[] | undefined {
  const [head, ...rest] = segments;
  if (!head) return parts.length === 0 ? [] : undefined;
  if (head.kind === 'multi') {
    // Prefer the longest span that still lets the remaining segments match.
    for (let take = parts.length - rest.length; take >= 1; take--) {
      const tail = matchSegments(rest, parts.slice(take), params);
      if (tail) {
        params[head.name] = parts.slice(0, take).join('/');
        return [rank.multi, ...tail];
      }
    }
    return undefined;
  }
  const part = parts[0];
  if (part === undefined || part === '') return undefined;
  if (head.kind === 'literal' && head.text !== part) return undefined;
  const groups = head.kind === 'pattern' ? head.regex.exec(part) : undefined;
  if (head.kind === 'pattern' && !groups) return undefined;
  const tail = matchSegments(rest, parts.slice(1), params);
  if (!tail) return undefined;
  if (head.kind === 'param') params[head.name] = part;
  if (head.kind === 'pattern') head.names.forEach((name, i) => (params[name] = groups![i + 1]!));
  return [rank[head.kind], ...tail];
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return a.length > b.length;
}

/** Finds the operation for a concrete request path (without query string). */
export function matchOperation(method: string, pathname: string): MatchedOperation | undefined {
  templates ??= compileTemplates();
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1);
  let best: { t: Template; score: number[]; params: Record<string, string> } | undefined;
  for (const t of templates) {
    const op = t.methods[method.toUpperCase()];
    if (!op) continue;
    const params: Record<string, string> = {};
    const score = matchSegments(t.segments, parts, params);
    if (score && (!best || better(score, best.score))) best = { t, score, params };
  }
  if (!best) return undefined;
  const pathParams: Record<string, string> = {};
  for (const [k, v] of Object.entries(best.params)) pathParams[k] = safeDecode(v);
  return { method: method.toUpperCase(), template: best.t.template, operation: best.t.methods[method.toUpperCase()]!, pathParams };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
