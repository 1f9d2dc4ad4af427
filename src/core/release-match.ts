import type { ReleaseRules } from './config/schema.ts';
import { linearRegex } from './config/linear-regex.ts';
import { matchesAnyGlob } from './config/patterns.ts';
import type { PullRequestFacts } from './evidence/snapshot.ts';

export type ReleaseMatch = { release: true; because: string } | { release: false; because: string };

/** A PR is a release PR when any rule matches; with no rules, every PR is. */
export function matchRelease(rules: ReleaseRules | undefined, pr: PullRequestFacts): ReleaseMatch {
  if (!rules || (!rules.branches && !rules.labels && rules.title === undefined)) {
    return { release: true, because: 'readiness.yml has no `release` rules, so every pull request is gated' };
  }
  if (rules.branches && matchesAnyGlob(rules.branches, pr.base.ref)) {
    return { release: true, because: `its base branch \`${pr.base.ref}\` matches ${rules.branches.map((b) => `\`${b}\``).join(', ')}` };
  }
  const label = rules.labels?.find((wanted) => pr.labels.includes(wanted));
  if (label) return { release: true, because: `it has the label \`${label}\`` };
  if (rules.title !== undefined && linearRegex(rules.title).test(pr.title)) {
    return { release: true, because: `its title matches \`${rules.title}\`` };
  }
  return { release: false, because: 'no `release` rule of readiness.yml matches this pull request' };
}
