/**
 * GitHub answered 2xx but the body is not what the endpoint returns (a truncated or
 * malformed JSON body reaches the caller as a string): the write may or may not have
 * happened, so the run must not go on as if it had.
 */
export function requireFields<T extends object>(data: unknown, fields: readonly string[], what: string): T {
  const ok = typeof data === 'object' && data !== null && fields.every((field) => (data as Record<string, unknown>)[field] !== undefined);
  if (!ok) throw new Error(`GitHub's answer to ${what} was not readable (a malformed or cut-off response)`);
  return data as T;
}
