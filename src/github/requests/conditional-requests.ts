/**
 * Reads again within a run are conditional: a GET the run has made before carries the ETag of its
 * last answer, and GitHub answers 304 when nothing changed, which does not count against the rate
 * limit (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate).
 * GitHub's ETags belong to the token that read them, so the cache lives as long as the client:
 * one run, one token. The answer is always GitHub's current one; only its bytes come from memory.
 */
export interface CachedAnswer {
  etag: string;
  response: unknown;
}

/** Bounded: a run over many PRs keeps the most recent answers. */
const MAX_ENTRIES = 2_000;

export class ConditionalCache {
  readonly #entries = new Map<string, CachedAnswer>();

  get(key: string): CachedAnswer | undefined {
    return this.#entries.get(key);
  }

  set(key: string, answer: CachedAnswer): void {
    this.#entries.delete(key);
    this.#entries.set(key, answer);
    if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
  }

  get size(): number {
    return this.#entries.size;
  }
}
