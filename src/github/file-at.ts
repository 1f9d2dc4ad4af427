import { httpStatusOf } from './api-problem.ts';
import type { GitHubClient } from './octokit-client.ts';
import type { RepoRef } from './repository.ts';

export type FileAt = { kind: 'file'; text: string } | { kind: 'missing' } | { kind: 'not-a-file' };

/** A file's text at a ref, through the contents API; any answer but 404 that is not a file's throws. */
export async function fileAt(client: GitHubClient, repo: RepoRef, path: string, ref: string): Promise<FileAt> {
  try {
    const { data } = await client.rest.repos.getContent({ ...repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return { kind: 'not-a-file' };
    return { kind: 'file', text: Buffer.from(data.content, 'base64').toString('utf8') };
  } catch (error) {
    if (httpStatusOf(error) === 404) return { kind: 'missing' };
    throw error;
  }
}
