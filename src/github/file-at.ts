import { httpStatusOf } from './api-problem.ts';
import type { GitHubClient } from './octokit-client.ts';
import type { RepoRef } from './repository.ts';

export type FileAt =
  /**
   * `bytes` as stored and `size` as GitHub counts it: over 1 MB, GitHub sends no content
   * (encoding `none`), so `bytes` is then empty and only `size` tells. `text` is the bytes
   * read as UTF-8, with U+FFFD for what is not; `sha` its git blob SHA.
   */
  | { kind: 'file'; text: string; bytes: Uint8Array; size: number; sha: string }
  | { kind: 'missing' }
  /** A directory, a symlink or a submodule, as GitHub names it. */
  | { kind: 'not-a-file'; type: string };

/** A file at a ref, through the contents API; any answer but 404 that is not a file's throws. */
export async function fileAt(client: GitHubClient, repo: RepoRef, path: string, ref: string): Promise<FileAt> {
  try {
    const { data } = await client.rest.repos.getContent({ ...repo, path, ref });
    if (Array.isArray(data)) return { kind: 'not-a-file', type: 'directory' };
    if (data.type !== 'file' || !('content' in data)) return { kind: 'not-a-file', type: data.type };
    // https://docs.github.com/rest/repos/contents#get-repository-content: "between 1-100 MB …
    // the content field will be an empty string and the encoding field will be none".
    const bytes = data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : new Uint8Array();
    return { kind: 'file', text: Buffer.from(bytes).toString('utf8'), bytes, size: Math.max(data.size, bytes.length), sha: data.sha };
  } catch (error) {
    if (httpStatusOf(error) === 404) return { kind: 'missing' };
    throw error;
  }
}
