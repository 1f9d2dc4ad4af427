import type { PullRequestFacts } from '../../core/evidence/snapshot.ts';
import type { GitHubClient } from '../octokit-client.ts';
import type { RepoRef } from '../repository.ts';

export interface ReaderContext {
  client: GitHubClient;
  /** For the security alert endpoints: the `security-token` client when given, else `client`. */
  securityClient: GitHubClient;
  repo: RepoRef;
  pr: PullRequestFacts;
}
