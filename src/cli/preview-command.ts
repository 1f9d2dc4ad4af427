import { renderComment } from '../core/render/render-comment.ts';
import { buildReport } from '../core/report/build-report.ts';
import type { CliIo } from './cli-io.ts';
import { readPullRequest, type PullRequestOptions } from './read-pull-request.ts';

/** `preview --repo owner/name --pr N`: the comment the gate would post (or, with `--json`, the report), changing nothing. */
export async function previewCommand(options: PullRequestOptions & { json: boolean }, io: CliIo): Promise<number> {
  const read = await readPullRequest(options, io);
  if (!read.ok) return read.exitCode;
  const { pr, snapshot, evaluation } = read;
  if (options.json) io.out(JSON.stringify(buildReport(evaluation, snapshot), null, 2));
  else if (!evaluation.applies) io.out(`#${pr.number} is not a release pull request: the gate does not apply (${evaluation.description}).`);
  else io.out(renderComment(evaluation));
  return 0;
}
