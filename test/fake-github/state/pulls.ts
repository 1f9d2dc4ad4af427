// Issues, pull requests, labels and reviews. Issues and pull requests share one
// numbering per repository, as on GitHub.
import { nodeId, sha1 } from '../ids.ts';
import { commitsBetween, moveBranch, overlay, reachable, recordCommit } from './git.ts';
import type { IssueRecord, LabelRecord, RepoRecord, ReviewRecord } from './model.ts';
import { treeSha } from './trees.ts';
import type { Store } from './store.ts';

export interface OpenIssueOptions {
  title: string;
  body?: string | null;
  author: string;
  labels?: string[];
}

export interface OpenPullRequestOptions extends OpenIssueOptions {
  base: string;
  head: string;
  /** Repository holding the head branch, e.g. a fork made with forkRepo(); defaults to the same repository. */
  headRepo?: string;
  draft?: boolean;
}

export function openIssue(store: Store, repoName: string, options: OpenIssueOptions): number {
  const repo = store.repo(repoName);
  const now = store.clock.tick();
  const number = ++repo.lastNumber;
  const id = store.ids.next('pull');
  for (const l of options.labels ?? []) ensureLabel(store, repo, l);
  const issue: IssueRecord = {
    number,
    id,
    nodeId: nodeId('I', id),
    title: options.title,
    body: options.body ?? null,
    author: store.user(options.author).login,
    labels: [...(options.labels ?? [])],
    state: 'open',
    createdAt: now,
    updatedAt: now,
    closedAt: null,
  };
  repo.issues.set(number, issue);
  return number;
}

export function openPullRequest(store: Store, repoName: string, options: OpenPullRequestOptions): number {
  const repo = store.repo(repoName);
  const headRepo = store.repo(options.headRepo ?? repoName);
  if (!repo.branches.has(options.base)) throw new Error(`No base branch ${options.base} in ${repoName}`);
  // A missing head branch starts at the base tip, like `git switch -c`, pushed by the author.
  if (!headRepo.branches.has(options.head)) moveBranch(store, headRepo, options.head, repo.branches.get(options.base)!, options.author, store.clock.tick());
  const number = openIssue(store, repoName, options);
  const issue = repo.issues.get(number)!;
  const id = store.ids.next('pull');
  issue.pull = {
    id,
    nodeId: nodeId('PR', id),
    base: options.base,
    head: options.head,
    headRepo: headRepo.fullName,
    draft: options.draft ?? false,
    merged: false,
    mergedAt: null,
    mergedBy: null,
  };
  return number;
}

type PullIssue = ReturnType<Store['pull']>;

export interface PushOptions {
  message?: string;
  /** Commit even when `files` change nothing (`git commit --allow-empty`): a new SHA with the parent's tree. */
  allowEmpty?: boolean;
  /** Who pushed, as the activity feed names them (e.g. a maintainer pushing to a contributor's branch); defaults to the pull request's author. */
  pusher?: string;
}

export interface AmendOptions {
  message?: string;
  /** Who committed the amended commit; defaults to the old commit's committer. */
  committer?: string;
  /** Who force-pushed it; defaults to `committer` when given, else the pull request's author. */
  pusher?: string;
}

export interface ForcePushOptions {
  message?: string;
  /** Who force-pushed; defaults to the pull request's author. */
  pusher?: string;
}

/**
 * Moves the pull request's head branch, remembering the previous tip for
 * synchronize payloads. A closed pull request keeps its head SHA, but its
 * branch still moves, as on GitHub.
 */
function moveHead(store: Store, issue: PullIssue, write: (headRepo: RepoRecord, before: string) => string): string {
  const headRepo = store.repo(issue.pull.headRepo);
  const before = headRepo.branches.get(issue.pull.head);
  if (!before) throw new Error(`Head branch ${issue.pull.head} of #${issue.number} is gone`);
  const after = write(headRepo, before);
  if (issue.state === 'open') issue.pull.lastPush = { before, after };
  issue.updatedAt = store.clock.iso();
  return after;
}

/** Commits `files` on the pull request's head branch; returns the new head SHA. */
export function pushToPullRequest(store: Store, repoName: string, number: number, files: Record<string, string | null>, options: PushOptions = {}): string {
  const issue = store.pull(repoName, number);
  return moveHead(store, issue, (headRepo, before) => {
    const tree = overlay(store, before, files);
    // Like git, refuse a commit that changes nothing unless asked for one.
    if (!options.allowEmpty && treeSha(tree) === treeSha(store.commit(before).files)) {
      throw new Error(`Pushing ${JSON.stringify(files)} to #${number} changes nothing; pass { allowEmpty: true } for an empty commit`);
    }
    const commit = { parents: [before], files: tree, message: options.message ?? `Update #${number}`, author: issue.author };
    return recordCommit(store, headRepo, issue.pull.head, commit, options.pusher ?? issue.author);
  });
}

