import { evaluateCheckKind } from '../checks/registry.ts';
import type { ReadinessConfig } from '../config/schema.ts';
import { lookupReader } from '../evidence/lookups.ts';
import type { EvidenceSnapshot } from '../evidence/snapshot.ts';
import type { GateState, Outcome } from '../model/outcomes.ts';
import { plainText, type RichText } from '../model/rich-text.ts';
import { truncateDescription, worstState } from './gate-state.ts';

/** A PR of a merge group: how the gate judged it at its current head, or why it could not. */
export type GroupMember = { number: number; applies: boolean; state: GateState; description: string } | { number: number; refused: string };

/** A `ci` check judged on the group's own commit. */
export interface GroupCheck {
  name: string;
  outcome: Outcome;
  summary: RichText;
}

/** The `ci` checks a policy asks to pass on the group's own commit (`merge_group: true`), judged on it. */
export function groupCi(config: ReadinessConfig, groupCommit: EvidenceSnapshot): GroupCheck[] {
  const context = { snapshot: groupCommit, roles: new Map(), lookups: lookupReader(groupCommit.lookups), writers: config.writers };
  return config.checks
    .filter((check) => check.kind === 'ci' && check.ci.merge_group)
    .map((check) => {
      const verdict = evaluateCheckKind(check, context);
      return { name: check.name, outcome: verdict.outcome, summary: verdict.summary };
    });
}

/**
 * The status of a merge group's commit: success only when every PR in it that the gate applies
 * to is ready at its current head, and the group's own CI passes where the policy asks for it.
 * Null when the gate applies to none of them and the policy posts nothing for such PRs.
 */
export function decideMergeGroup(members: readonly GroupMember[], ci: readonly GroupCheck[], nonReleaseSuccess: boolean): { state: GateState; description: string } | null {
  const blockers: string[] = [];
  const states: GateState[] = [];
  for (const member of members) {
    if ('refused' in member) {
      states.push('failure');
      blockers.push(`#${member.number} ${member.refused}`);
    } else if (member.applies) {
      states.push(member.state);
      if (member.state !== 'success') blockers.push(`#${member.number}: ${member.description}`);
    }
  }
  for (const check of ci) {
    if (check.outcome === 'pass' || check.outcome === 'skipped') continue;
    states.push(check.outcome === 'pending' ? 'pending' : check.outcome === 'unknown' ? 'error' : 'failure');
    // A status description is plain text on GitHub: no markdown.
    blockers.push(`group CI (${check.name}): ${plainText(check.summary)}`);
  }
  const gated = members.filter((member) => 'refused' in member || member.applies).map((member) => `#${member.number}`);
  if (states.length === 0) return nonReleaseSuccess ? { state: 'success', description: 'No release pull request in this merge group: the readiness gate does not apply' } : null;
  const state = worstState(states);
  if (state === 'success') return { state, description: truncateDescription(`Ready: ${gated.join(', ')} in this merge group`) };
  return { state, description: truncateDescription(`${state === 'error' ? 'Cannot evaluate' : 'Blocked'}: ${blockers.join('; ')}`) };
}
