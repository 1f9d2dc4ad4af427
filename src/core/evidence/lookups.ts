import type { PushRecord, Readable } from './snapshot.ts';

/**
 * Evidence that depends on other evidence (who commented decides whose team membership
 * matters), gathered in follow-up rounds. Keys are the lookups' own ids (see lookupKey).
 */
export interface Lookups {
  /** `org/team:login` → is an active member. */
  memberships?: Record<string, Readable<boolean>>;
  /** login → repository role (read, triage, write, maintain, admin, none). */
  permissions?: Record<string, Readable<string>>;
  /** sha → the tree of a commit: equal trees are equal files. */
  commitTrees?: Record<string, Readable<string>>;
  /** `signed...head` → the paths whose content differs between the two commits' files. */
  comparisons?: Record<string, Readable<string[]>>;
  /** When and by whom the head branch moved, from GitHub's activity feed. */
  pushRecord?: Readable<PushRecord>;
  /** Lower-cased login → a commit of the PR that account authored or committed. */
  commitAuthors?: Readable<Record<string, string>>;
  /** readiness.yml as the PR's head would have it; null when the head has none. */
  headPolicy?: Readable<string | null>;
}

export type FollowUp =
  | { kind: 'membership'; team: string; login: string }
  | { kind: 'permission'; login: string }
  | { kind: 'commitTree'; sha: string }
  | { kind: 'comparison'; base: string; head: string }
  | { kind: 'headPolicy' }
  | { kind: 'pushRecord' }
  | { kind: 'commitAuthors' };

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
  permission(login: string): Readable<string> | undefined;
  commitTree(sha: string): Readable<string> | undefined;
  comparison(base: string, head: string): Readable<string[]> | undefined;
  headPolicy(): Readable<string | null> | undefined;
  pushRecord(): Readable<PushRecord> | undefined;
  commitAuthors(): Readable<Record<string, string>> | undefined;
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
    missing: () => [...missing.values()],
  };
}
