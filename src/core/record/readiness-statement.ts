import type { EvidenceSource } from '../model/evidence-source.ts';
import type { Outcome, RoleOutcome } from '../model/outcomes.ts';
import type { Signature } from '../model/role-result.ts';

/**
 * The readiness record: an in-toto Statement (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md)
 * of why the gate let a release through. docs/readiness-record.md describes each field and
 * docs/readiness-record.schema.json is its JSON Schema; change the three together, and bump the
 * predicate type's version when a field changes meaning or goes away.
 */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/** Where the gate's code and documentation live: the repository of package.json. */
export const GATE_URI = 'https://github.com/acme/release-readiness';

/** Our own predicate: the Simple Verification Result lists properties, and this records why. */
export const READINESS_PREDICATE_TYPE = `${GATE_URI}/readiness-record/v1`;

export interface ReadinessStatement {
  _type: typeof STATEMENT_TYPE;
  /** The PR's head commit: what the gate let through. */
  subject: [{ name: string; digest: { gitCommit: string } }];
  predicateType: typeof READINESS_PREDICATE_TYPE;
  predicate: ReadinessPredicate;
}

export interface ReadinessPredicate {
  gate: RecordedGate;
  /** GitHub's clock at the evaluation (ISO 8601). */
  evaluatedAt: string;
  /** Always success: only a release let through has a record. */
  state: 'success';
  /** The commit status description, as posted. */
  description: string;
  repository: string;
  pullRequest: RecordedPullRequest;
  policy: RecordedPolicy;
  checks: RecordedCheck[];
  signoffs: RecordedRole[];
  waivers: RecordedWaiver[];
}

export interface RecordedGate {
  id: typeof GATE_URI;
  version: string;
  /** The commit status context the gate set. */
  statusContext: string;
  /** The account the gate wrote as, from its token. */
  writesAs: string;
  /** True when other workflows write as the same account (the GITHUB_TOKEN's `github-actions[bot]`). */
  sharedIdentity: boolean;
  /** The workflow run that evaluated; null outside a run (the command line). */
  runUrl: string | null;
}

export interface RecordedPullRequest {
  number: number;
  url: string;
  title: string;
  author: string;
  base: { ref: string; sha: string };
  /** `repository`: where the head branch lives (a fork's `owner/name`); null once it is deleted. */
  head: { ref: string; sha: string; repository: string | null };
}

export interface RecordedPolicy {
  path: string;
  /** The branch it was read from. */
  ref: string;
  digest: { gitBlob: string };
}

export interface RecordedCheck {
  id: string;
  name: string;
  required: boolean;
  outcome: Outcome;
  /** A sign-off item: the role whose sign-off attests it. */
  role: string | null;
  /** What the gate saw, in words (the checklist's evidence column, as plain text). */
  evidence: string;
  /** The records a passing verdict rests on, and who wrote them. */
  sources: EvidenceSource[];
  /** The accepted risk that let a check that did not pass through. */
  waiver: RecordedWaiver | null;
}

export interface RecordedRole {
  role: string;
  min: number;
  outcome: Extract<RoleOutcome, 'pass' | 'skipped'>;
  /** Why it did not apply (`when`); null when it applied. */
  because: string | null;
  signatures: RecordedSignature[];
}

/**
 * A sign-off that counted for the head: who, when, where, on which commit and bound by which record
 * (GitHub's activity feed, or the gate's own first status: an App only), as the evaluation has it.
 */
export type RecordedSignature = Signature & {
  /** Why a sign-off given on an earlier commit still holds for the head; null when it was given on the head. */
  carriedOver: string | null;
};

export interface RecordedWaiver {
  checkId: string;
  by: string;
  reason: string;
  at: string;
  commentUrl: string;
  /** Null when waivers do not expire. */
  expiresAt: string | null;
}
