import { matchesAnyGlob } from '../config/patterns.ts';
import type { WhenRules } from '../config/schema.ts';
import type { EvidenceProblem, EvidenceSnapshot } from '../evidence/snapshot.ts';
import { code, codes, rich, type RichText } from '../model/rich-text.ts';

export type Applicability = { applies: true } | { applies: false; because: RichText } | { applies: 'unknown'; problem: EvidenceProblem };

/**
 * Whether an "if applicable" item applies to this PR: every condition given must hold.
 * Changed files that could not be read (or were cut short) leave it unknown, which blocks.
 */
export function applicability(when: WhenRules | undefined, snapshot: EvidenceSnapshot): Applicability {
  if (!when) return { applies: true };
  const pr = snapshot.pullRequest;
  if (when.branches && !matchesAnyGlob(when.branches, pr.base.ref)) {
    return { applies: false, because: rich`the base branch ${code(pr.base.ref)} does not match ${codes(when.branches)}` };
  }
  if (when.labels && !when.labels.some((label) => pr.labels.includes(label))) {
    return { applies: false, because: rich`the PR has none of the labels ${codes(when.labels)}` };
  }
  const paths = when.paths;
  if (paths) {
    const changed = snapshot.sources.changedFiles;
    if (!changed?.ok) {
      return { applies: 'unknown', problem: changed?.problem ?? { what: 'changed files', message: 'they were not read', fix: 'Report this as a bug in release-readiness.' } };
    }
    const touched = changed.value.files.some((file) => matchesAnyGlob(paths, file.path) || (file.previousPath !== null && matchesAnyGlob(paths, file.previousPath)));
    if (!touched) {
      if (changed.value.truncated) {
        return {
          applies: 'unknown',
          problem: {
            what: 'changed files',
            message: 'GitHub lists only the first 3,000 changed files of a PR',
            fix: `Split the PR, or drop the \`when: paths\` condition (${paths.map((path) => `\`${path}\``).join(', ')}).`,
          },
        };
      }
      return { applies: false, because: rich`no changed file matches ${codes(paths)}` };
    }
  }
  return { applies: true };
}
