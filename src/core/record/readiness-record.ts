import type { EvidenceSnapshot } from '../evidence/snapshot.ts';
import type { CheckResult } from '../model/check-result.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { plainText } from '../model/rich-text.ts';
import type { Waiver } from '../model/waiver.ts';
import { GATE_URI, READINESS_PREDICATE_TYPE, STATEMENT_TYPE, type ReadinessStatement, type RecordedCheck, type RecordedWaiver } from './readiness-statement.ts';
import { recordedRoles } from './recorded-signoffs.ts';

/** What the record says of the run, beyond the snapshot: which gate, and where it ran. */
export interface RecordContext {
  /** The gate's version (package.json). */
  gateVersion: string;
  /** The workflow run's page; null from the command line. */
  runUrl: string | null;
}

function recordedWaiver({ checkId, login, reason, at, commentUrl, expiresAt }: Waiver): RecordedWaiver {
  return { checkId, by: login, reason, at, commentUrl, expiresAt };
}

function recordedCheck(check: CheckResult): RecordedCheck {
  return {
    id: check.id,
    name: check.name,
    required: check.required,
    outcome: check.outcome,
    role: check.role ?? null,
    evidence: plainText(check.summary),
    // A status may carry an empty target URL: no address is no address.
    sources: (check.evidence ?? []).map((source) => ({ ...source, url: source.url || null })),
    waiver: check.waiver ? recordedWaiver(check.waiver) : null,
  };
}

/**
 * The record of why the gate let a release PR through, as an in-toto Statement about its head
 * commit; null unless the evaluation is a `success` of a release PR (a PR the gate does not
 * apply to also gets `success`, and is no release). Also null when the snapshot does not name
 * the policy's blob (snapshots from before the record existed): a record must say exactly which
 * policy ruled. A pure function of its arguments: the same snapshot gives the same bytes.
 */
export function readinessRecord(snapshot: EvidenceSnapshot, evaluation: Evaluation, context: RecordContext): ReadinessStatement | null {
  if (!evaluation.applies || evaluation.state !== 'success' || !snapshot.policy.ok) return null;
  const policy = snapshot.policy.value;
  if (policy.blobSha === undefined) return null;
  const { owner, name } = snapshot.repository;
  const pr = snapshot.pullRequest;
  const repository = `${owner}/${name}`;
  const { identity, context: statusContext } = snapshot.gate;
  return {
    _type: STATEMENT_TYPE,
    // refs/pull/<n>/head is where GitHub keeps a PR's head in the base repository, a fork's too.
    subject: [{ name: `${repository}@refs/pull/${pr.number}/head`, digest: { gitCommit: pr.head.sha } }],
    predicateType: READINESS_PREDICATE_TYPE,
    predicate: {
      gate: { id: GATE_URI, version: context.gateVersion, statusContext, writesAs: identity.login, sharedIdentity: identity.shared, runUrl: context.runUrl },
      evaluatedAt: snapshot.evaluatedAt,
      state: 'success',
      description: evaluation.description,
      repository,
      pullRequest: {
        number: pr.number,
        url: pr.htmlUrl,
        title: pr.title,
        author: pr.author.login,
        base: { ref: pr.base.ref, sha: pr.base.sha },
        head: { ref: pr.head.ref, sha: pr.head.sha, repository: pr.head.repo ? `${pr.head.repo.owner}/${pr.head.repo.name}` : null },
      },
      policy: { path: policy.path, ref: policy.ref, digest: { gitBlob: policy.blobSha } },
      checks: evaluation.checks.map(recordedCheck),
      signoffs: recordedRoles(evaluation.roles, evaluation.ledger),
      waivers: evaluation.waivers.map(recordedWaiver),
    },
  };
}

/** The record as the file the action writes: two-space JSON and a final newline, byte for byte the same for the same record. */
export function recordJson(value: ReadinessStatement | ReadinessStatement['predicate']): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
