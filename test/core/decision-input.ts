// What the people decisions (decideSignoffs, decideWaivers) are given for a snapshot, built
// the way evaluate() builds it, so that a table row reads like the PR it describes.
import { parseConfig } from '../../src/core/config/parse-config.ts';
import { createParseMemo } from '../../src/core/evaluation/parse-memo.ts';
import type { ReadinessConfig } from '../../src/core/config/schema.ts';
import { lookupReader, type LookupReader } from '../../src/core/evidence/lookups.ts';
import type { EvidenceSnapshot } from '../../src/core/evidence/snapshot.ts';
import type { BindingContext } from '../../src/core/pushes/bind-to-commit.ts';
import { commandAttempts, type CommandAttempt } from '../../src/core/signoffs/command-attempts.ts';
import type { PullRequestParty } from '../../src/core/signoffs/eligibility.ts';
import { snapshot, type SnapshotOptions } from './builders.ts';

export interface DecisionInput {
  snapshot: EvidenceSnapshot;
  config: ReadinessConfig;
  attempts: CommandAttempt[];
  pr: PullRequestParty;
  lookups: LookupReader;
  binding: BindingContext;
  /** The evaluation's clock. */
  now: string;
}

/** The policy must be valid: a row about people is never about a broken readiness.yml. */
export function parsedPolicy(text: string): ReadinessConfig {
  const parsed = parseConfig(text);
  if (!parsed.ok) throw new Error(`the test's policy is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.config;
}

export function decisionInput(options: SnapshotOptions & { now?: string } = {}): DecisionInput {
  const built = snapshot(options);
  if (options.now !== undefined) built.evaluatedAt = options.now;
  if (!built.policy.ok || !built.sources.comments?.ok || !built.sources.statuses?.ok) throw new Error('decisionInput needs a readable policy, comments and statuses');
  const pr = built.pullRequest;
  const lookups = lookupReader(built.lookups);
  return {
    snapshot: built,
    config: parsedPolicy(built.policy.value.text),
    attempts: commandAttempts(built.sources.comments.value, built.gate.identity, createParseMemo().commands),
    pr: { author: pr.author.login, headSha: pr.head.sha },
    lookups,
    binding: { gate: built.gate, prNumber: pr.number, headSha: pr.head.sha, headStatuses: built.sources.statuses.value, lookups },
    now: built.evaluatedAt,
  };
}
