import { z } from 'zod';
import { configSchema } from '../core/config/schema.ts';

/** The JSON Schema of readiness.yml, generated from the zod schema that the gate itself uses. */
export function readinessJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://raw.githubusercontent.com/acme/release-readiness/v1/templates/readiness.schema.json',
    title: 'Release Readiness policy (.github/readiness.yml)',
  };
}

export function schemaText(): string {
  return `${JSON.stringify(readinessJsonSchema(), null, 2)}\n`;
}
