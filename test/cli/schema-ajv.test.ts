// The JSON Schema that editors use (templates/readiness.schema.json, `schema`, what `init`
// writes) must refuse what the gate refuses, wherever JSON Schema can say it: otherwise an
// editor shows a policy as fine that the gate then rejects on the release PR.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readinessJsonSchema } from '../../src/cli/schema-command.ts';
import { parseConfig } from '../../src/core/config/parse-config.ts';

// Strict, but for `strictRequired`: `anyOf: [{ required: [key] }]` names keys the parent object
// declares, JSON Schema's usual way to say "at least one of", which that option does not follow.
// And union types (`type: [string, number, boolean]`, a probe's expected JSON value) are standard
// JSON Schema that only Ajv's strict mode asks to be allowed by name.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true });
const validate = ajv.compile(readinessJsonSchema());

const byJsonSchema = (policy: unknown) => validate(policy);
const byGate = (policy: unknown) => parseConfig(stringify(policy)).ok;

const ci = { id: 'ci', name: 'CI', ci: {} };
const role = { users: ['alice'] };
/** A valid policy, with one part replaced. */
const policy = (parts: Record<string, unknown> = {}) => ({ version: 1, signoffs: { security: role }, checks: [ci], ...parts });
const withCheck = (check: Record<string, unknown>) => policy({ checks: [{ id: 'x', name: 'X', ...check }] });
const withRole = (settings: unknown) => policy({ signoffs: { security: settings } });

describe('the JSON Schema refuses what the gate refuses', () => {
  it.each<[string, unknown]>([
    // Exactly one kind per check.
    ['a check with no kind', withCheck({})],
    ['a check with two kinds', withCheck({ ci: {}, reviews: { min: 1 } })],
    ['a check with three kinds', withCheck({ ci: {}, signoff: 'security', labels: { all: ['x'] } })],
    // A role names who may sign.
    ['a role with no signers', withRole({})],
    ['a role with only a minimum', withRole({ min: 1, allow_author: true })],
    ['a role with an empty list of users', withRole({ users: [] })],
    ['a role with an empty list of teams', withRole({ teams: [] })],
    ['a role with an unknown permission', withRole({ permission: 'owner' })],
    ['a role named in upper case', policy({ signoffs: { Security: role } })],
    // At least one key where one is needed.
    ['an empty `when`', withCheck({ ci: {}, when: {} })],
    ['an empty `files`', withCheck({ files: {} })],
    ['an empty `pr_body`', withCheck({ pr_body: {} })],
    ['an empty `labels`', withCheck({ labels: {} })],
    ['a role’s empty `when`', withRole({ users: ['alice'], when: {} })],
    // Unknown keys, wherever they are.
    ['an unknown top-level key', policy({ signofs: {} })],
    ['an unknown check key', withCheck({ ci: {}, requried: false })],
    ['an unknown key inside a kind', withCheck({ ci: { inclde: ['build'] } })],
    ['an unknown role key', withRole({ users: ['alice'], approvers: 2 })],
    // Values.
    ['a wrong version', policy({ version: 2 })],
    ['no version', { signoffs: { security: role }, checks: [ci] }],
    ['a blank glob', policy({ release: { branches: ['  '] } })],
    ['no glob', policy({ release: { branches: [] } })],
    ['a bad duration', policy({ remind_after: '1 day' })],
    ['a check id with spaces', withCheck({ id: 'my check', ci: {} })],
    ['a coverage minimum over 100', withCheck({ coverage: { min: 101 } })],
    // A policy that requires nothing would pass every release PR.
    ['a policy that is only `version: 1`', { version: 1 }],
    ['a policy with empty checks and sign-offs', { version: 1, release: { branches: ['release/**'] }, signoffs: {}, checks: [] }],
  ])('%s', (_name, value) => {
    expect(byGate(value)).toBe(false);
    expect(byJsonSchema(value)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['a valid policy', policy()],
    ['a policy with only a role', { version: 1, signoffs: { sre: role } }],
    ['a policy with only a check', { version: 1, checks: [ci] }],
    ['a role of a team', withRole({ teams: ['acme/security'] })],
    ['a role of a permission', withRole({ permission: 'maintain' })],
    ['each kind of check', policy({ checks: [ci, { id: 'r', name: 'R', reviews: { min: 2 } }, { id: 's', name: 'S', signoff: 'security' }, { id: 'f', name: 'F', files: { changed: ['CHANGELOG.md'] } }, { id: 'b', name: 'B', pr_body: { matches: '(?i)^ticket' } }] })],
  ])('and accepts what the gate accepts: %s', (_name, value) => {
    expect(byGate(value)).toBe(true);
    expect(byJsonSchema(value)).toBe(true);
  });

  // What JSON Schema cannot judge stays with zod: whether a pattern compiles for RE2 (JSON
  // Schema's `format: regex` is ECMA-262, which refuses RE2's `(?i)`, accepted above), whether a
  // glob compiles, and what relates one part of the file to another. An editor accepts these;
  // `validate` and the gate refuse them, with the line and column.
  it.each<[string, unknown]>([
    ['a regular expression RE2 cannot compile', policy({ release: { title: '(Release' } })],
    ['a backreference', policy({ release: { title: '(a+)\\1' } })],
    ['a glob that does not compile', policy({ release: { branches: ['release/[a'] } })],
    ['a duplicate check id', policy({ checks: [ci, ci] })],
    ['a sign-off of an undeclared role', withCheck({ signoff: 'sre' })],
    ['a minimum no role’s users can reach', withRole({ users: ['alice'], min: 2 })],
  ])('left to the gate: %s', (_name, value) => {
    expect(byGate(value)).toBe(false);
    expect(byJsonSchema(value)).toBe(true);
  });

  const templates = readdirSync('templates').filter((file) => file.endsWith('.yml'));
  it.each(templates)('templates/%s validates', (file) => {
    const text = readFileSync(`templates/${file}`, 'utf8');
    const valid = byJsonSchema(parse(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(parseConfig(text).ok).toBe(true);
  });
});
