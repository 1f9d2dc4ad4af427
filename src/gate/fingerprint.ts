import { createHash } from 'node:crypto';
import { fingerprintMaterial } from '../core/fingerprint/evidence-fingerprint.ts';
import { nextFingerprint } from '../core/fingerprint/fingerprint-holds.ts';
import type { EvidenceSnapshot } from '../core/evidence/snapshot.ts';
import { readEvaluationTag, type PublishedEvaluation, type PublishedFingerprint } from '../core/markers/evaluation-tag.ts';
import { isLivingComment } from '../core/markers/gate-comments.ts';
import type { Evaluation } from '../core/model/evaluation.ts';
// A new version of the gate may judge the same evidence differently: its fingerprints differ.
import { GATE_VERSION } from './gate-version.ts';

/** The digest of what the evaluation of `snapshot` depended on that can change without a new head. */
export function evidenceDigest(snapshot: EvidenceSnapshot): string {
  return createHash('sha256').update(fingerprintMaterial(snapshot, GATE_VERSION)).digest('hex');
}

/** What the living comment in the snapshot says the gate last published, if the gate wrote it. */
export function publishedEvaluation(snapshot: EvidenceSnapshot): PublishedEvaluation | null {
  const comments = snapshot.sources.comments;
  const living = comments?.ok ? comments.value.find((comment) => isLivingComment(comment, snapshot.gate.identity)) : undefined;
  return living ? readEvaluationTag(living.body) : null;
}

/** The fingerprint the living comment is to carry after this evaluation: a pure function of the snapshot. */
export function fingerprintFor(snapshot: EvidenceSnapshot, evaluation: Evaluation): PublishedFingerprint {
  return nextFingerprint(publishedEvaluation(snapshot)?.fingerprint, evidenceDigest(snapshot), snapshot.evaluatedAt, evaluation.reconsiderAt);
}
