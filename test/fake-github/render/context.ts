// What every renderer needs: the state, and the fake's origin, which stands in
// for https://api.github.com in every `url` field (as a GHES host would), so
// that links in responses lead back to the fake.
import type { Store } from '../state/store.ts';

export interface RenderContext {
  store: Store;
  /** API origin without a trailing slash, e.g. http://127.0.0.1:41234 */
  api: string;
}

export const webOrigin = 'https://github.com';

export type Json = Record<string, unknown>;
