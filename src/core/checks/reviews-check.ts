import type { CheckConfig } from '../config/schema.ts';
import type { ReviewFact } from '../evidence/snapshot.ts';
import { source, unknownVerdict, type CheckContext, type CheckKindModule, type CheckVerdict } from './check-kind.ts';
import { profileLink } from './people.ts';

// A COMMENTED review leaves the reviewer's earlier verdict standing, as on GitHub;
// a dismissal clears it.
const VERDICTS = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/** The latest verdict of each reviewer other than the PR's author. */
export function latestVerdicts(reviews: ReviewFact[], author: string): Map<string, ReviewFact> {
  const latest = new Map<string, ReviewFact>();
  const ordered = [...reviews].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id - b.id);
  for (const review of ordered) {
    if (!review.user || review.user.login === author || !VERDICTS.has(review.state)) continue;
    latest.set(review.user.login, review);
  }
  return latest;
}

function evaluateReviews(check: CheckConfig, context: CheckContext): CheckVerdict {
  const reviews = source(context.snapshot, 'reviews');
  if (!reviews.ok) return unknownVerdict(reviews.problem);

  const min = check.reviews?.min ?? 1;
  const verdicts = [...latestVerdicts(reviews.value, context.snapshot.pullRequest.author.login).values()];
  const approvals = verdicts.filter((review) => review.state === 'APPROVED');
  const objections = verdicts.filter((review) => review.state === 'CHANGES_REQUESTED');
  const approvedBy = approvals.map((review) => `[${review.user!.login}](${review.htmlUrl})`).join(', ');

  if (objections.length > 0) {
    const who = objections.map((review) => `[${review.user!.login}](${review.htmlUrl})`).join(', ');
    return {
      outcome: 'fail',
      summary: `Changes requested by ${who}${approvals.length ? ` · approved by ${approvedBy}` : ''}`,
      fix: `Address the requested changes, then ask ${objections.map((r) => profileLink(r.user!.login)).join(', ')} to approve.`,
      blocker: 'changes requested',
    };
  }
  if (approvals.length < min) {
    return {
      outcome: 'pending',
      summary: `${approvals.length} of ${min} approvals${approvals.length ? `: ${approvedBy}` : ''}`,
      fix: `Needs ${min - approvals.length} more approving review(s) from someone other than the author.`,
      blocker: `${check.id} ${approvals.length}/${min}`,
    };
  }
  return { outcome: 'pass', summary: `Approved by ${approvedBy}` };
}

export const reviewsCheck: CheckKindModule = {
  sources: () => ['reviews'],
  evaluate: evaluateReviews,
};
