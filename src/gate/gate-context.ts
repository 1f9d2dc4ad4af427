import type { ParseMemo } from '../core/evaluation/parse-memo.ts';
import { createParseMemo } from '../core/evaluation/parse-memo.ts';
import type { ProbeFact } from '../core/evidence/probe-fact.ts';
import type { ProbeRule } from '../core/evidence/probe-rule.ts';
import type { GateIdentity, PolicyFile, Readable } from '../core/evidence/snapshot.ts';
import type { GitHubClient } from '../github/octokit-client.ts';
import { RateBudget } from '../github/requests/rate-budget.ts';
import { RequestPacer } from '../github/requests/request-pacer.ts';
import type { RepoRef } from '../github/repository.ts';
import type { Logger } from './logger.ts';

/** Where readiness.yml is read from: the default branch (a PR cannot choose its base's policy), or each PR's base. */
export type PolicySource = 'default-branch' | 'base';

/** What every evaluation of one run shares: how to read GitHub, who the gate is, and what was read once. */
export interface GateContext {
  client: GitHubClient;
  /** For the security alert endpoints and team membership. */
  securityClient: GitHubClient;
  repo: RepoRef;
  /** What is left of the gate token's rate limit, from GitHub's answers. */
  budget: RateBudget;
  /** Paces the gate token's writes as GitHub requires. */
  pacer: RequestPacer;
  policyPath: string;
  policyFrom: PolicySource;
  /** The account the gate writes as, from its token. */
  identity: GateIdentity;
  /** Names of the gate's own job and status: never CI evidence. */
  ownCheckNames: string[];
  /** Waits before looking again for a head GitHub's activity feed does not show yet. */
  activityWaitsMs: readonly number[];
  /** Runs a live probe (`probe` checks) from this machine; absent where probes may not run. */
  runProbe?: (rule: ProbeRule) => Promise<ProbeFact>;
  /** The clock, as an ISO timestamp. */
  now: () => string;
  log: Logger;
  /** readiness.yml and every comment are parsed once per run, however often they are evaluated. */
  memo: ParseMemo;
  /** Policies by branch and the default branch, read once per run. */
  policies: Map<string, Promise<Readable<PolicyFile>>>;
  /** Shared by reference, so that a PR's own copy of the context (its own log) reads it once with the rest. */
  defaultBranch: { read: Promise<string> | null };
}

export type GateContextOptions = Omit<GateContext, 'memo' | 'policies' | 'defaultBranch' | 'budget' | 'pacer'> & { defaultBranch: string | null; budget?: RateBudget; pacer?: RequestPacer };

export function createGateContext(options: GateContextOptions): GateContext {
  return {
    ...options,
    budget: options.budget ?? new RateBudget(),
    pacer: options.pacer ?? new RequestPacer(),
    memo: createParseMemo(),
    policies: new Map(),
    defaultBranch: { read: options.defaultBranch ? Promise.resolve(options.defaultBranch) : null },
  };
}
