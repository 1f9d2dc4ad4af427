// GitHub-style pagination: `per_page` (default 30, at most 100) and `page`,
// with a Link header of absolute URLs in GitHub's order: prev, next, last, first.

export interface Page<T> {
  items: T[];
  link: string | undefined;
}

export function paginate<T>(all: T[], query: Record<string, unknown>, requestUrl: URL): Page<T> {
  const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30));
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  const at = (n: number): string => {
    const u = new URL(requestUrl);
    u.searchParams.set('page', String(n));
    return `<${u.toString()}>`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) rels.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) rels.push(`${at(1)}; rel="first"`);
  return { items, link: rels.length ? rels.join(', ') : undefined };
}

/** The page's Link header, as a reply's headers, or undefined for a single page. */
export function linkOf(page: Page<unknown>): Record<string, string> | undefined {
  return page.link ? { link: page.link } : undefined;
}
