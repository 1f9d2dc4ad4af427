import type { ReadinessConfig } from '../config/schema.ts';
import type { LookupReader } from '../evidence/lookups.ts';
import type { EvidenceProblem, EvidenceSnapshot } from '../evidence/snapshot.ts';
import type { LedgerEntry } from '../model/ledger-entry.ts';
import { rich } from '../model/rich-text.ts';
import type { RoleResult } from '../model/role-result.ts';
import type { Waiver } from '../model/waiver.ts';
import { commandAttempts, type CommandsOf } from '../signoffs/command-attempts.ts';
import { decideSignoffs, roleFacts } from '../signoffs/decide-signoffs.ts';
import { decideWaivers } from '../waivers/decide-waivers.ts';

export interface People {
  roles: RoleResult[];
  /** Waivers that hold now, by check id. */
  waivers: Map<string, Waiver>;
  ledger: LedgerEntry[];
  /** Comments whose commands counted and still lack the gate's 👍. */
  reactTo: number[];
  problems: EvidenceProblem[];
}

/** Sign-offs and waivers, rebuilt from the comments. Without comments or statuses, nothing a person said can be trusted. */
export function decidePeople(snapshot: EvidenceSnapshot, config: ReadinessConfig, lookups: LookupReader, commandsOf: CommandsOf): People {
  const comments = snapshot.sources.comments;
  const statuses = snapshot.sources.statuses;
  const pr = snapshot.pullRequest;
  if (!comments?.ok || !statuses?.ok) {
    const roles = Object.entries(config.signoffs).map(([role, rule]): RoleResult => ({ ...roleFacts(role, rule), outcome: 'unknown', because: rich`the comments or statuses could not be read` }));
    return { roles, waivers: new Map(), ledger: [], reactTo: [], problems: [] };
  }
  const binding = { gate: snapshot.gate, prNumber: pr.number, headSha: pr.head.sha, headStatuses: statuses.value, lookups };
  const attempts = commandAttempts(comments.value, snapshot.gate.identity, commandsOf);
  const common = { config, attempts, pr: { author: pr.author.login, headSha: pr.head.sha }, lookups, binding };
  const signoffs = decideSignoffs(common);
  const waivers = decideWaivers({ ...common, now: snapshot.evaluatedAt });
  const counted = [...signoffs.countedComments, ...comments.value.filter((comment) => [...waivers.waivers.values()].some((w) => w.commentUrl === comment.htmlUrl))];
  const reactTo = [...new Set(counted.filter((comment) => comment.plusOneReactions === 0).map((comment) => comment.id))];
  const ledger = [...signoffs.ledger, ...waivers.ledger].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.commentId - b.commentId);
  return { roles: signoffs.roles, waivers: waivers.waivers, ledger, reactTo, problems: waivers.problems };
}
