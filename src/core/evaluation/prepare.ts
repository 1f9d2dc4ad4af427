import type { ConfigError } from '../config/config-error.ts';
import { parsePolicyFile } from '../config/parse-config.ts';
import type { ReadinessConfig } from '../config/schema.ts';
import type { EvidenceProblem, PolicyFile, PullRequestFacts, Readable } from '../evidence/snapshot.ts';
import { matchRelease } from '../release-match.ts';
import { createParseMemo, type ParseMemo } from './parse-memo.ts';

/** What the policy says about this PR before any other evidence is read. */
export type Preparation =
  | { kind: 'unreadable'; problem: EvidenceProblem }
  | { kind: 'invalid'; policy: PolicyFile; errors: ConfigError[] }
  | { kind: 'not-release'; policy: PolicyFile; config: ReadinessConfig }
  | { kind: 'gate'; policy: PolicyFile; config: ReadinessConfig };

/** The one place that decides whether the gate evaluates this PR at all, and if not, why. */
export function prepare(policy: Readable<PolicyFile>, pr: PullRequestFacts, memo: ParseMemo = createParseMemo()): Preparation {
  if (!policy.ok) return { kind: 'unreadable', problem: policy.problem };
  // Its size and encoding first: a file too large, or not UTF-8, is refused before its text is parsed.
  const parsed = parsePolicyFile(policy.value, memo.config);
  if (!parsed.ok) return { kind: 'invalid', policy: policy.value, errors: parsed.errors };
  const kind = matchRelease(parsed.config.release, pr).release ? 'gate' : 'not-release';
  return { kind, policy: policy.value, config: parsed.config };
}
