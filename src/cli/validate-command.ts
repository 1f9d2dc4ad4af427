import { readFile } from 'node:fs/promises';
import { formatConfigError } from '../core/config/config-error.ts';
import { errorMessage } from '../core/errors/error-message.ts';
import { parseConfig } from '../core/config/parse-config.ts';
import type { CliIo } from './cli-io.ts';

/** `validate [file]`: each error as file:line:col: message, and a non-zero exit when there is any. */
export async function validateCommand(file: string, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.error(`${file}: ${code === 'ENOENT' ? 'no such file (run `release-readiness init` to create one)' : errorMessage(error)}`);
    return 2;
  }
  const parsed = parseConfig(text);
  if (!parsed.ok) {
    for (const error of parsed.errors) io.error(formatConfigError(file, error));
    io.error(`${file}: ${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'}`);
    return 1;
  }
  const roles = Object.keys(parsed.config.signoffs).length;
  io.out(`${file}: valid — ${parsed.config.checks.length} checks, ${roles} role${roles === 1 ? '' : 's'}`);
  return 0;
}
