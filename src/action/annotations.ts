import type * as Core from '@actions/core';
import type { RunResult } from '../gate/run-gate.ts';

type ActionsCore = Pick<typeof Core, 'error' | 'info'>;

/**
 * GitHub shows at most 10 error annotations of a step
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-error-message):
 * the job's own failure takes one, the policy's first errors the others. The comment lists them all.
 */
const MAX_ANNOTATIONS = 9;

/**
 * Each error in readiness.yml as an annotation on its file, line and column, so that the run's
 * page and the file view point at it; once per policy, however many PRs it judged.
 */
export function annotateConfigErrors(result: RunResult, core: ActionsCore): void {
  const seen = new Set<string>();
  let written = 0;
  for (const { evaluation } of result.outcomes) {
    const { path, ref } = evaluation.policy;
    const key = `${ref}:${path}`;
    if (evaluation.configErrors.length === 0 || seen.has(key)) continue;
    seen.add(key);
    for (const error of evaluation.configErrors) {
      if (written === MAX_ANNOTATIONS) {
        core.info(`More errors in ${path} than GitHub shows as annotations: the living comment lists them all.`);
        return;
      }
      const where = error.path ? `${error.path}: ` : '';
      core.error(`${where}${error.message}`, { title: `Invalid ${path} (read from ${ref})`, file: path, startLine: error.line, startColumn: error.col });
      written++;
    }
  }
}
