// Validates requests and the fake's own responses against the OpenAPI schemas.
// Validators are compiled lazily, once per operation, and cached per process.
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { deref, openApi, operationParameters } from './openapi.ts';
import type { JsonObject, MatchedOperation, OpenApiOperation } from './openapi.ts';

// OpenAPI 3.0 `nullable` is not JSON Schema; rewrite it as `anyOf [schema, null]`,
// which also covers `nullable` next to `$ref`, `enum` or without a `type`.
// `example(s)` are dropped: they are large and are not schemas.
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'example' || k === 'examples' || k === 'nullable' || k === 'discriminator') continue;
    // `properties` maps names to schemas; a property may be called "example".
    out[k] = k === 'properties' ? mapValues(v as JsonObject, toJsonSchema) : toJsonSchema(v);
  }
  if ((node as JsonObject).nullable === true) return { anyOf: [out, { type: 'null' }] };
  return out;
}

function mapValues(obj: JsonObject, f: (v: unknown) => unknown): JsonObject {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, f(v)]));
}

// Schemas inside an operation refer to `#/components/...` of the whole document;
// point them at the registered components document instead.
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace(/^#\//, 'gh#/') : rebase(v)]),
  );
}

// Where GitHub's answers contradict a component schema of the description. A
// deployment status answers "" for each URL it was not given (GitHub's recorded
// deployment_status payloads show `"environment_url": ""`), which the schema's
// `format: uri` forbids.
const uriOrEmpty: JsonObject = { type: 'string', anyOf: [{ format: 'uri' }, { const: '' }] };
const schemaErrata: Record<string, Record<string, JsonObject>> = {
  'deployment-status': { target_url: uriOrEmpty, environment_url: uriOrEmpty, log_url: uriOrEmpty },
};

function componentSchemas(): JsonObject {
  const schemas = toJsonSchema(openApi().components.schemas) as Record<string, JsonObject>;
  for (const [name, properties] of Object.entries(schemaErrata)) {
    const schema = schemas[name]!;
    schemas[name] = { ...schema, properties: { ...(schema.properties as JsonObject), ...properties } };
  }
  return schemas;
}

let ajvs: { strict: Ajv; coercing: Ajv } | undefined;

function makeAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, validateSchema: false, addUsedSchema: false });
  addFormats(ajv);
  for (const name of ['uri-template', 'repo.nwo', 'timestamp']) ajv.addFormat(name, true);
  return ajv;
}

function validators(): { strict: Ajv; coercing: Ajv } {
  if (!ajvs) {
    const components = { $id: 'gh', components: { schemas: componentSchemas() } };
    // Parameter schemas are inline and small: only the strict instance needs the components.
    ajvs = { strict: makeAjv(false), coercing: makeAjv(true) };
    ajvs.strict.addSchema(components);
  }
  return ajvs;
}

const cache = new Map<string, ValidateFunction | null>();

function compiled(key: string, ajv: 'strict' | 'coercing', schema: () => unknown): ValidateFunction | null {
  if (!cache.has(key)) {
    const s = schema();
    cache.set(key, s === undefined ? null : validators()[ajv].compile(rebase(toJsonSchema(s)) as JsonObject));
  }
  return cache.get(key) ?? null;
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? []).map((e) => {
    const at = `${where}${e.instancePath}`;
    const detail = e.keyword === 'enum' ? ` (one of ${JSON.stringify(e.params.allowedValues)})` : '';
    return `${at} ${e.message ?? 'is invalid'}${detail}`;
  });
}

// Where a parameter's schema in the description contradicts GitHub's own
// documentation and behaviour. The code scanning `state` filter points at the
// alert-state schema (open, dismissed, fixed) although GitHub documents and
// accepts `closed`; the description has the right schema under another name.
const parameterErrata: Record<string, Record<string, JsonObject>> = {
  'code-scanning/list-alerts-for-repo': { state: { $ref: '#/components/schemas/code-scanning-alert-state-query' } },
};

