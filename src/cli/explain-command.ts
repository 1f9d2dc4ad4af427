import { renderExplanation } from '../core/render/render-explanation.ts';
import type { CliIo } from './cli-io.ts';
import { readPullRequest, type PullRequestOptions } from './read-pull-request.ts';

/** `explain --repo owner/name --pr N`: why the PR is or is not ready, and what to do, changing nothing. */
export async function explainCommand(options: PullRequestOptions, io: CliIo): Promise<number> {
  const read = await readPullRequest(options, io);
  if (!read.ok) return read.exitCode;
  io.out(renderExplanation(read.evaluation, options.repo).trimEnd());
  return 0;
}
