import type { CommitStatusState, GitHubValue } from '../evidence/github-values.ts';

/** What the gate last published, kept hidden in its living comment to recognise a status it did not set. */
export interface PublishedEvaluation {
  sha: string;
  /** Read back from a comment: whatever it says, it is only ever compared with a status. */
  state: GitHubValue<CommitStatusState>;
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
