import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type * as z from 'zod/mini';
import { errorMessage } from '../errors/error-message.ts';
import { formatPath, type ConfigError } from './config-error.ts';
import { closestKey, knownKeysAt } from './known-keys.ts';
import { placeholders } from './placeholders.ts';
import { bytesProblem, type DecodedPolicy } from './policy-bytes.ts';
import { configSchema, type ReadinessConfig } from './schema.ts';

/** `warnings` never block: they point at what is valid but surely not meant (a template's placeholder login). */
export type ConfigParse = { ok: true; config: ReadinessConfig; warnings: ConfigError[] } | { ok: false; errors: ConfigError[] };

/** Errors described one by one; past this many they are counted. */
const MAX_ERRORS = 50;

/**
 * How many times aliases may copy their anchors in all (the yaml package's count): a policy
 * has no need for more, and a few nested aliases can otherwise expand to billions of nodes.
 */
const MAX_ALIAS_COPIES = 100;

/** A policy with no checks and no roles passes every release PR: a mistake (an empty template), never a gate. */
const REQUIRES_NOTHING = 'the policy requires nothing (no checks and no sign-offs): the gate would pass every release PR; add a check under `checks:` or a role under `signoffs:`';

/**
 * Parses readiness.yml; every error carries the line and column to fix. Each call parses:
 * a run that reads the same text again keeps the result in its ParseMemo. It never throws:
 * whatever the text, the answer is a verdict the gate can report.
 */
export function parseConfig(text: string): ConfigParse {
  try {
    return parseText(text);
  } catch (error) {
    return { ok: false, errors: [{ line: 1, col: 1, path: '', message: `the file could not be parsed: ${errorMessage(error)}` }] };
  }
}

/** A policy file as read: its bytes are judged (size, UTF-8) before its text is parsed. */
export function parsePolicyFile(file: DecodedPolicy, parse: (text: string) => ConfigParse = parseConfig): ConfigParse {
  const problem = bytesProblem(file);
  return problem ? { ok: false, errors: [problem] } : parse(file.text);
}

function parseText(text: string): ConfigParse {
  const tooLarge = bytesProblem({ text });
  if (tooLarge) return { ok: false, errors: [tooLarge] };
  const lineCounter = new LineCounter();
  // The yaml package's own uniqueKeys check compares every key with every other (seconds on
  // a few thousand keys): duplicates are found below, in one pass.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };

  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({
        ...position(error.pos[0]),
        path: '',
        // One policy per file: a second document would be silently ignored, or read by nothing.
        message: error.code === 'MULTIPLE_DOCS' ? 'a second YAML document (`---`): a policy is one document; remove this `---` and merge what follows into the first' : yamlMessage(error.message),
      })),
    };
  }
  const duplicates = duplicateKeys(doc);
  // A key given twice is an error, never silently the last one.
  if (duplicates.length > 0) return { ok: false, errors: duplicates.map((offset) => ({ ...position(offset), path: '', message: 'Map keys must be unique' })) };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COPIES });
  } catch (error) {
    // The yaml package refuses an alias bomb with a ReferenceError that names no node.
    if (error instanceof ReferenceError && /alias/i.test(error.message)) return { ok: false, errors: [aliasBomb(doc, position)] };
    throw error;
  }
  if (data === null || data === undefined) {
    return { ok: false, errors: [{ line: 1, col: 1, path: '', message: 'the file is empty: start with `version: 1`' }] };
  }
  const result = configSchema.safeParse(data);
  if (result.success) {
    // Only once the schema accepts it, so that this never hides the real mistakes of a file.
    if (result.data.checks.length === 0 && Object.keys(result.data.signoffs).length === 0) {
      return { ok: false, errors: [{ ...locate(doc, ['checks'], undefined, position), path: '', message: REQUIRES_NOTHING }] };
    }
    const warnings = placeholders(result.data).map(({ path, message }) => ({ ...locate(doc, path, undefined, position), path: formatPath(path), message }));
    return { ok: true, config: result.data, warnings };
  }

  // Each error is located in the document; a hostile file with thousands of mistakes is
  // described as far as a person would read, and counted past that.
  const total = result.error.issues.reduce((sum, issue) => sum + (issue.code === 'unrecognized_keys' ? issue.keys.length : 1), 0);
  const issues = result.error.issues.slice(0, MAX_ERRORS).map((issue) => (issue.code === 'unrecognized_keys' ? { ...issue, keys: issue.keys.slice(0, MAX_ERRORS) } : issue));
  const errors = issues.flatMap((issue) => describeIssue(issue, doc, data, position)).slice(0, MAX_ERRORS);
  errors.sort((a, b) => a.line - b.line || a.col - b.col);
  if (total > errors.length) errors.push({ ...errors.at(-1)!, path: '', message: `and ${total - errors.length} more errors` });
  return { ok: false, errors };
}

/** The error for a file whose aliases expand too far, at its first alias. */
function aliasBomb(doc: Document, position: Position): ConfigError {
  let first: { source: string; offset: number } | undefined;
  visit(doc, {
    Alias(_key, node) {
      first = { source: node.source, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  const where = first ? position(first.offset) : { line: 1, col: 1 };
  const alias = first ? ` (\`*${first.source}\` and the others)` : '';
  return { ...where, path: '', message: `aliases${alias} copy their anchors more than ${MAX_ALIAS_COPIES} times in all, as a YAML alias bomb does: write the values out instead` };
}

/** The offsets of keys given twice in the same mapping. */
function duplicateKeys(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) offsets.push(isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0);
        seen.add(key);
      }
    },
  });
  return offsets;
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
