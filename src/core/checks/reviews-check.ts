import type { CheckOf } from '../config/schema.ts';
import { hasPermission } from '../config/repo-permissions.ts';
import { notYetRead, type LookupReader } from '../evidence/lookups.ts';
import type { Actor, EvidenceProblem, ReviewFact } from '../evidence/snapshot.ts';
import type { EvidenceSource } from '../model/evidence-source.ts';
import { joined, link, rich, user, type RichText } from '../model/rich-text.ts';
import { heldPermission, plural } from '../model/phrases.ts';
import { todo } from '../model/todo.ts';
import { source, unknownVerdict, type CheckContext, type CheckKindModule, type CheckVerdict } from './check-kind.ts';

/** A review by an account GitHub still knows. */
type Review = ReviewFact & { user: Actor };

// A COMMENTED review leaves the reviewer's earlier verdict standing, as on GitHub;
// a dismissal clears it.
const VERDICTS = new Set<ReviewFact['state']>(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

const hasUser = (review: ReviewFact): review is Review => review.user !== null;

/** The latest verdict of each reviewer other than the PR's author. */
export function latestVerdicts(reviews: ReviewFact[], author: string): Map<string, Review> {
  const latest = new Map<string, Review>();
  const ordered = [...reviews].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id - b.id);
  for (const review of ordered.filter(hasUser)) {
    if (review.user.login === author || !VERDICTS.has(review.state)) continue;
    latest.set(review.user.login, review);
  }
  return latest;
}

type Standing = { counts: true } | { counts: false; because: RichText } | { counts: 'unknown'; problem: EvidenceProblem };

/** GitHub's branch protection counts reviews only from people who can write to the repository. */
function standing(login: string, lookups: LookupReader): Standing {
  const permission = lookups.permission(login);
  if (permission === undefined) return { counts: 'unknown', problem: notYetRead(`the repository permission of ${login}`) };
  if (!permission.ok) return { counts: 'unknown', problem: permission.problem };
  if (hasPermission(permission.value, 'write')) return { counts: true };
  return { counts: false, because: rich`${heldPermission(login, permission.value)}; GitHub counts reviews only from people with write access` };
}

const reviewLink = (review: Review) => link(review.user.login, review.htmlUrl);

function evaluateReviews(check: CheckOf<'reviews'>, context: CheckContext): CheckVerdict {
  const reviews = source(context.snapshot, 'reviews');
  if (!reviews.ok) return unknownVerdict(reviews.problem);

  const { min } = check.reviews;
  // A dismissal counts for nothing whoever wrote it: only approvals and change requests need a permission.
  const latest = [...latestVerdicts(reviews.value, context.snapshot.pullRequest.author.login).values()].filter((review) => review.state !== 'DISMISSED');
  // Every reviewer's permission is asked for in one round, before any is judged.
  const standings = latest.map((review) => [review, standing(review.user.login, context.lookups)] as const);
  const unknown = standings.find(([, s]) => s.counts === 'unknown')?.[1];
  if (unknown?.counts === 'unknown') return unknownVerdict(unknown.problem);
  const verdicts = standings.filter(([, s]) => s.counts === true).map(([review]) => review);
  const ignored = standings.flatMap(([review, s]) => (s.counts === false ? [rich`${reviewLink(review)} did not count: ${s.because}`] : []));
  const approvals = verdicts.filter((review) => review.state === 'APPROVED');
  const objections = verdicts.filter((review) => review.state === 'CHANGES_REQUESTED');
  const approvedBy = joined(approvals.map(reviewLink), ', ');

  const notes = ignored.length > 0 ? rich` · ${joined(ignored, '; ')}` : [];
  if (objections.length > 0) {
    return {
      outcome: 'fail',
      summary: rich`Changes requested by ${joined(objections.map(reviewLink), ', ')}${approvals.length ? rich` · approved by ${approvedBy}` : ''}${notes}`,
      fix: rich`Address the requested changes, then ask ${joined(objections.map((review) => user(review.user.login)), ', ')} to approve.`,
      todos: [todo({ kind: 'author' }, rich`Address the changes requested by ${joined(objections.map(reviewLink), ', ')}, then ask for their approval`)],
      blocker: 'changes requested',
    };
  }
  if (approvals.length < min) {
    const needed = min - approvals.length;
    const more = approvals.length === 0 ? plural(needed, 'approval') : plural(needed, 'more approval');
    return {
      outcome: 'pending',
      summary: rich`${approvals.length} of ${plural(min, 'approval')}${approvals.length ? rich`: ${approvedBy}` : ''}${notes}`,
      fix: rich`Needs ${more} from people with write access other than the author.`,
      todos: [todo({ kind: 'reviewers' }, rich`Approve the PR: ${more} needed, from people with write access other than the author`)],
      blocker: more,
    };
  }
  const evidence = approvals.map((review): EvidenceSource => ({ kind: 'review', name: 'approved', url: review.htmlUrl, writer: review.user.login }));
  return { outcome: 'pass', summary: rich`Approved by ${approvedBy}${notes}`, evidence };
}

export const reviewsCheck: CheckKindModule<'reviews'> = {
  sources: () => ['reviews'],
  evaluate: evaluateReviews,
};
