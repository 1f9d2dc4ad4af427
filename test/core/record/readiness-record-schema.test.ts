// docs/readiness-record.schema.json describes the records the gate writes: every record built
// from an evaluated snapshot validates, and a record missing a field it promises does not.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { readinessRecord, recordJson } from '../../../src/core/record/readiness-record.ts';
import { evaluationOf, READY } from './ready-snapshots.ts';

const schema: unknown = JSON.parse(readFileSync(new URL('../../../docs/readiness-record.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema as object);

const CONTEXT = { gateVersion: '0.1.0', runUrl: 'https://github.com/acme/rocket/actions/runs/42' };
/** Each ready case's record, as a file holds it. */
const records = READY.map((item) => [item.name, JSON.parse(recordJson(readinessRecord(item.snapshot, evaluationOf(item), CONTEXT)!)) as Record<string, unknown>] as const);

const errors = () => (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`).join('; ');

/** The record with the value at `path` removed (a key) or replaced. */
function without(record: Record<string, unknown>, path: (string | number)[], replacement?: unknown): unknown {
  const copy = structuredClone(record);
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === undefined) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

describe('docs/readiness-record.schema.json', () => {
  it.each(records)('%s: the record validates', (_name, record) => {
    expect(validate(record), errors()).toBe(true);
  });

  const [, full] = records[0]!;
  it.each<[string, (string | number)[], unknown?]>([
    ['without the Statement type', ['_type']],
    ['without the subject’s commit', ['subject', 0, 'digest', 'gitCommit']],
    ['without the predicate type', ['predicateType']],
    ['without the evaluation time', ['predicate', 'evaluatedAt']],
    ['without the policy’s blob', ['predicate', 'policy', 'digest', 'gitBlob']],
    ['without the policy’s ref', ['predicate', 'policy', 'ref']],
    ['without the PR’s head', ['predicate', 'pullRequest', 'head']],
    ['without a check’s sources', ['predicate', 'checks', 0, 'sources']],
    ['without a source’s writer', ['predicate', 'checks', 0, 'sources', 0, 'writer']],
    ['without a sign-off’s commit', ['predicate', 'signoffs', 0, 'signatures', 0, 'commit']],
    ['without how a sign-off was bound', ['predicate', 'signoffs', 0, 'signatures', 0, 'boundBy']],
    ['without the gate’s identity', ['predicate', 'gate', 'writesAs']],
    ['without the waivers', ['predicate', 'waivers']],
    // Not removed, but wrong.
    ['with a state other than success', ['predicate', 'state'], 'pending'],
    ['with a required check that failed', ['predicate', 'checks', 0, 'outcome'], 'fail'],
    ['with a sign-off bound to no commit', ['predicate', 'signoffs', 0, 'signatures', 0, 'commit'], null],
    ['with a file’s sha256 for a subject instead of the commit', ['subject', 0, 'digest'], { sha256: 'f'.repeat(64) }],
    ['with a field the schema does not know', ['predicate', 'approvedBy'], 'alice'],
  ])('refuses a record %s', (_name, path, replacement) => {
    expect(validate(without(full, path, replacement))).toBe(false);
  });
});
