import type { CommitStatusState, GitHubValue } from '../evidence/github-values.ts';

/**
 * What the evidence looked like when the gate last judged the PR, so that a scheduled run can
 * tell an unchanged PR without reading everything again (see core/fingerprint).
 */
export interface PublishedFingerprint {
  /** SHA-256 of the fingerprint material, hex. */
  digest: string;
  /** When the gate last judged the evidence in full (ISO, GitHub's clock). */
  at: string;
  /** The evaluation's reconsiderAt: the same evidence is judged afresh from then on. */
  until: string | null;
}

/** What the gate last published, kept hidden in its living comment to recognise a status it did not set. */
export interface PublishedEvaluation {
  sha: string;
  /** Read back from a comment: whatever it says, it is only ever compared with a status. */
  state: GitHubValue<CommitStatusState>;
  description: string;
  fingerprint?: PublishedFingerprint;
}

const TAG = /<!-- release-readiness:evaluation (\{[^\n]*?\}) -->/;

export function evaluationTag(published: PublishedEvaluation): string {
  // "--" would end the HTML comment early.
  return `<!-- release-readiness:evaluation ${JSON.stringify(published).replace(/--/g, '-\\u002d')} -->`;
}

export function readEvaluationTag(body: string): PublishedEvaluation | null {
  const match = TAG.exec(body);
  if (!match) return null;
  try {
    const value = JSON.parse(match[1]!) as Partial<PublishedEvaluation>;
    if (typeof value.sha !== 'string' || typeof value.state !== 'string' || typeof value.description !== 'string') return null;
    const fingerprint = readFingerprint(value.fingerprint);
    return { sha: value.sha, state: value.state, description: value.description, ...(fingerprint ? { fingerprint } : {}) };
  } catch {
    return null;
  }
}

function readFingerprint(value: unknown): PublishedFingerprint | null {
  if (typeof value !== 'object' || value === null) return null;
  const { digest, at, until } = value as Record<string, unknown>;
  if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest) || typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null;
  if (until !== null && (typeof until !== 'string' || Number.isNaN(Date.parse(until)))) return null;
  return { digest, at, until };
}
