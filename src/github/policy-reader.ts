import type { PolicyFile, Readable } from '../core/evidence/snapshot.ts';
import { describeApiError, httpStatusOf } from './api-problem.ts';
import type { GitHubClient } from './octokit-client.ts';
import type { RepoRef } from './repository.ts';

/**
 * Reads readiness.yml from the PR's base branch through the API. Never from the PR's
 * head or the workspace: a pull request must not be able to weaken its own gate.
 */
export async function readPolicy(client: GitHubClient, repo: RepoRef, path: string, baseRef: string): Promise<Readable<PolicyFile>> {
  const what = `${path} on \`${baseRef}\``;
  try {
    const { data } = await client.rest.repos.getContent({ ...repo, path, ref: baseRef });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
      return { ok: false, problem: { what, message: `${path} is not a file`, fix: `Make \`${path}\` a file on \`${baseRef}\`, or point the \`config\` input at one.` } };
    }
    const text = Buffer.from(data.content, 'base64').toString('utf8');
    return { ok: true, value: { path, ref: baseRef, text } };
  } catch (error) {
    if (httpStatusOf(error) === 404) {
      return {
        ok: false,
        problem: {
          what,
          message: `there is no \`${path}\` on the base branch \`${baseRef}\``,
          fix: `Commit \`${path}\` to \`${baseRef}\` (the gate reads it from the base branch only), or set the \`config\` input.`,
          httpStatus: 404,
        },
      };
    }
    return { ok: false, problem: describeApiError(error, what) };
  }
}
