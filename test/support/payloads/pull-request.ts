// pull_request, pull_request_target (same payload, different event name) and
// pull_request_review payloads for a pull request of the fake.
import type { PullRequestEvent, PullRequestReviewEvent } from '@octokit/webhooks-types';
import type { FakeGitHub } from '../../fake-github/index.ts';
import { renderLabel, renderPull } from '../../fake-github/render/pull.ts';
import { renderReview } from '../../fake-github/render/review.ts';
import { envelope, example } from './examples.ts';

export type PullRequestAction = 'opened' | 'synchronize' | 'reopened' | 'edited' | 'labeled' | 'unlabeled' | 'ready_for_review' | 'converted_to_draft' | 'closed';

export interface PullRequestEventOptions {
  /** Defaults to the pull request's author. */
  sender?: string;
  /** labeled/unlabeled: the label; defaults to the last label of the pull request. */
  label?: string;
  /** edited: what changed, e.g. { title: { from: 'Old' } }. */
  changes?: Record<string, unknown>;
  /** synchronize: the previous head; defaults to the head before the last push through the fake (after an amend or a force push, not the parent), else the parent of the current head. */
  before?: string;
}

export function pullRequestEvent(fake: FakeGitHub, repo: string, number: number, action: PullRequestAction, options: PullRequestEventOptions = {}): PullRequestEvent {
  const issue = fake.store.pull(repo, number);
  const base = example('pull_request', action === 'edited' ? 'opened' : action);
  const payload = envelope(fake, base, repo, options.sender ?? issue.author);
  payload.action = action;
  payload.number = number;
  payload.pull_request = { ...(base.pull_request as object), ...renderPull(fake.render, repo, issue, true) };
  if (action === 'synchronize') {
    const after = fake.store.headSha(issue);
    const lastPush = issue.pull.lastPush?.after === after ? issue.pull.lastPush.before : undefined;
    payload.before = options.before ?? lastPush ?? fake.store.commit(after).parents[0] ?? after;
    payload.after = after;
  }
  if (action === 'labeled' || action === 'unlabeled') {
    const name = options.label ?? issue.labels.at(-1);
    if (!name) throw new Error(`pull_request.${action} needs a label`);
    payload.label = renderLabel(fake.render, fake.store.repo(repo), name);
  } else {
    delete payload.label;
  }
  if (action === 'edited') payload.changes = options.changes ?? {};
  else delete payload.changes;
  return payload as unknown as PullRequestEvent;
}

/** pull_request_target carries the same payload as pull_request. */
export const pullRequestTargetEvent = pullRequestEvent;

export interface ReviewEventOptions {
  /** Defaults to the reviewer (submitted) or the repository owner (dismissed). */
  sender?: string;
}

export function pullRequestReviewEvent(fake: FakeGitHub, repo: string, number: number, reviewId: number, action: 'submitted' | 'dismissed' | 'edited', options: ReviewEventOptions = {}): PullRequestReviewEvent {
  const issue = fake.store.pull(repo, number);
  const review = fake.store.reviews.get(reviewId);
  if (!review) throw new Error(`No review ${reviewId}`);
  const base = example('pull_request_review', action === 'edited' ? 'submitted' : action);
  const sender = options.sender ?? (action === 'dismissed' ? fake.store.repo(repo).owner : review.user);
  const payload = envelope(fake, base, repo, sender);
  payload.action = action;
  const rendered = renderReview(fake.render, review);
  // Webhooks spell review states in lower case (approved, changes_requested, ...).
  payload.review = { ...(base.review as object), ...rendered, state: review.state.toLowerCase() };
  payload.pull_request = { ...(base.pull_request as object), ...renderPull(fake.render, repo, issue, false) };
  if (action === 'edited') payload.changes = {};
  return payload as unknown as PullRequestReviewEvent;
}
