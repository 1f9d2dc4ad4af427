import type { GitHubValue, RepositoryPermission } from './github-values.ts';
import type { ProbeFact } from './probe-fact.ts';
import { probeKey, type ProbeRule } from './probe-rule.ts';
import type { DeploymentFact, EvidenceProblem, Lookups, PushRecord, Readable } from './snapshot.ts';

export type FollowUp =
  | { kind: 'membership'; team: string; login: string }
  | { kind: 'permission'; login: string }
  | { kind: 'commitTree'; sha: string }
  | { kind: 'comparison'; base: string; head: string }
  | { kind: 'headPolicy' }
  | { kind: 'pushRecord' }
  | { kind: 'commitAuthors' }
  | { kind: 'deployments'; environment: string }
  | { kind: 'probe'; rule: ProbeRule };

export function followUpKey(item: FollowUp): string {
  switch (item.kind) {
    case 'membership':
      return `membership ${item.team}:${item.login}`;
    case 'permission':
      return `permission ${item.login}`;
    case 'commitTree':
      return `tree ${item.sha}`;
    case 'comparison':
      return `compare ${item.base}...${item.head}`;
    case 'deployments':
      return `deployments ${item.environment}`;
    case 'probe':
      return `probe ${probeKey(item.rule)}`;
    default:
      return item.kind;
  }
}

/**
 * Reads lookups and remembers what was asked for but is not there yet, so that the
 * adapter can fetch exactly that and evaluate again. A missing lookup reads as
 * undefined, which every caller treats as "cannot tell": it never counts in anyone's favour.
 */
export interface LookupReader {
  membership(team: string, login: string): Readable<boolean> | undefined;
  permission(login: string): Readable<GitHubValue<RepositoryPermission>> | undefined;
  commitTree(sha: string): Readable<string> | undefined;
  comparison(base: string, head: string): Readable<string[]> | undefined;
  headPolicy(): Readable<string | null> | undefined;
  pushRecord(): Readable<PushRecord> | undefined;
  commitAuthors(): Readable<Record<string, string>> | undefined;
  deployments(environment: string): Readable<DeploymentFact[]> | undefined;
  probe(rule: ProbeRule): Readable<ProbeFact> | undefined;
  /** The follow-ups asked for and missing, each once. */
  missing(): FollowUp[];
}

export function lookupReader(lookups: Lookups | undefined): LookupReader {
  const missing = new Map<string, FollowUp>();
  const take = <T>(value: T | undefined, item: FollowUp): T | undefined => {
    if (value === undefined) missing.set(followUpKey(item), item);
    return value;
  };
  return {
    membership: (team, login) => take(lookups?.memberships?.[`${team}:${login}`], { kind: 'membership', team, login }),
    permission: (login) => take(lookups?.permissions?.[login], { kind: 'permission', login }),
    commitTree: (sha) => take(lookups?.commitTrees?.[sha], { kind: 'commitTree', sha }),
    comparison: (base, head) => take(lookups?.comparisons?.[`${base}...${head}`], { kind: 'comparison', base, head }),
    headPolicy: () => take(lookups?.headPolicy, { kind: 'headPolicy' }),
    pushRecord: () => take(lookups?.pushRecord, { kind: 'pushRecord' }),
    commitAuthors: () => take(lookups?.commitAuthors, { kind: 'commitAuthors' }),
    deployments: (environment) => take(lookups?.deployments?.[environment], { kind: 'deployments', environment }),
    probe: (rule) => take(lookups?.probes?.[probeKey(rule)], { kind: 'probe', rule }),
    missing: () => [...missing.values()],
  };
}

/** A lookup the evaluation asked for and the adapter has not read yet: it never counts. */
export function notYetRead(what: string): EvidenceProblem {
  return { what, message: 'it was not read', fix: 'Re-run the job; if it persists, report it as a bug in release-readiness.' };
}
