// The JSON Schema of the readiness record (docs/readiness-record.schema.json), compiled once.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(new URL('../../docs/readiness-record.schema.json', import.meta.url), 'utf8')) as object;

export const validateRecord = new Ajv2020({ strict: true }).compile(schema);
