import type { LookupReader } from '../evidence/lookups.ts';
import type { EvidenceProblem, GateFacts, PushRecord, StatusFact } from '../evidence/snapshot.ts';
import { carryOver } from './carry-over.ts';
import { gateFirstSawHead } from './gate-first-saw-head.ts';
import { branchName, lastPushOf, oldestPush, tipAt, tipsSince } from './push-history.ts';

/** Which record bound a command to a commit: GitHub's activity feed, the gate's own status (an App only), or nothing. */
export type BoundBy = 'activity' | 'gate status' | 'none';

export type Binding =
  | { holds: true; commit: string; boundBy: BoundBy; carried?: string }
  | {
      holds: false;
      commit: string | null;
      boundBy: BoundBy;
      reason: string;
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

const short = (sha: string) => sha.slice(0, 7);
const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function byActivity(atIso: string, reopenOn: readonly string[] | null, record: PushRecord, headPushedAt: string, context: BindingContext): Binding {
  const { headSha: head } = context;
  if (Date.parse(atIso) > Date.parse(headPushedAt)) return { holds: true, commit: head, boundBy: 'activity' };
  const signed = tipAt(record, atIso);
  if (signed === null) {
    const oldest = oldestPush(record);
    const reach = record.complete && oldest ? `starts at ${minute(oldest.at)}` : 'is longer than the gate reads';
    return { holds: false, commit: null, boundBy: 'activity', reason: `GitHub's record of pushes to \`${branchName(record)}\` ${reach}, after it was given: sign off again` };
  }
  const tips = tipsSince(record, atIso);
  const carry = carryOver(signed, head, tips, reopenOn, context.lookups);
  if (carry.carried) return { holds: true, commit: signed, boundBy: 'activity', carried: carry.because };
  const moved = signed === head ? `${short(head)} was replaced and pushed again at ${minute(headPushedAt)}` : `${short(head)} was pushed at ${minute(headPushedAt)}`;
  return { holds: false, commit: signed, boundBy: 'activity', reason: `it was given on ${short(signed)}; ${moved}, and ${carry.because}: sign off again` };
}

/** The record that shows when the head was pushed is missing: say which, and what would fix it. */
function missingRecord(record: ReturnType<LookupReader['pushRecord']>, head: string): EvidenceProblem {
  if (record === undefined) return { what: 'the record of pushes', message: 'it was not read', fix: 'Re-run the job; if it persists, report it as a bug in release-readiness.' };
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
export function bindToCommit(atIso: string, reopenOn: readonly string[] | null, context: BindingContext): Binding {
  const record = context.lookups.pushRecord();
  const pushed = record?.ok ? lastPushOf(record.value, context.headSha) : null;
  if (record?.ok && pushed) return byActivity(atIso, reopenOn, record.value, pushed.at, context);

  const missing = missingRecord(record, context.headSha);
  if (!context.gate.identity.shared) {
    const seen = gateFirstSawHead(context.headStatuses, context.gate, context.prNumber);
    if (seen !== null) {
      if (Date.parse(atIso) > Date.parse(seen)) return { holds: true, commit: context.headSha, boundBy: 'gate status' };
      return {
        holds: false,
        commit: null,
        boundBy: 'gate status',
        reason: `it was given before the gate first evaluated ${short(context.headSha)} (${minute(seen)}), and ${missing.what} could not show which commit it was given on (${missing.message}): sign off again`,
      };
    }
  }
  const fix = context.gate.identity.shared
    ? `${missing.fix} With the GITHUB_TOKEN nothing else proves when the head was pushed: every workflow writes as \`github-actions[bot]\`.`
    : missing.fix;
  return { holds: false, commit: null, boundBy: 'none', reason: `the commit it was given on cannot be established: ${missing.what}: ${missing.message}`, problem: { ...missing, fix } };
}
