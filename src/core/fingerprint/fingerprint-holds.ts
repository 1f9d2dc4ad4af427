import type { PublishedEvaluation, PublishedFingerprint } from '../markers/evaluation-tag.ts';
import type { GateIdentity, StatusFact } from '../evidence/snapshot.ts';

/**
 * How long a judgement stands without being made again in full, however unchanged the evidence
 * looks: team memberships and repository roles change without any event a workflow sees.
 */
export const FINGERPRINT_MAX_AGE_MS = 6 * 60 * 60 * 1000;

/**
 * The fingerprint to publish: the earlier one when the evidence and its reconsider time are the
 * same and it is still fresh (so that an unchanged PR's comment is not rewritten), else a new one.
 */
export function nextFingerprint(previous: PublishedFingerprint | undefined, digest: string, evaluatedAt: string, reconsiderAt: string | null): PublishedFingerprint {
  const fresh = previous !== undefined && Date.parse(evaluatedAt) - Date.parse(previous.at) < FINGERPRINT_MAX_AGE_MS;
  if (fresh && previous.digest === digest && previous.until === reconsiderAt) return previous;
  return { digest, at: evaluatedAt, until: reconsiderAt };
}

export interface HoldingFacts {
  /** What the living comment says the gate last published; null when there is no living comment. */
  published: PublishedEvaluation | null;
  headSha: string;
  /** The digest of the evidence as it stands now. */
  digest: string;
  now: string;
  /** The head's statuses, newest first. */
  statuses: readonly StatusFact[];
  context: string;
  identity: GateIdentity;
}

export type Holding = { holds: true } | { holds: false; reason: string };

/**
 * Whether the gate's last judgement of a PR still holds, so that a scheduled run can leave it
 * alone. It must be the gate's judgement of this head on this evidence, still standing as the
 * head's status. While the gate's identity is shared, anything it wrote could be someone
 * else's, so a skip may only leave a PR blocked: a `success` is always judged again.
 */
export function judgementHolds(facts: HoldingFacts): Holding {
  const { published, now } = facts;
  const fingerprint = published?.fingerprint;
  if (!published || !fingerprint) return { holds: false, reason: 'no earlier judgement on record' };
  if (published.sha !== facts.headSha) return { holds: false, reason: 'a new head' };
  if (fingerprint.digest !== facts.digest) return { holds: false, reason: 'the evidence changed' };
  if (fingerprint.until !== null && Date.parse(now) >= Date.parse(fingerprint.until)) return { holds: false, reason: 'a waiver expired or a reminder fell due' };
  if (Date.parse(now) - Date.parse(fingerprint.at) >= FINGERPRINT_MAX_AGE_MS) return { holds: false, reason: 'judged more than 6 hours ago' };
  const latest = facts.statuses.find((status) => status.context === facts.context);
  if (!latest || latest.creator?.login !== facts.identity.login || latest.state !== published.state || latest.description !== published.description) {
    return { holds: false, reason: 'the status on the head is not the one the gate set' };
  }
  if (facts.identity.shared && published.state === 'success') return { holds: false, reason: 'a success is always judged again while the token is shared' };
  return { holds: true };
}
