import type { CheckConfig } from '../config/schema.ts';
import { REPO_PERMISSIONS } from '../config/schema.ts';
import type { LookupReader } from '../evidence/lookups.ts';
import type { EvidenceProblem, ReviewFact } from '../evidence/snapshot.ts';
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

/** GitHub's branch protection counts reviews only from people who can write to the repository. */
const COUNTING = REPO_PERMISSIONS.indexOf('write');

type Standing = { counts: true } | { counts: false; because: string } | { counts: 'unknown'; problem: EvidenceProblem };

function standing(login: string, lookups: LookupReader): Standing {
  const permission = lookups.permission(login);
  if (permission === undefined) return { counts: 'unknown', problem: { what: `the repository permission of ${login}`, message: 'it was not read', fix: 'Re-run the job; if it persists, report it as a bug in release-readiness.' } };
  if (!permission.ok) return { counts: 'unknown', problem: permission.problem };
  if (REPO_PERMISSIONS.indexOf(permission.value as (typeof REPO_PERMISSIONS)[number]) >= COUNTING) return { counts: true };
  return { counts: false, because: `${login} has ${permission.value === 'none' ? 'no' : `\`${permission.value}\``} permission; GitHub counts reviews only from people with write access` };
}

function evaluateReviews(check: CheckConfig, context: CheckContext): CheckVerdict {
  const reviews = source(context.snapshot, 'reviews');
  if (!reviews.ok) return unknownVerdict(reviews.problem);

  const min = check.reviews?.min ?? 1;
  // A dismissal counts for nothing whoever wrote it: only approvals and change requests need a permission.
  const latest = [...latestVerdicts(reviews.value, context.snapshot.pullRequest.author.login).values()].filter((review) => review.state !== 'DISMISSED');
  // Every reviewer's permission is asked for in one round, before any is judged.
  const standings = latest.map((review) => [review, standing(review.user!.login, context.lookups)] as const);
  const unknown = standings.find(([, s]) => s.counts === 'unknown')?.[1];
  if (unknown?.counts === 'unknown') return unknownVerdict(unknown.problem);
  const verdicts = standings.filter(([, s]) => s.counts === true).map(([review]) => review);
  const ignored = standings.flatMap(([review, s]) => (s.counts === false ? [`[${review.user!.login}](${review.htmlUrl}) did not count: ${s.because}`] : []));
  const approvals = verdicts.filter((review) => review.state === 'APPROVED');
  const objections = verdicts.filter((review) => review.state === 'CHANGES_REQUESTED');
  const approvedBy = approvals.map((review) => `[${review.user!.login}](${review.htmlUrl})`).join(', ');

  const notes = ignored.length > 0 ? ` · ${ignored.join('; ')}` : '';
  if (objections.length > 0) {
    const who = objections.map((review) => `[${review.user!.login}](${review.htmlUrl})`).join(', ');
    return {
      outcome: 'fail',
      summary: `Changes requested by ${who}${approvals.length ? ` · approved by ${approvedBy}` : ''}${notes}`,
      fix: `Address the requested changes, then ask ${objections.map((r) => profileLink(r.user!.login)).join(', ')} to approve.`,
      blocker: 'changes requested',
    };
  }
  if (approvals.length < min) {
    return {
      outcome: 'pending',
      summary: `${approvals.length} of ${min} approvals${approvals.length ? `: ${approvedBy}` : ''}${notes}`,
      fix: `Needs ${min - approvals.length} more approving review(s) from someone with write access other than the author.`,
      blocker: `${check.id} ${approvals.length}/${min}`,
    };
  }
  return { outcome: 'pass', summary: `Approved by ${approvedBy}${notes}` };
}

export const reviewsCheck: CheckKindModule = {
  sources: () => ['reviews'],
  evaluate: evaluateReviews,
};
