import { setTimeout as sleep } from 'node:timers/promises';
import type { EvidenceProblem, PushFact, PushRecord } from '../../core/evidence/snapshot.ts';
import { lastPushOf } from '../../core/pushes/push-history.ts';
import type { ReaderContext } from './reader-context.ts';

/** Pages of 100 moves read at most: a PR whose branch moved more often since it was opened is read in part. */
const MAX_PAGES = 10;

/**
 * The moves of the PR's head branch from GitHub's repository activity feed
 * (https://docs.github.com/en/rest/repos/repos#list-repository-activities), newest first,
 * back to the one that was current when the PR was opened: enough to place every command
 * of the PR and to know everyone who pushed to it.
 */
async function readOnce({ client, pr }: ReaderContext): Promise<PushRecord> {
  const headRepo = pr.head.repo;
  if (!headRepo) throw new Error(`the head repository of #${pr.number} no longer exists`);
  const ref = `refs/heads/${pr.head.ref}`;
  const opened = Date.parse(pr.createdAt);
  const pushes: PushFact[] = [];
  let pages = 0;
  let complete = false;
  const iterator = client.paginate.iterator(client.rest.repos.listActivities, { owner: headRepo.owner, repo: headRepo.name, ref, per_page: 100 });
  for await (const page of iterator) {
    pages++;
    for (const item of page.data) {
      pushes.push({ before: item.before, after: item.after, at: item.timestamp, type: item.activity_type, actor: item.actor?.login ?? null });
    }
    const reachesOpening = page.data.some((item) => Date.parse(item.timestamp) < opened);
    if (reachesOpening || page.data.length < 100) {
      complete = true;
      break;
    }
    if (pages >= MAX_PAGES) break;
  }
  // The feed ended without a next page: that is all GitHub keeps.
  if (!complete && pages < MAX_PAGES) complete = true;
  // Moves older than the head the PR was opened with shaped nothing it holds, and no command
  // predates the PR: keep that head's push and what came after (a long-lived branch's
  // earlier pushers are not the PR's).
  const atOpening = pushes.findIndex((push) => Date.parse(push.at) < opened);
  return { ref, repository: `${headRepo.owner}/${headRepo.name}`, pushes: atOpening < 0 ? pushes : pushes.slice(0, atOpening + 1), complete };
}

/**
 * GitHub records a push in the feed a few seconds after it lands, so a head that is not there
 * yet is looked for again after each of `waitsMs` before the evaluation falls back.
 */
export async function readPushRecord(context: ReaderContext, waitsMs: readonly number[]): Promise<PushRecord> {
  let record = await readOnce(context);
  for (const wait of waitsMs) {
    if (lastPushOf(record, context.pr.head.sha)) break;
    await sleep(wait);
    record = await readOnce(context);
  }
  return record;
}

/** What a failed read of the feed means here, and what fixes it. */
export function pushRecordFix(problem: EvidenceProblem): EvidenceProblem {
  if (problem.httpStatus === 404) {
    return {
      ...problem,
      fix: 'GitHub keeps the record of pushes from GitHub Enterprise Server 3.11 on; on github.com a 404 means the token cannot see the repository of the PR\'s head (a fork): run the gate with a token that can, e.g. a GitHub App installed on the fork\'s owner too.',
    };
  }
  return problem;
}
