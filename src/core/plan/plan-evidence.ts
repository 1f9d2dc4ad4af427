import { checkSources } from '../checks/registry.ts';
import { matchesAnyGlob } from '../config/patterns.ts';
import type { ReadinessConfig, WhenRules } from '../config/schema.ts';
import type { PlannedSource, PullRequestFacts } from '../evidence/snapshot.ts';

/** A `when` that already fails on the PR's own facts: its item needs no evidence. */
function excludedByPullRequest(when: WhenRules | undefined, pr: PullRequestFacts): boolean {
  if (!when) return false;
  if (when.branches && !matchesAnyGlob(when.branches, pr.base.ref)) return true;
  return Boolean(when.labels && !when.labels.some((label) => pr.labels.includes(label)));
}

/**
 * The evidence one evaluation needs, and nothing more. Comments (sign-offs and the living
 * comment) and statuses (the gate's own previous status) are always read; changed files when
 * an item depends on paths or the PR could change the policy in force (it targets the branch
 * the policy is read from).
 */
export function planEvidence(config: ReadinessConfig, pr: PullRequestFacts, policyRef: string): PlannedSource[] {
  const needed = new Set<PlannedSource>(['comments', 'statuses']);
  const byPaths = [...config.checks.map((check) => check.when), ...Object.values(config.signoffs).map((role) => role.when)].some((when) => when?.paths !== undefined);
  if (policyRef === pr.base.ref || byPaths) needed.add('changedFiles');
  for (const check of config.checks) {
    if (excludedByPullRequest(check.when, pr)) continue;
    for (const name of checkSources(check)) needed.add(name);
  }
  return [...needed].sort();
}
