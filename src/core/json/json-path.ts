/** What a dot path found in a parsed JSON body. */
export type JsonLookup = { found: true; value: unknown } | { found: false };

/**
 * Follows a dot path such as `checks.db` through objects, and through arrays by index
 * (`items.0.state`). Only own properties count, so `constructor` or `__proto__` never reads
 * something the server did not send.
 */
export function readJsonPath(document: unknown, path: readonly string[]): JsonLookup {
  let current: unknown = document;
  for (const segment of path) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= current.length) return { found: false };
      current = current[Number(segment)];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
