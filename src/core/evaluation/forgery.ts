import type { CommentFact, GateIdentity, StatusFact } from '../evidence/snapshot.ts';

/** What the gate last published, kept hidden in its living comment to recognise a status it did not set. */
export interface PublishedEvaluation {
  sha: string;
  state: string;
  description: string;
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
    return typeof value.sha === 'string' && typeof value.state === 'string' && typeof value.description === 'string'
      ? { sha: value.sha, state: value.state, description: value.description }
      : null;
  } catch {
    return null;
  }
}

/** A `release-readiness` status the gate did not set, standing as the latest on the head. */
export interface Forgery {
  by: string;
  state: string;
  description: string | null;
  at: string;
}

/**
 * The latest status in the gate's context is forged when another account wrote it, or, when
 * the gate's identity is shared (a GITHUB_TOKEN: every workflow of the repository writes as
 * `github-actions[bot]`), when it says something other than the gate's last evaluation and
 * came after it. The identity is the token's, never read from a comment.
 */
export function detectForgery(statuses: readonly StatusFact[], context: string, headSha: string, identity: GateIdentity, livingComment: CommentFact | undefined): Forgery | null {
  const latest = statuses.find((status) => status.context === context);
  if (!latest) return null;
  const forgery: Forgery = { by: latest.creator?.login ?? 'someone unknown', state: latest.state, description: latest.description, at: latest.createdAt };
  if (latest.creator?.login !== identity.login) return forgery;
  if (!identity.shared) return null;
  const published = livingComment ? readEvaluationTag(livingComment.body) : null;
  if (!published || published.sha !== headSha) return null;
  const differs = latest.state !== published.state || latest.description !== published.description;
  return differs && Date.parse(latest.createdAt) > Date.parse(livingComment!.updatedAt) ? forgery : null;
}
