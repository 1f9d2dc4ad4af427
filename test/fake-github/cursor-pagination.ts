// Cursor pagination, as GitHub's security alert endpoints page: `after` and
// `before` take opaque cursors from the Link header, which links rel="prev"
// and rel="next" only (a cursor cannot know the last page). A cursor holds the
// sort key of the item it follows, not an offset, so alerts that change state
// between two pages neither repeat nor get skipped.

/** A sort key compared element by element; the last element must be unique (the alert number). */
export type SortKey = (string | number)[];

export type CursorPage<T> = { items: T[]; link: string | undefined } | { error: string };

const prefix = 'cursor:v2:';

export function encodeCursor(key: SortKey): string {
  return Buffer.from(prefix + JSON.stringify(key)).toString('base64');
}

function decodeCursor(cursor: string): SortKey | undefined {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (!text.startsWith(prefix)) return undefined;
  try {
    const key: unknown = JSON.parse(text.slice(prefix.length));
    return Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number') ? (key as SortKey) : undefined;
  } catch {
    return undefined;
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * `sorted` must already be in the requested order, i.e. by `keyOf` ascending,
 * or descending when `direction` is desc. An empty `after`/`before` asks for
 * the first page in cursor mode.
 */
export function cursorPaginate<T>(sorted: T[], keyOf: (item: T) => SortKey, direction: 'asc' | 'desc', query: Record<string, unknown>, requestUrl: URL): CursorPage<T> {
  const perPage = Number(query.per_page ?? 30) || 30;
  const [after, before] = [query.after, query.before].map((c) => (typeof c === 'string' && c !== '' ? c : undefined));
  if (after && before) return { error: 'Only one of `before` and `after` may be given.' };
  const cursor = after ?? before;
  const key = cursor === undefined ? undefined : decodeCursor(cursor);
  if (cursor !== undefined && !key) return { error: `Invalid cursor: ${cursor}` };
  // Position of an item relative to the cursor, in the requested order.
  const side = (item: T): number => (key ? (direction === 'desc' ? -1 : 1) * compareKeys(keyOf(item), key) : 1);
  const firstWhere = (test: (item: T) => boolean): number => {
    const i = sorted.findIndex(test);
    return i === -1 ? sorted.length : i;
  };
  // `after`: the page starts past the cursor; `before`: it ends just short of it.
  let start = after ? firstWhere((i) => side(i) > 0) : 0;
  let end = before ? firstWhere((i) => side(i) >= 0) : sorted.length;
  if (before) start = Math.max(0, end - perPage);
  else end = Math.min(end, start + perPage);
  const items = sorted.slice(start, end);
  const at = (param: 'after' | 'before', item: T): string => {
    const u = new URL(requestUrl);
    u.searchParams.delete('after');
    u.searchParams.delete('before');
    u.searchParams.set(param, encodeCursor(keyOf(item)));
    return `<${u.toString()}>`;
  };
  const rels: string[] = [];
  if (start > 0 && items[0] !== undefined) rels.push(`${at('before', items[0])}; rel="prev"`);
  const last = items.at(-1);
  if (end < sorted.length && last !== undefined) rels.push(`${at('after', last)}; rel="next"`);
  return { items, link: rels.length ? rels.join(', ') : undefined };
}
