import type { GateIdentity } from '../core/evidence/snapshot.ts';

/** The account every workflow's GITHUB_TOKEN writes as. */
export const GITHUB_ACTIONS: GateIdentity = { login: 'github-actions[bot]', shared: true };

/** A GitHub App writes as `<slug>[bot]`, an account no workflow's GITHUB_TOKEN shares. */
export function appIdentity(slug: string): GateIdentity {
  return { login: `${slug.replace(/\[bot\]$/, '')}[bot]`, shared: false };
}

/**
 * The identity a token tells by itself, without asking GitHub: an App's installation token
 * (with the App's slug), or an installation token (`ghs_`) without one, which is the workflow's
 * GITHUB_TOKEN. Null for any other token: only GitHub knows whose it is.
 */
export function identityOfToken(token: string, appSlug: string | null): GateIdentity | null {
  if (appSlug) return appIdentity(appSlug);
  if (token.startsWith('ghs_')) return GITHUB_ACTIONS;
  return null;
}

/** The Authorization header Octokit sends for a token: a JWT is a bearer token, any other a `token`. */
export function authorizationOf(token: string): string {
  return token.split('.').length === 3 ? `bearer ${token}` : `token ${token}`;
}
