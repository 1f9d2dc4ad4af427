// A repository's activity feed (GET /repos/{owner}/{repo}/activity): one
// record per branch move, kept per repository, so a fork's feed holds the
// moves of its own branches only. Moves are recorded by moveBranch() in git.ts;
// this file keeps them and models the feed's lag behind a live push.
import { nodeId } from '../ids.ts';
import type { RepoRecord } from './model.ts';
import type { Store } from './store.ts';

/**
 * The kinds of branch move the fake makes. GitHub also lists branch_deletion,
 * pr_merge and merge_queue_merge; the fake deletes no branch, and neither a
 * merged pull request nor a merge group moves its base, so it never records
 * those. A merge group's branch is a branch_creation by github-merge-queue[bot].
 */
export type ActivityType = 'push' | 'force_push' | 'branch_creation';

/** `before` of a branch creation, as in push webhooks. */
export const zeroSha = '0'.repeat(40);

export interface ActivityRecord {
  id: number;
  nodeId: string;
  /** The branch name; rendered as refs/heads/<branch>. */
  branch: string;
  before: string;
  after: string;
  at: string;
  type: ActivityType;
  /** Who pushed. */
  actor: string;
  /** Answers of the activity endpoint that still leave this move out (the feed lagging a push); 0 once it shows. */
  hiddenReads: number;
}

export type NewActivity = Pick<ActivityRecord, 'branch' | 'before' | 'after' | 'at' | 'type' | 'actor'>;

/** The repository's moves, oldest first (created on first use). */
export function activityOf(store: Store, repo: RepoRecord): ActivityRecord[] {
  const key = repo.fullName.toLowerCase();
  let moves = store.activity.get(key);
  if (!moves) store.activity.set(key, (moves = []));
  return moves;
}

export function recordActivity(store: Store, repo: RepoRecord, move: NewActivity): ActivityRecord {
  const id = store.ids.next('activity');
  const record: ActivityRecord = { id, nodeId: nodeId('PSH', id), ...move, hiddenReads: 0 };
  activityOf(store, repo).push(record);
  return record;
}

/**
 * GitHub's feed can lag a live push by seconds. Counting answers instead of
 * time keeps a test deterministic: the newest move is left out of the next
 * `reads` answers of the endpoint for this repository, then shows.
 */
export function hideLatestActivity(store: Store, repoName: string, reads: number): ActivityRecord {
  if (!Number.isInteger(reads) || reads < 0) throw new Error(`reads must be a whole number of answers, got ${reads}`);
  const latest = activityOf(store, store.repo(repoName)).at(-1);
  if (!latest) throw new Error(`${repoName} has no activity to hide`);
  latest.hiddenReads = reads;
  return latest;
}

/** What the endpoint can list right now: every move but those still lagging. */
export function visibleActivity(store: Store, repo: RepoRecord): ActivityRecord[] {
  return activityOf(store, repo).filter((a) => a.hiddenReads === 0);
}

/** Called once per answer of the endpoint for the repository, whatever its filters: lagging moves come one answer closer to showing. */
export function countActivityRead(store: Store, repo: RepoRecord): void {
  for (const a of activityOf(store, repo)) if (a.hiddenReads > 0) a.hiddenReads--;
}
