// Conditional requests: GitHub tags every successful read with a weak ETag and
// answers 304 Not Modified to an If-None-Match naming it, a 304 that does not
// count against the primary rate limit.
// https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
import { createHash } from 'node:crypto';

/**
 * Weak, because GitHub's are: the same JSON may be serialised differently byte for byte. And
 * the token's own, as GitHub's are: an ETag one token read never matches for another (so a
 * GITHUB_TOKEN, new in every job, cannot reuse the ETags of an earlier job).
 */
export function weakEtag(body: string, token: string): string {
  return `W/"${createHash('sha256').update(token).update('\0').update(body).digest('hex')}"`;
}

/**
 * RFC 9110 §13.1.2: a list of entity tags, or `*` for any current
 * representation, compared weakly (W/ does not matter).
 */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  // An entity tag is quoted and holds no double quote, so a comma inside one never splits it.
  return (value.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === wanted);
}
