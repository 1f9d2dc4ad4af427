// Merge queues: a merge group is a temporary branch
// gh-readonly-queue/<base>/pr-<last PR>-<base tip> whose commits put each pull
// request of the group, in queue order, on top of the base branch's tip. CI
// runs on the group's head (the merge_group event); the base does not move.
import { mergeBase, moveBranch, storeCommit } from './git.ts';
import type { Store } from './store.ts';
import { mergeQueueLogin } from './users.ts';

/** How the queue combines each pull request with what is ahead of it, as the repository's merge method. */
export type MergeMethod = 'merge' | 'squash';

export interface MergeGroupOptions {
  /** merge (default): a merge commit per pull request; squash: one commit per pull request. */
  method?: MergeMethod;
}

export interface MergeGroup {
  /** The group's head commit: what CI tests, GITHUB_SHA of a merge_group run. */
  headSha: string;
  /** The group's branch, gh-readonly-queue/<base>/pr-<N>-<base SHA>, without refs/heads/ (like a pull request's head.ref). */
  headRef: string;
  /** The base branch's tip the group was built on. */
  baseSha: string;
}

/** The group's branch as GitHub names it after its last pull request and the base tip. */
export function mergeGroupBranch(base: string, lastPull: number, baseSha: string): string {
  return `gh-readonly-queue/${base}/pr-${lastPull}-${baseSha}`;
}

/** The base branch of a group's branch (or its full ref), e.g. release/1.2 of gh-readonly-queue/release/1.2/pr-7-<sha>. */
export function mergeGroupBase(headRef: string): string {
  const m = /^(?:refs\/heads\/)?gh-readonly-queue\/(.+)\/pr-\d+-[0-9a-f]{40}$/.exec(headRef);
  if (!m?.[1]) throw new Error(`${headRef} is not a merge queue branch (gh-readonly-queue/<base>/pr-<number>-<sha>)`);
  return m[1];
}

/**
 * Applies the change from `from` to `to` onto `onto`, as a three-way merge
 * does: a path the other side left alone (or changed the same way) takes the
 * change; a path both changed differently is a conflict, and the queue would
 * remove the pull request, so it throws.
 */
function threeWay(onto: Map<string, string>, from: Map<string, string>, to: Map<string, string>, what: string): Map<string, string> {
  const tree = new Map(onto);
  for (const path of new Set([...from.keys(), ...to.keys()])) {
    const [before, after, ours] = [from.get(path), to.get(path), onto.get(path)];
    if (before === after || ours === after) continue;
    if (ours !== before) throw new Error(`${what} conflicts with the merge group ahead of it in ${path}`);
    if (after === undefined) tree.delete(path);
    else tree.set(path, after);
  }
  return tree;
}

export function createMergeGroup(store: Store, repoName: string, base: string, pulls: number[], options: MergeGroupOptions = {}): MergeGroup {
  const repo = store.repo(repoName);
  const method = options.method ?? 'merge';
  const baseSha = repo.branches.get(base);
  if (!baseSha) throw new Error(`No base branch ${base} in ${repo.fullName}`);
  if (pulls.length === 0) throw new Error('A merge group holds at least one pull request');
  if (new Set(pulls).size !== pulls.length) throw new Error(`A pull request is queued once: ${pulls.join(', ')}`);
  const branch = mergeGroupBranch(base, pulls.at(-1)!, baseSha);
  if (repo.branches.has(branch)) throw new Error(`Merge group ${branch} already exists`);
  let tip = baseSha;
  for (const number of pulls) {
    const issue = store.pull(repo.fullName, number);
    // GitHub queues open, ready pull requests into the branch they target only.
    if (issue.state !== 'open') throw new Error(`#${number} is closed and cannot be queued`);
    if (issue.pull.draft) throw new Error(`#${number} is a draft and cannot be queued`);
    if (issue.pull.base !== base) throw new Error(`#${number} targets ${issue.pull.base}, not ${base}`);
    const head = store.headSha(issue);
    const from = mergeBase(store, tip, head);
    if (!from) throw new Error(`#${number} has no history in common with ${base}`);
    const files = threeWay(store.commit(tip).files, store.commit(from).files, store.commit(head).files, `#${number}`);
    const headOwner = store.repo(issue.pull.headRepo).owner;
    const commit =
      method === 'merge'
        ? { parents: [tip, head], message: `Merge pull request #${number} from ${headOwner}/${issue.pull.head}\n\n${issue.title}` }
        : { parents: [tip], message: `${issue.title} (#${number})` };
    // Written on github.com: GitHub commits them (web-flow) for the pull request's author.
    tip = storeCommit(store, { ...commit, files, author: issue.author, committer: 'web-flow' });
  }
  moveBranch(store, repo, branch, tip, mergeQueueLogin, store.clock.tick());
  return { headSha: tip, headRef: branch, baseSha };
}