/**
 * Replaces the head commit with one of the same tree and parents but a new
 * SHA (`git commit --amend` to reword or re-sign it, then a force push). The
 * author and author date stay; the committer date is now.
 */
export function amendPullRequest(store: Store, repoName: string, number: number, options: AmendOptions = {}): string {
  const issue = store.pull(repoName, number);
  return moveHead(store, issue, (headRepo, before) => {
    const old = store.commit(before);
    const commit = {
      parents: old.parents,
      files: old.files,
      message: options.message ?? old.message,
      author: old.author,
      authoredAt: old.date,
      committer: store.user(options.committer ?? old.committer ?? old.author).login,
    };
    return recordCommit(store, headRepo, issue.pull.head, commit, options.pusher ?? options.committer ?? issue.author);
  });
}

/**
 * Rewrites the head branch to a single commit on top of the base branch's
 * current tip, with `files` applied to the base tree (a squash and
 * `git push --force`); the previous head commits leave the pull request.
 */
export function forcePushPullRequest(store: Store, repoName: string, number: number, files: Record<string, string | null>, options: ForcePushOptions = {}): string {
  const issue = store.pull(repoName, number);
  const baseTip = store.repo(repoName).branches.get(issue.pull.base);
  if (!baseTip) throw new Error(`Base branch ${issue.pull.base} of #${number} is gone`);
  return moveHead(store, issue, (headRepo) => {
    const commit = { parents: [baseTip], files: overlay(store, baseTip, files), message: options.message ?? `Rewrite #${number}`, author: issue.author };
    return recordCommit(store, headRepo, issue.pull.head, commit, options.pusher ?? issue.author);
  });
}

/**
 * Points the head branch at a commit that already exists (`git push --force origin <sha>:<branch>`),
 * e.g. a head that was replaced and is pushed again.
 */
export function resetPullRequest(store: Store, repoName: string, number: number, sha: string, options: { pusher?: string } = {}): string {
  const issue = store.pull(repoName, number);
  store.commit(sha);
  return moveHead(store, issue, (headRepo) => {
    store.clock.tick();
    moveBranch(store, headRepo, issue.pull.head, sha, options.pusher ?? issue.author);
    return sha;
  });
}

/** Changes the base branch, as "Edit" → base does on GitHub; base.ref and base.sha follow. */
export function retargetPullRequest(store: Store, repoName: string, number: number, base: string): void {
  setPullRequest(store, repoName, number, { base });
}

export interface PullRequestChanges {
  title?: string;
  body?: string | null;
  base?: string;
  labels?: string[];
  state?: 'open' | 'closed';
  draft?: boolean;
  /** Closes the pull request as merged (by `mergedBy`, default the repository owner). */
  merged?: boolean;
  mergedBy?: string;
  /** With `merged`: write the merge commit onto the base, as GitHub's merge button does (parents: the base, then the head). */
  mergeCommit?: boolean;
}

export function setPullRequest(store: Store, repoName: string, number: number, changes: PullRequestChanges): void {
  const repo = store.repo(repoName);
  const issue = store.issue(repoName, number);
  const now = store.clock.tick();
  if (changes.title !== undefined) issue.title = changes.title;
  if (changes.body !== undefined) issue.body = changes.body;
  if (changes.labels !== undefined) {
    for (const l of changes.labels) ensureLabel(store, repo, l);
    issue.labels = [...changes.labels];
  }
  if (issue.pull) {
    if (changes.base !== undefined) {
      // GitHub refuses a base that does not exist in the base repository, or that is the head itself.
      if (!repo.branches.has(changes.base)) throw new Error(`No base branch ${changes.base} in ${repo.fullName}`);
      if (changes.base === issue.pull.head && issue.pull.headRepo === repo.fullName) throw new Error(`#${number} cannot have its head branch ${changes.base} as its base`);
      issue.pull.base = changes.base;
    }
    if (changes.draft !== undefined) issue.pull.draft = changes.draft;
    if (changes.merged) {
      issue.pull.merged = true;
      issue.pull.mergedAt = now;
      issue.pull.mergedBy = store.user(changes.mergedBy ?? repo.owner).login;
      if (changes.mergeCommit) {
        const baseTip = repo.branches.get(issue.pull.base);
        const head = store.headSha(issue);
        // Its commits are what they were before the merge moved the base onto them.
        issue.pull.frozenBaseSha = baseTip;
        issue.pull.frozenHeadSha = head;
        const files = new Map(store.commit(head).files);
        issue.pull.mergeCommitSha = recordCommit(store, repo, issue.pull.base, { parents: baseTip ? [baseTip, head] : [head], files, message: `Merge pull request #${number}`, author: issue.pull.mergedBy }, issue.pull.mergedBy);
      }
      changes = { ...changes, state: 'closed' };
    }
  }
  if (changes.state !== undefined && changes.state !== issue.state) {
    issue.state = changes.state;
    issue.closedAt = changes.state === 'closed' ? now : null;
    if (issue.pull) {
      issue.pull.frozenHeadSha = changes.state === 'closed' ? store.headSha(issue) : undefined;
      issue.pull.frozenBaseSha = changes.state === 'closed' ? (issue.pull.frozenBaseSha ?? repo.branches.get(issue.pull.base)) : undefined;
    }
  }
  issue.updatedAt = now;
}

