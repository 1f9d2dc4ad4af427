import { truncateDescription, worstState } from '../core/evaluation/gate-state.ts';
import type { Evaluation } from '../core/model/evaluation.ts';
import type { GateState } from '../core/model/outcomes.ts';
import type { PullRequestFacts, StatusFact } from '../core/evidence/snapshot.ts';
import { openPullRequestsWithHead } from '../github/pull-requests.ts';
import type { GateContext } from './gate-context.ts';
import { readAndEvaluate } from './read-evidence.ts';

export interface CommitVerdict {
  state: GateState;
  description: string;
}

/**
 * What the `release-readiness` status on the PR's head must say. A status belongs to a commit,
 * not to a PR: when other open PRs share the head, it is the worst state over every one the
 * gate applies to, so that no PR earns a success another PR on the same commit would not.
 * Only a verdict that would let something merge needs the others: a blocking state stands as it is.
 * Null: post nothing.
 */
export async function commitVerdict(context: GateContext, pr: PullRequestFacts, evaluation: Evaluation, previous: StatusFact | undefined | 'unreadable'): Promise<CommitVerdict | null> {
  const own: CommitVerdict = { state: evaluation.state, description: evaluation.description };
  // A success the gate set before, when this PR was a release PR (a label since removed, a title
  // changed); statuses that cannot be read may hold one.
  const earnedBefore = previous === 'unreadable' || (previous?.state === 'success' && previous.creator?.login === context.identity.login);
  if (evaluation.applies ? evaluation.state !== 'success' : !evaluation.postStatus && !earnedBefore) return evaluation.postStatus ? own : null;

  const siblings = (await openPullRequestsWithHead(context.client, context.repo, pr.head.sha)).filter((other) => other.number !== pr.number);
  const verdicts = evaluation.applies ? [{ number: pr.number, ...own }] : [];
  for (const sibling of siblings) {
    const { evaluation: other } = await readAndEvaluate(context, sibling);
    if (other.applies) verdicts.push({ number: sibling.number, state: other.state, description: other.description });
  }
  if (verdicts.length === 0) {
    if (evaluation.postStatus) return own;
    return {
      state: 'failure',
      description: truncateDescription('Not a release pull request any more: no open release PR has this commit as its head, so the release gate cannot pass'),
    };
  }
  const state = worstState(verdicts.map((verdict) => verdict.state));
  const worst = verdicts.find((verdict) => verdict.state === state)!;
  if (worst.number === pr.number) return own;
  return { state, description: truncateDescription(`#${worst.number} shares this commit: ${worst.description}`) };
}
