import { prepare } from '../core/evaluation/prepare.ts';
import { decideMergeGroup, groupCi, type GroupMember } from '../core/evaluation/merge-group.ts';
import { truncateDescription } from '../core/evaluation/gate-state.ts';
import type { ReadinessConfig } from '../core/config/schema.ts';
import type { GateState } from '../core/model/outcomes.ts';
import type { EvidenceSnapshot } from '../core/evidence/snapshot.ts';
import { describeApiError } from '../github/api-problem.ts';
import { listCheckRuns, listStatuses } from '../github/evidence/commit-readers.ts';
import { readable } from '../github/evidence/readable.ts';
import { mergeGroupPullRequests } from '../github/merge-group-prs.ts';
import type { StatusWrite } from '../github/publish/write-plan.ts';
import { getPullRequest } from '../github/pull-requests.ts';
import type { GateContext } from './gate-context.ts';
import { STATUS_CONTEXT, type Targets } from './gate-event.ts';
import { latestGateStatus } from './latest-gate-status.ts';
import { readAndEvaluate } from './read-evidence.ts';

export type MergeGroupTarget = Extract<Targets, { kind: 'merge-group' }>;

export interface GroupDecision {
  sha: string;
  state: GateState | null;
  description: string;
  /** Null: post nothing (the gate applies to no PR of the group). */
  write: StatusWrite | null;
}

const short = (sha: string) => sha.slice(0, 7);

/** One PR of the group, judged at its current head, which must be the head the queue took. */
async function member(context: GateContext, entry: { number: number; head: string | null }, base: string): Promise<{ member: GroupMember; snapshot?: EvidenceSnapshot }> {
  const pr = await getPullRequest(context.client, context.repo, entry.number);
  if (pr.state !== 'open') return { member: { number: pr.number, refused: 'is not open' } };
  if (pr.base.ref !== base) return { member: { number: pr.number, refused: `targets \`${pr.base.ref}\`, not \`${base}\`` } };
  if (entry.head !== null && entry.head !== pr.head.sha) return { member: { number: pr.number, refused: `was queued at ${short(entry.head)}, but its head is now ${short(pr.head.sha)}` } };
  const { evaluation, snapshot } = await readAndEvaluate(context, pr);
  return { member: { number: pr.number, applies: evaluation.applies, state: evaluation.state, description: evaluation.description }, snapshot };
}

/** The group's own CI: the check runs and statuses of its commit, judged like a PR's head. */
async function groupCommitCi(context: GateContext, group: MergeGroupTarget, first: EvidenceSnapshot, config: ReadinessConfig, statuses: EvidenceSnapshot['sources']['statuses']): Promise<ReturnType<typeof groupCi>> {
  if (!config.checks.some((check) => check.ci?.merge_group)) return [];
  const groupCommit: EvidenceSnapshot = {
    ...first,
    pullRequest: { ...first.pullRequest, head: { ...first.pullRequest.head, sha: group.headSha } },
    sources: { checkRuns: await readable(`check runs of ${short(group.headSha)}`, () => listCheckRuns(context.client, context.repo, group.headSha)), statuses },
    lookups: {},
  };
  return groupCi(config, groupCommit);
}

/**
 * `merge_group` `checks_requested`: what `release-readiness` on the group's commit must say.
 * A merge queue that requires the check would otherwise never merge; answering success
 * unconditionally would let it merge what is not ready. Read-only.
 */
export async function decideMergeGroupStatus(context: GateContext, group: MergeGroupTarget, runUrl: string | null): Promise<GroupDecision> {
  const { client, repo, log } = context;
  const statuses = await readable(`commit statuses of ${short(group.headSha)}`, () => listStatuses(client, repo, group.headSha));
  let verdict: { state: GateState; description: string } | null;
  try {
    const entries = await mergeGroupPullRequests(client, repo, group.baseSha, group.headSha);
    log.info(`Merge group ${short(group.headSha)} on ${group.base}: ${entries.map((entry) => `#${entry.number}`).join(', ')}.`);
    const judged = [];
    for (const entry of entries) judged.push(await member(context, entry, group.base));
    const first = judged.find((item) => item.snapshot)?.snapshot;
    const preparation = first ? prepare(first.policy, first.pullRequest, context.memo) : null;
    const config = preparation && 'config' in preparation ? preparation.config : null;
    const ci = first && config ? await groupCommitCi(context, group, first, config, statuses) : [];
    verdict = decideMergeGroup(
      judged.map((item) => item.member),
      ci,
      config?.non_release_status === 'success',
    );
  } catch (error) {
    const problem = describeApiError(error, `merge group ${short(group.headSha)}`);
    verdict = { state: 'error', description: truncateDescription(`Cannot evaluate the merge group: ${problem.message}`) };
  }
  if (!verdict) {
    log.info('The gate applies to no PR of this merge group; no status (non_release_status: none).');
    return { sha: group.headSha, state: null, description: '', write: null };
  }
  log.info(`Merge group ${short(group.headSha)}: ${verdict.state} — ${verdict.description}`);
  const write: StatusWrite = {
    sha: group.headSha,
    context: STATUS_CONTEXT,
    ...verdict,
    // The run's log says which PR holds the group back; without a run, the queue's page.
    targetUrl: runUrl ?? `https://github.com/${repo.owner}/${repo.repo}/queue/${group.base}`,
    previous: statuses.ok ? latestGateStatus(statuses.value, STATUS_CONTEXT) : undefined,
  };
  return { sha: group.headSha, ...verdict, write };
}
