import type { CommentFact, GateIdentity, StatusFact } from '../evidence/snapshot.ts';
import { readEvaluationTag } from '../markers/evaluation-tag.ts';
import type { Forgery } from '../model/evaluation.ts';

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
  if (!identity.shared || !livingComment) return null;
  const published = readEvaluationTag(livingComment.body);
  if (!published || published.sha !== headSha) return null;
  const differs = latest.state !== published.state || latest.description !== published.description;
  return differs && Date.parse(latest.createdAt) > Date.parse(livingComment.updatedAt) ? forgery : null;
}
