import { notYetRead, type LookupReader } from '../evidence/lookups.ts';
import type { EvidenceProblem } from '../evidence/snapshot.ts';
import { code, rich, type RichText } from '../model/rich-text.ts';
import { branchName, lastPushOf, pushers } from './push-history.ts';

/** Whether a person shaped the head: pushed to the PR's branch, or authored or committed one of its commits. */
export type Shaped = { shaped: false } | { shaped: true; how: RichText } | { shaped: 'unknown'; problem: EvidenceProblem };

const short = (sha: string) => sha.slice(0, 7);

/**
 * Separation of duties covers everyone who shaped the head, not just the PR's author. Who
 * pushed comes from GitHub's activity record (no one can write it); who wrote the commits from
 * the commits themselves. Without the record of pushes, nobody can be cleared: a pusher could
 * otherwise sign off their own push.
 */
export function shapedHead(login: string, headSha: string, lookups: LookupReader): Shaped {
  const record = lookups.pushRecord();
  const authors = lookups.commitAuthors();
  const who = login.toLowerCase();
  if (record === undefined) return { shaped: 'unknown', problem: notYetRead('the record of pushes') };
  if (!record.ok) return { shaped: 'unknown', problem: record.problem };
  const pushed = pushers(record.value).get(who);
  if (pushed) return { shaped: true, how: rich`pushed ${short(pushed.after)} to ${code(branchName(record.value))}` };
  if (!record.value.complete || !lastPushOf(record.value, headSha)) {
    return {
      shaped: 'unknown',
      problem: {
        what: `GitHub's activity record of \`${branchName(record.value)}\``,
        message: record.value.complete ? `it does not show who pushed ${short(headSha)} yet` : 'it is longer than the gate reads, so not everyone who pushed is known',
        fix: 'Re-run the job in a minute; if it persists, ask a person who did not push to the branch to sign off.',
      },
    };
  }
  if (authors === undefined) return { shaped: 'unknown', problem: notYetRead('the authors of the commits') };
  if (!authors.ok) return { shaped: 'unknown', problem: authors.problem };
  const commit = authors.value[who];
  if (commit) return { shaped: true, how: rich`wrote commit ${short(commit)}` };
  return { shaped: false };
}
