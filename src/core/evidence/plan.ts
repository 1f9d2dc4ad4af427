import { moduleFor } from '../checks/registry.ts';
import { matchesAnyGlob } from '../config/patterns.ts';
import type { ReadinessConfig, WhenRules } from '../config/schema.ts';
import type { PlannedSource, PullRequestFacts } from './snapshot.ts';

/** A `when` that already fails on the PR's own facts: its item needs no evidence. */
function excludedByPullRequest(when: WhenRules | undefined, pr: PullRequestFacts): boolean {
  if (!when) return false;
  if (when.branches && !matchesAnyGlob(when.branches, pr.base.ref)) return true;
  return Boolean(when.labels && !when.labels.some((label) => pr.labels.includes(label)));
}

/**
 * The evidence one evaluation needs, and nothing more. Comments (sign-offs and the living
 * comment), statuses (the gate's own previous status, and when the head was pushed) and
 * changed files are always read.
 */
export function planEvidence(config: ReadinessConfig, pr: PullRequestFacts): PlannedSource[] {
  // Changed files too: a PR that changes readiness.yml is shown what its change would do.
  const needed = new Set<PlannedSource>(['comments', 'statuses', 'changedFiles']);
  for (const check of config.checks) {
    if (excludedByPullRequest(check.when, pr)) continue;
    for (const name of moduleFor(check).sources(check)) needed.add(name);
  }
  return [...needed].sort();
}
