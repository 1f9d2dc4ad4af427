import * as z from 'zod/mini';
import { filesSchema, labelsSchema, prBodySchema } from '../core/config/check-kind-schemas.ts';
import { CHECK_KINDS, checkSchema, configSchema, globSchema, roleSchema, whenSchema } from '../core/config/schema.ts';

/** Where `init` writes the schema: beside the policy, which names it by this relative path. */
export const SCHEMA_FILE = 'readiness.schema.json';

type JsonSchema = Record<string, unknown>;

const requiresOneOf = (keys: readonly string[]) => keys.map((key) => ({ required: [key] }));

/**
 * Objects whose zod schema asks for at least one of its keys (`atLeastOne` in schema.ts).
 * test/cli/schema-ajv.test.ts checks that zod and the JSON Schema agree on each.
 */
const AT_LEAST_ONE_KEY: readonly unknown[] = [whenSchema, filesSchema, prBodySchema, labelsSchema];

/**
 * The zod refinements that JSON Schema can say too, said there: zod's generator leaves every
 * refinement out, and an editor would then accept what the gate refuses.
 *
 * What stays with zod alone, because JSON Schema cannot judge it: whether a regular expression
 * compiles for RE2 (`format: regex` is ECMA-262, which refuses RE2's `(?i)` and accepts
 * backreferences), whether a glob compiles, a role's `min` against its number of users,
 * duplicate check ids, and roles named by `signoff:`, `waivers.by` or `policy_change` but not
 * declared under `signoffs:`.
 */
function sayRefinements({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  if (AT_LEAST_ONE_KEY.includes(zodSchema)) {
    jsonSchema['anyOf'] = requiresOneOf(Object.keys(jsonSchema['properties'] as JsonSchema));
  } else if (zodSchema === roleSchema) {
    // Who may sign: `users` and `teams` are non-empty lists when given (minItems), so any one of the three names someone.
    jsonSchema['anyOf'] = requiresOneOf(['users', 'teams', 'permission']);
  } else if (zodSchema === checkSchema) {
    // Exactly one kind per check: no kind matches none of these, two kinds match two.
    jsonSchema['oneOf'] = requiresOneOf(CHECK_KINDS);
  } else if (zodSchema === globSchema) {
    // Whether it compiles is picomatch's to say; that it is not blank, JSON Schema can.
    jsonSchema['pattern'] = '\\S';
  }
}

/** A policy must require something: a check or a role (parseConfig's "the policy requires nothing"). */
const REQUIRES_SOMETHING = {
  anyOf: [
    { required: ['checks'], properties: { checks: { type: 'array', minItems: 1 } } },
    { required: ['signoffs'], properties: { signoffs: { type: 'object', minProperties: 1 } } },
  ],
};

/** The JSON Schema of readiness.yml, generated from the zod schema that the gate itself uses. */
export function readinessJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12', override: sayRefinements }) as JsonSchema;
  // No `$id`: the project is not published, and an `$id` URL nobody can fetch only misleads.
  // Policies name the copy `init` writes beside them (`$schema=readiness.schema.json`).
  return { ...schema, ...REQUIRES_SOMETHING, title: 'Release Readiness policy (.github/readiness.yml)' };
}

export function schemaText(): string {
  return `${JSON.stringify(readinessJsonSchema(), null, 2)}\n`;
}
