// GITHUB_SHA and GITHUB_REF as the runner sets them for each event. They are
// often not the pull request's head: for pull_request it is a merge commit the
// action must not post statuses on, for pull_request_target the base branch,
// for merge_group the group's head on its gh-readonly-queue/* branch.
import type { FakeGitHub } from '../fake-github/index.ts';
import { sha1 } from '../fake-github/ids.ts';

export interface RunnerRef {
  sha: string;
  ref: string;
  /** GITHUB_HEAD_REF / GITHUB_BASE_REF: set for pull_request and pull_request_target only. */
  headRef?: string;
  baseRef?: string;
}

export function runnerRef(fake: FakeGitHub, repository: string, eventName: string, event: object): RunnerRef {
  const payload = event as Record<string, unknown>;
  const repo = fake.store.repos.get(repository.toLowerCase());
  const defaultBranch = repo?.defaultBranch ?? 'main';
  const tip = (branch: string): string => repo?.branches.get(branch) ?? '0'.repeat(40);
  const pr = payload.pull_request as { number?: number; head?: { sha?: string; ref?: string }; base?: { ref?: string; sha?: string } } | undefined;
  const branches = { headRef: pr?.head?.ref ?? '', baseRef: pr?.base?.ref ?? '' };
  switch (eventName) {
    case 'pull_request':
      return { ...branches, sha: mergeSha(pr?.head?.sha, pr?.base?.sha), ref: `refs/pull/${pr?.number ?? 0}/merge` };
    case 'pull_request_review':
    case 'pull_request_review_comment':
      return { sha: mergeSha(pr?.head?.sha, pr?.base?.sha), ref: `refs/pull/${pr?.number ?? 0}/merge` };
    case 'pull_request_target': {
      const base = pr?.base?.ref ?? defaultBranch;
      return { ...branches, sha: tip(base), ref: `refs/heads/${base}` };
    }
    case 'merge_group': {
      // The group's head commit and its gh-readonly-queue/* branch.
      const group = payload.merge_group as { head_sha?: string; head_ref?: string } | undefined;
      return { sha: group?.head_sha ?? '0'.repeat(40), ref: group?.head_ref ?? `refs/heads/${defaultBranch}` };
    }
    case 'workflow_dispatch': {
      const ref = typeof payload.ref === 'string' ? payload.ref : `refs/heads/${defaultBranch}`;
      return { sha: tip(ref.replace(/^refs\/heads\//, '')), ref };
    }
    default:
      // issue_comment, check_suite, check_run, workflow_run, status, schedule: the default branch.
      return { sha: tip(defaultBranch), ref: `refs/heads/${defaultBranch}` };
  }
}

/** The test merge commit GitHub creates for a pull request; it is not in the fake. */
function mergeSha(head: string | undefined, base: string | undefined): string {
  return sha1(`merge ${head ?? ''} into ${base ?? ''}`);
}
