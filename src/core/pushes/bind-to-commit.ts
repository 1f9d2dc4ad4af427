import { notYetRead, type LookupReader } from '../evidence/lookups.ts';
import type { EvidenceProblem, GateFacts, PushRecord, StatusFact } from '../evidence/snapshot.ts';
import { problemText } from '../model/phrases.ts';
import { code, quoted, rich, type RichText } from '../model/rich-text.ts';
import type { BoundBy } from '../model/role-result.ts';
import { carryOver } from './carry-over.ts';
import { gateFirstSawHead } from './gate-first-saw-head.ts';
import { branchName, lastPushOf, oldestPush, tipAt, tipsSince } from './push-history.ts';

export type Binding =
  | { holds: true; commit: string; boundBy: BoundBy; carried?: RichText }
  | {
      holds: false;
      commit: string | null;
      boundBy: BoundBy;
      reason: RichText;
      /** Set when a record that was needed could not be had: the command then neither counts nor is called stale. */
      problem?: EvidenceProblem;
    };

export interface BindingContext {
  headSha: string;
  prNumber: number;
  gate: GateFacts;
  /** The head's statuses, for the fallback on the gate's own first status. */
  headStatuses: readonly StatusFact[];
  lookups: LookupReader;
}

/** What the person does when the head moved past their command. */
export type Again = 'sign off again' | 'waive again';

const short = (sha: string) => sha.slice(0, 7);
const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function byActivity(atIso: string, reopenOn: readonly string[] | null, record: PushRecord, headPushedAt: string, context: BindingContext, again: Again): Binding {
  const { headSha: head } = context;
  if (Date.parse(atIso) > Date.parse(headPushedAt)) return { holds: true, commit: head, boundBy: 'activity' };
  const signed = tipAt(record, atIso);
  if (signed === null) {
    const oldest = oldestPush(record);
    const reach = record.complete && oldest ? `starts at ${minute(oldest.at)}` : 'is longer than the gate reads';
    return { holds: false, commit: null, boundBy: 'activity', reason: rich`GitHub's record of pushes to ${code(branchName(record))} ${reach}, after it was given: ${again}` };
  }
  const tips = tipsSince(record, atIso);
  const carry = carryOver(signed, head, tips, reopenOn, context.lookups);
  if (carry.carried) return { holds: true, commit: signed, boundBy: 'activity', carried: carry.because };
  const moved = signed === head ? `${short(head)} was replaced and pushed again at ${minute(headPushedAt)}` : `${short(head)} was pushed at ${minute(headPushedAt)}`;
  return { holds: false, commit: signed, boundBy: 'activity', reason: rich`it was given on ${short(signed)}; ${moved}, and ${carry.because}: ${again}` };
}

/** The record that shows when the head was pushed is missing: say which, and what would fix it. */
function missingRecord(record: ReturnType<LookupReader['pushRecord']>, head: string): EvidenceProblem {
  if (record === undefined) return notYetRead('the record of pushes');
  if (!record.ok) return record.problem;
  return {
    what: `GitHub's activity record of \`${branchName(record.value)}\``,
    message: `it does not show ${short(head)} pushed yet (GitHub records a push a few seconds after it lands)`,
    fix: 'Re-run the job in a minute, or comment again: the next evaluation reads the record afresh.',
  };
}

/**
 * Binds a command given at `atIso` to the commit it was given on, and says whether it holds
 * for the head. The proof comes from GitHub's repository activity feed, which no workflow can
 * write. Without it, the gate's own first status on the head bounds the push time only when
 * the gate writes as an identity no workflow shares (an App); otherwise nothing proves when
 * the head arrived, and the command fails closed with the record that was missing.
 */
export function bindToCommit(atIso: string, reopenOn: readonly string[] | null, context: BindingContext, again: Again = 'sign off again'): Binding {
  const record = context.lookups.pushRecord();
  const pushed = record?.ok ? lastPushOf(record.value, context.headSha) : null;
  if (record?.ok && pushed) return byActivity(atIso, reopenOn, record.value, pushed.at, context, again);

  const missing = missingRecord(record, context.headSha);
  if (!context.gate.identity.shared) {
    const seen = gateFirstSawHead(context.headStatuses, context.gate, context.prNumber);
    if (seen !== null) {
      if (Date.parse(atIso) > Date.parse(seen)) return { holds: true, commit: context.headSha, boundBy: 'gate status' };
      return {
        holds: false,
        commit: null,
        boundBy: 'gate status',
        reason: rich`it was given before the gate first evaluated ${short(context.headSha)} (${minute(seen)}), and ${quoted(missing.what)} could not show which commit it was given on (${quoted(missing.message)}): ${again}`,
      };
    }
  }
  const fix = context.gate.identity.shared
    ? `${missing.fix} With the GITHUB_TOKEN nothing else proves when the head was pushed: every workflow writes as \`github-actions[bot]\`.`
    : missing.fix;
  return { holds: false, commit: null, boundBy: 'none', reason: rich`the commit it was given on cannot be established: ${problemText(missing)}`, problem: { ...missing, fix } };
}
