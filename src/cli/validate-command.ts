import { open } from 'node:fs/promises';
import { formatConfigError } from '../core/config/config-error.ts';
import { parsePolicyFile } from '../core/config/parse-config.ts';
import { decodePolicy, MAX_POLICY_BYTES, type DecodedPolicy } from '../core/config/policy-bytes.ts';
import { errorMessage } from '../core/errors/error-message.ts';
import type { CliIo } from './cli-io.ts';

/** Why a path cannot be read as a policy, in a person's words. */
class UnreadablePolicy extends Error {}

/**
 * The file's bytes, at most one past the limit: a policy over it is refused by its size, and
 * whatever the path is (a 5 GB file, /dev/zero) nothing more is read.
 */
async function readPolicyFile(file: string): Promise<DecodedPolicy> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadablePolicy(code === 'ENOENT' ? 'no such file (run `release-readiness init` to create one)' : `could not be read: ${errorMessage(error)}`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new UnreadablePolicy('is a directory, not a file: give the path of readiness.yml');
    const buffer = new Uint8Array(MAX_POLICY_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    return decodePolicy(buffer.subarray(0, length), Math.max(length, stat.size));
  } finally {
    await handle.close();
  }
}

/** `validate [file]`: each error as file:line:col: message, and a non-zero exit when there is any. */
export async function validateCommand(file: string, io: CliIo): Promise<number> {
  try {
    const parsed = parsePolicyFile(await readPolicyFile(file));
    if (!parsed.ok) {
      for (const error of parsed.errors) io.error(formatConfigError(file, error));
      io.error(`${file}: ${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'}`);
      return 1;
    }
    for (const warning of parsed.warnings) io.error(formatConfigError(file, warning, 'warning'));
    const roles = Object.keys(parsed.config.signoffs).length;
    const warned = parsed.warnings.length > 0 ? ` (${parsed.warnings.length} warning${parsed.warnings.length === 1 ? '' : 's'})` : '';
    io.out(`${file}: valid — ${parsed.config.checks.length} checks, ${roles} role${roles === 1 ? '' : 's'}${warned}`);
    return 0;
  } catch (error) {
    // Whatever went wrong, one line that names the file: never a stack trace of the bundle.
    io.error(`${file}: ${error instanceof UnreadablePolicy ? error.message : `could not be read: ${errorMessage(error)}`}`);
    return 2;
  }
}
