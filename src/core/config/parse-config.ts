import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { formatPath, type ConfigError } from './config-error.ts';
import { closestKey, knownKeysAt } from './known-keys.ts';
import { configSchema, type ReadinessConfig } from './schema.ts';

export type ParsedConfig = { ok: true; config: ReadinessConfig } | { ok: false; errors: ConfigError[] };

/** Parses readiness.yml; every error carries the line and column to fix. */
export function parseConfig(text: string): ParsedConfig {
  const lineCounter = new LineCounter();
  // uniqueKeys: a key given twice is an error, never silently the last one.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };

  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({ ...position(error.pos[0]), path: '', message: yamlMessage(error.message) })),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) {
    return { ok: false, errors: [{ line: 1, col: 1, path: '', message: 'the file is empty: start with `version: 1`' }] };
  }
  const result = configSchema.safeParse(data);
  if (result.success) return { ok: true, config: result.data };

  const errors = result.error.issues.flatMap((issue) => describeIssue(issue, doc, data, position));
  errors.sort((a, b) => a.line - b.line || a.col - b.col);
  return { ok: false, errors };
}

function yamlMessage(message: string): string {
  // The yaml package appends its own "at line X, column Y" to some messages; we give the position separately.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

type Position = (offset: number) => { line: number; col: number };

function describeIssue(
  issue: z.core.$ZodIssue,
  doc: Document,
  data: unknown,
  position: Position,
): ConfigError[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(configSchema, path);
    return issue.keys.map((key) => {
      const hint = closestKey(key, known);
      const expected = hint ? `did you mean \`${hint}\`?` : `expected one of: ${known.join(', ')}`;
      return {
        ...locate(doc, path, key, position),
        path: formatPath([...path, key]),
        message: `unknown key \`${key}\` (${expected})`,
      };
    });
  }
  if (issue.code === 'invalid_key') {
    // A bad mapping key (e.g. a role name): point at the key, and say what a key must be.
    const key = String(path[path.length - 1]);
    const message = issue.issues[0]?.message ?? issue.message;
    return [{ ...locate(doc, path.slice(0, -1), key, position), path: formatPath(path), message }];
  }
  return [{ ...locate(doc, path, undefined, position), path: formatPath(path), message: issueMessage(issue, valueAt(data, path)) }];
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'this key is required';
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, got ${describeValue(value)}`;
    case 'too_small':
      if (!issue.message.startsWith('Too small')) return issue.message;
      if (issue.origin === 'array') return `list at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return issue.message.startsWith('Invalid') ? `expected one of: ${issue.values.map(String).join(', ')}` : issue.message;
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} \`${String(value)}\``;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Finds the closest YAML node to a path: the key itself when named, else the deepest existing ancestor. */
function locate(doc: Document, path: readonly PropertyKey[], key: string | undefined, position: Position) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
    if (!node || !node.range) continue;
    if (depth === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      const keyNode = pair && isScalar(pair.key) ? pair.key : undefined;
      if (keyNode?.range) return position(keyNode.range[0]);
    }
    return position(node.range[0]);
  }
  return { line: 1, col: 1 };
}
