import type { GitHubClient } from './octokit-client.ts';

/**
 * GitHub's clock, read from the `Date` header of its answers. Sign-offs, pushes and
 * waivers carry GitHub's timestamps, so expiry and reminders are measured on the same
 * clock rather than the runner's, which may drift. Before any answer, the local clock.
 */
export function observeServerClock(client: GitHubClient, local: () => string): () => string {
  let latest: number | null = null;
  client.hook.after('request', (response) => {
    const date = Date.parse(String(response.headers.date ?? ''));
    if (Number.isFinite(date)) latest = date;
  });
  return () => (latest === null ? local() : new Date(latest).toISOString());
}