// GitHub silently clamps per_page to 100; the fake rejects it so that an action
// relying on larger pages is caught instead of silently missing items.
function parameterSchema(op: OpenApiOperation, location: 'path' | 'query'): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const p of operationParameters(op)) {
    if (p.in !== location) continue;
    // The coercing validator has no components: a `$ref` schema (tool_name,
    // state...) is inlined here; such schemas are flat.
    let schema = deref<JsonObject>(parameterErrata[op.operationId]?.[p.name] ?? p.schema ?? {});
    if (p.name === 'per_page') schema = { ...schema, minimum: 1, maximum: 100 };
    if (p.name === 'page') schema = { ...schema, minimum: 1 };
    properties[p.name] = schema;
    if (p.required) required.push(p.name);
  }
  return { type: 'object', properties, required };
}

export interface ValidatedParams {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  errors: { location: 'path' | 'query'; messages: string[] }[];
}

/** Coerces path and query strings to their schema types and validates them. */
export function validateParameters(match: MatchedOperation, query: Record<string, string>): ValidatedParams {
  const id = match.operation.operationId;
  const result: ValidatedParams = { path: { ...match.pathParams }, query: { ...query }, errors: [] };
  for (const location of ['path', 'query'] as const) {
    const validate = compiled(`${id}:${location}`, 'coercing', () => parameterSchema(match.operation, location));
    const data = result[location];
    if (validate && !validate(data)) result.errors.push({ location, messages: describe(validate.errors, location) });
  }
  return result;
}

export function validateRequestBody(op: OpenApiOperation, body: unknown): string[] {
  const requestBody = op.requestBody ? deref(op.requestBody) : undefined;
  if (!requestBody) return [];
  if (body === undefined) return requestBody.required ? ['body is required'] : [];
  const validate = compiled(`${op.operationId}:body`, 'strict', () => requestBody.content?.['application/json']?.schema);
  return validate && !validate(body) ? describe(validate.errors, 'body') : [];
}

// Where an answer's schema in the description contradicts GitHub's answers.
// The list of an App's installations types `account` as allOf [simple-user,
// enterprise], an account that is both at once; the `installation` schema
// that GET /app/installations/{id} answers with has anyOf.
const responseErrata: Record<string, Record<number, JsonObject>> = {
  'apps/list-installations': { 200: { type: 'array', items: { $ref: '#/components/schemas/installation' } } },
};

/** Validates a JSON response; statuses the description does not list are not checked. */
export function validateResponse(op: OpenApiOperation, status: number, body: unknown): string[] {
  const validate = compiled(`${op.operationId}:${status}`, 'strict', () => {
    const erratum = responseErrata[op.operationId]?.[status];
    if (erratum) return erratum;
    const response = op.responses[String(status)];
    if (!response) return undefined;
    const content = (deref(response) as { content?: Record<string, { schema?: unknown }> }).content;
    return content?.['application/json']?.schema;
  });
  return validate && !validate(body) ? describe(validate.errors, 'response') : [];
}

/**
 * The name validateWebhook() takes for an event and its action, from the
 * description's webhooks section (`x-webhooks`; `webhooks` in OpenAPI 3.1):
 * deployment_protection_rule requested → deployment-protection-rule-requested.
 * Undefined when the description has no schema for it.
 */
export function webhookSchemaName(event: string, action: string | undefined): string | undefined {
  const doc = openApi();
  const hooks = doc['x-webhooks'] ?? doc.webhooks ?? {};
  const base = event.replace(/_/g, '-');
  const keys = action ? [`${base}-${action.replace(/_/g, '-')}`, base] : [base];
  for (const key of keys) {
    const body = hooks[key]?.post?.requestBody;
    const ref = (body ? deref(body).content?.['application/json']?.schema?.$ref : undefined) as unknown;
    if (typeof ref === 'string') return ref.replace(/^#\/components\/schemas\/webhook-/, '');
  }
  return undefined;
}

/**
 * Checks an event payload against the webhook schema of the OpenAPI description
 * (`x-webhooks`), e.g. `pull-request-opened`, `status`, `workflow-dispatch`.
 */
export function validateWebhook(name: string, payload: unknown): string[] {
  const validate = compiled(`webhook:${name}`, 'strict', () => {
    const schema = `webhook-${name}`;
    return openApi().components.schemas[schema] ? { $ref: `#/components/schemas/${schema}` } : undefined;
  });
  if (!validate) throw new Error(`No webhook schema for ${name}`);
  return validate(payload) ? [] : describe(validate.errors, 'payload');
}