export function addLabel(store: Store, repoName: string, number: number, label: string): void {
  const issue = store.issue(repoName, number);
  if (issue.labels.includes(label)) return;
  ensureLabel(store, store.repo(repoName), label);
  issue.labels.push(label);
  issue.updatedAt = store.clock.tick();
}

export function removeLabel(store: Store, repoName: string, number: number, label: string): void {
  const issue = store.issue(repoName, number);
  issue.labels = issue.labels.filter((l) => l !== label);
  issue.updatedAt = store.clock.tick();
}

export function ensureLabel(store: Store, repo: RepoRecord, name: string): LabelRecord {
  let label = repo.labels.get(name);
  if (!label) {
    const id = store.ids.next('label');
    // An empty description, not null: pull-request-simple declares it a plain string.
    label = { id, nodeId: nodeId('LA', id), name, color: sha1(name).slice(0, 6), description: '' };
    repo.labels.set(name, label);
  }
  return label;
}

export interface AddReviewOptions {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
  body?: string;
  /** Defaults to the pull request's current head SHA. */
  commitId?: string;
}

export function addReview(store: Store, repoName: string, number: number, options: AddReviewOptions): ReviewRecord {
  const issue = store.pull(repoName, number);
  const id = store.ids.next('review');
  const review: ReviewRecord = {
    id,
    nodeId: nodeId('PRR', id),
    repo: store.repo(repoName).fullName,
    number,
    user: store.user(options.user).login,
    state: options.state,
    body: options.body ?? '',
    commitId: options.commitId ?? store.headSha(issue),
    submittedAt: store.clock.tick(),
  };
  store.reviews.set(id, review);
  return review;
}

export function dismissReview(store: Store, reviewId: number): ReviewRecord {
  const review = store.reviews.get(reviewId);
  if (!review) throw new Error(`No review ${reviewId}`);
  store.clock.tick();
  review.state = 'DISMISSED';
  return review;
}

/**
 * The pull request's commits as GitHub associates them with it: those of its
 * head not on its base (`base..head`), as they were when it was closed for a
 * closed one.
 */
function pullCommits(store: Store, repo: RepoRecord, issue: PullIssue): Set<string> {
  const head = store.headSha(issue);
  const base = issue.pull.frozenBaseSha ?? repo.branches.get(issue.pull.base);
  return new Set(base ? commitsBetween(store, base, head) : [head]);
}

/**
 * The pull requests of the repository a commit is associated with, as GET
 * /commits/{sha}/pulls lists them, by number: a commit already on the default
 * branch names the merged pull request(s) that brought it; any other commit
 * also names the open pull requests among whose commits it is (several when
 * they share a head). A pull request closed without merging is never listed;
 * a commit only a merge queue made (a group's merge or squash commit) is in no
 * pull request.
 */
export function pullsForCommit(store: Store, repoName: string, sha: string): PullIssue[] {
  const repo = store.repo(repoName);
  const defaultTip = repo.branches.get(repo.defaultBranch);
  const onDefault = defaultTip !== undefined && reachable(store, defaultTip).has(sha);
  return [...repo.issues.values()]
    .filter((i): i is PullIssue => i.pull !== undefined)
    .filter((p) => p.pull.mergeCommitSha === sha || ((p.pull.merged || (p.state === 'open' && !onDefault)) && pullCommits(store, repo, p).has(sha)))
    .sort((a, b) => a.number - b.number);
}
