// merge_group payloads for a group made with fake.createMergeGroup():
// checks_requested (CI should run on the group's head) and destroyed.
import type { MergeGroupChecksRequestedEvent, MergeGroupDestroyedEvent } from '@octokit/webhooks-types';
import type { FakeGitHub, MergeGroup } from '../../fake-github/index.ts';
import { mergeQueueLogin } from '../../fake-github/index.ts';
import { mergeGroupBase } from '../../fake-github/state/merge-queue.ts';
import { commitTreeSha } from '../../fake-github/state/trees.ts';
import { envelope, example } from './examples.ts';

type Json = Record<string, unknown>;

export type MergeGroupAction = 'checks_requested' | 'destroyed';

export interface MergeGroupEventOptions {
  /** Defaults to github-merge-queue[bot], which sends both actions. */
  sender?: string;
  /** destroyed: why the group went away; defaults to merged. */
  reason?: MergeGroupDestroyedEvent['reason'];
}

/** The group's head commit as `simple-commit`: git names and emails, the committer date. */
function headCommit(fake: FakeGitHub, sha: string): Json {
  const c = fake.store.commit(sha);
  const author = fake.store.user(c.author);
  // Commits written on github.com name GitHub as their committer.
  const committer = c.committer === 'web-flow' ? { name: 'GitHub', email: 'noreply@github.com' } : gitPerson(fake, c.committer ?? c.author);
  return { id: sha, tree_id: commitTreeSha(fake.store, sha), message: c.message, timestamp: c.committedAt ?? c.date, author: gitPerson(fake, author.login), committer };
}

function gitPerson(fake: FakeGitHub, login: string): { name: string; email: string } {
  const user = fake.store.user(login);
  return { name: user.login, email: `${user.id}+${user.login}@users.noreply.github.com` };
}

type GroupRef = Pick<MergeGroup, 'headSha' | 'headRef' | 'baseSha'>;

export function mergeGroupEvent(fake: FakeGitHub, repo: string, group: GroupRef, action?: 'checks_requested', options?: MergeGroupEventOptions): MergeGroupChecksRequestedEvent;
export function mergeGroupEvent(fake: FakeGitHub, repo: string, group: GroupRef, action: 'destroyed', options?: MergeGroupEventOptions): MergeGroupDestroyedEvent;
export function mergeGroupEvent(
  fake: FakeGitHub,
  repo: string,
  group: GroupRef,
  action: MergeGroupAction = 'checks_requested',
  options: MergeGroupEventOptions = {},
): MergeGroupChecksRequestedEvent | MergeGroupDestroyedEvent {
  const branch = group.headRef.replace(/^refs\/heads\//, '');
  // The base branch is part of the group's branch name.
  const base = mergeGroupBase(branch);
  const record = fake.store.repo(repo);
  if (!record.branches.has(base)) throw new Error(`No base branch ${base} in ${record.fullName}`);
  const payload = envelope(fake, example('merge_group', 'checks_requested'), repo, options.sender ?? mergeQueueLogin);
  payload.action = action;
  payload.merge_group = {
    head_sha: group.headSha,
    head_ref: `refs/heads/${branch}`,
    base_sha: group.baseSha,
    base_ref: `refs/heads/${base}`,
    head_commit: headCommit(fake, group.headSha),
  };
  if (action === 'destroyed') payload.reason = options.reason ?? 'merged';
  return payload as unknown as MergeGroupChecksRequestedEvent | MergeGroupDestroyedEvent;
}
