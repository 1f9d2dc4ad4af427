import type { GitHubClient } from '../octokit-client.ts';
import type { RepoRef } from '../repository.ts';

/** A 👍 on each command that counted, so the signer sees it was taken. */
export async function acknowledgeComments(client: GitHubClient, repo: RepoRef, commentIds: readonly number[]): Promise<void> {
  for (const id of commentIds) {
    await client.rest.reactions.createForIssueComment({ ...repo, comment_id: id, content: '+1' });
  }
}
