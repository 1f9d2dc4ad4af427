import { decodePolicy } from '../core/config/policy-bytes.ts';
import type { PolicyFile, Readable } from '../core/evidence/snapshot.ts';
import { describeApiError } from './api-problem.ts';
import { fileAt } from './file-at.ts';
import type { GitHubClient } from './octokit-client.ts';
import type { RepoRef } from './repository.ts';

/** The repository's default branch, for events that do not carry it (schedule). */
export async function readDefaultBranch(client: GitHubClient, repo: RepoRef): Promise<string> {
  const { data } = await client.rest.repos.get({ ...repo });
  return data.default_branch;
}

/**
 * Reads readiness.yml from a branch through the API: the default branch, or with
 * `policy-from: base` the PR's base. Never from the PR's head or the workspace: a pull
 * request must not be able to weaken its own gate.
 */
export async function readPolicy(client: GitHubClient, repo: RepoRef, path: string, baseRef: string): Promise<Readable<PolicyFile>> {
  const what = `${path} on \`${baseRef}\``;
  try {
    const file = await fileAt(client, repo, path, baseRef);
    // Its bytes as they are, for the core to judge: a file too large, or not UTF-8, is a located error there.
    if (file.kind === 'file') return { ok: true, value: { path, ref: baseRef, ...decodePolicy(file.bytes, file.size), blobSha: file.sha } };
    if (file.kind === 'not-a-file') {
      return { ok: false, problem: { what, message: `\`${path}\` is a ${file.type}, not a file`, fix: `Make \`${path}\` a file on \`${baseRef}\`, or point the \`config\` input at one.` } };
    }
    return {
      ok: false,
      problem: {
        what,
        message: `there is no \`${path}\` on \`${baseRef}\``,
        fix: `Commit \`${path}\` to \`${baseRef}\` (the gate reads it from there only), or set the \`config\` input.`,
        httpStatus: 404,
      },
    };
  } catch (error) {
    return { ok: false, problem: describeApiError(error, what) };
  }
}
