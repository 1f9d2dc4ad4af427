import { matchesAnyGlob } from '../config/patterns.ts';
import type { WhenRules } from '../config/schema.ts';
import type { EvidenceProblem, EvidenceSnapshot } from '../evidence/snapshot.ts';

export type Applicability = { applies: true } | { applies: false; because: string } | { applies: 'unknown'; problem: EvidenceProblem };

const list = (items: readonly string[]) => items.map((item) => `\`${item}\``).join(', ');

/**
 * Whether an "if applicable" item applies to this PR: every condition given must hold.
 * Changed files that could not be read (or were cut short) leave it unknown, which blocks.
 */
export function applicability(when: WhenRules | undefined, snapshot: EvidenceSnapshot): Applicability {
  if (!when) return { applies: true };
  const pr = snapshot.pullRequest;
  if (when.branches && !matchesAnyGlob(when.branches, pr.base.ref)) {
    return { applies: false, because: `the base branch \`${pr.base.ref}\` does not match ${list(when.branches)}` };
  }
  if (when.labels && !when.labels.some((label) => pr.labels.includes(label))) {
    return { applies: false, because: `the PR has none of the labels ${list(when.labels)}` };
  }
  if (when.paths) {
    const changed = snapshot.sources.changedFiles;
    if (!changed?.ok) {
      return { applies: 'unknown', problem: changed?.problem ?? { what: 'changed files', message: 'they were not read', fix: 'Report this as a bug in release-readiness.' } };
    }
    const touched = changed.value.files.some((file) => matchesAnyGlob(when.paths!, file.path) || (file.previousPath !== null && matchesAnyGlob(when.paths!, file.previousPath)));
    if (!touched) {
      if (changed.value.truncated) {
        return {
          applies: 'unknown',
          problem: { what: 'changed files', message: 'GitHub lists only the first 3,000 changed files of a PR', fix: `Split the PR, or drop the \`when: paths\` condition (${list(when.paths)}).` },
        };
      }
      return { applies: false, because: `no changed file matches ${list(when.paths)}` };
    }
  }
  return { applies: true };
}
