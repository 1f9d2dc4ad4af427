import type { GateIdentity } from '../core/evidence/snapshot.ts';
import { httpStatusOf } from './api-problem.ts';
import type { GitHubClient } from './octokit-client.ts';
import { GITHUB_ACTIONS, identityOfToken } from './token-identity.ts';

export { appIdentity, GITHUB_ACTIONS } from './token-identity.ts';

/** The token is not the account the gate took itself for: nothing it wrote may be trusted as its own. */
export class IdentityMismatch extends Error {}

/**
 * The account the gate writes as, from its token and never from anything a comment says:
 * - an App's installation token: `<app-slug>[bot]`, given as the `app-slug` input (GitHub tells an
 *   installation token nothing about its App), the one identity no workflow shares;
 * - an installation token without a slug: the workflow's GITHUB_TOKEN, `github-actions[bot]`;
 * - any other token: the account GitHub says it belongs to. A person writes as themselves
 *   by hand too, so that identity counts as shared.
 */
export async function resolveGateIdentity(client: GitHubClient, token: string, appSlug: string | null): Promise<GateIdentity> {
  const known = identityOfToken(token, appSlug);
  if (known) return known;
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { login: data.login, shared: true };
  } catch (error) {
    // An installation token in an older format: GitHub answers 403 for /user.
    if (httpStatusOf(error) === 403) return GITHUB_ACTIONS;
    throw error;
  }
}

/** Every write answers with its author: a token that writes as another account stops the run. */
export function expectWrittenAs(identity: GateIdentity, login: string | undefined, what: string): void {
  if (login === undefined || login === identity.login) return;
  throw new IdentityMismatch(
    `GitHub recorded ${what} as written by \`${login}\`, but the gate took itself for \`${identity.login}\`. For a GitHub App token, set the \`app-slug\` input to the App's slug (e.g. \`\${{ steps.app.outputs.app-slug }}\` from actions/create-github-app-token).`,
  );
}
