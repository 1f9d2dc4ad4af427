import { prepare } from '../core/evaluation/evaluate.ts';
import { decideMergeGroup, groupCi, type GroupMember } from '../core/evaluation/merge-group.ts';
import { truncateDescription } from '../core/evaluation/gate-state.ts';
import type { GateState } from '../core/evaluation/result.ts';
import type { EvidenceSnapshot } from '../core/evidence/snapshot.ts';
import { describeApiError } from '../github/api-problem.ts';
import { latestGateStatus, publishStatus } from '../github/commit-status.ts';
import { listCheckRuns, listStatuses } from '../github/evidence/commit-readers.ts';
import { readable } from '../github/evidence/readable.ts';
import { mergeGroupPullRequests } from '../github/merge-group-prs.ts';
import { getPullRequest } from '../github/pull-requests.ts';
import type { Targets } from './event-targets.ts';
import { gatherAndEvaluate, policyFor, STATUS_CONTEXT, type GateDependencies } from './gate-pull-request.ts';

export interface GroupOutcome {
  sha: string;
  state: GateState | null;
  description: string;
}

const short = (sha: string) => sha.slice(0, 7);

/** One PR of the group, judged at its current head, which must be the head the queue took. */
async function member(deps: GateDependencies, entry: { number: number; head: string | null }, base: string): Promise<{ member: GroupMember; snapshot?: EvidenceSnapshot }> {
  const pr = await getPullRequest(deps.client, deps.settings.repo, entry.number);
  if (pr.state !== 'open') return { member: { number: pr.number, refused: 'is not open' } };
  if (pr.base.ref !== base) return { member: { number: pr.number, refused: `targets \`${pr.base.ref}\`, not \`${base}\`` } };
  if (entry.head !== null && entry.head !== pr.head.sha) return { member: { number: pr.number, refused: `was queued at ${short(entry.head)}, but its head is now ${short(pr.head.sha)}` } };
  const { evaluation, snapshot } = await gatherAndEvaluate(deps, pr, await policyFor(deps, pr));
  return { member: { number: pr.number, applies: evaluation.applies, state: evaluation.state, description: evaluation.description }, snapshot };
}

/**
 * `merge_group` `checks_requested`: sets `release-readiness` on the group's commit. A merge queue
 * that requires the check would otherwise never merge; answering success unconditionally would
 * let it merge what is not ready.
 */
export async function gateMergeGroup(deps: GateDependencies, group: Extract<Targets, { kind: 'merge-group' }>): Promise<GroupOutcome> {
  const { client, settings, log } = deps;
  const target = { repo: settings.repo, sha: group.headSha, context: STATUS_CONTEXT, identity: deps.identity };
  const statuses = await readable(`commit statuses of ${short(group.headSha)}`, () => listStatuses(client, settings.repo, group.headSha));
  const previous = statuses.ok ? latestGateStatus(statuses.value, STATUS_CONTEXT) : undefined;
  let verdict: { state: GateState; description: string } | null;
  try {
    const entries = await mergeGroupPullRequests(client, settings.repo, group.baseSha, group.headSha);
    log.info(`Merge group ${short(group.headSha)} on ${group.base}: ${entries.map((entry) => `#${entry.number}`).join(', ')}.`);
    const judged = [];
    for (const entry of entries) judged.push(await member(deps, entry, group.base));
    const first = judged.find((item) => item.snapshot)?.snapshot;
    const policy = first ? prepare(first.policy, first.pullRequest) : null;
    const config = policy && 'config' in policy ? policy.config : null;
    let ci: ReturnType<typeof groupCi> = [];
    if (first && config?.checks.some((check) => check.ci?.merge_group)) {
      // The group's own CI: the check runs and statuses of its commit, judged like a PR's head.
      const groupCommit: EvidenceSnapshot = {
        ...first,
        pullRequest: { ...first.pullRequest, head: { ...first.pullRequest.head, sha: group.headSha } },
        sources: {
          checkRuns: await readable(`check runs of ${short(group.headSha)}`, () => listCheckRuns(client, settings.repo, group.headSha)),
          statuses,
        },
        lookups: {},
      };
      ci = groupCi(config, groupCommit);
    }
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
    return { sha: group.headSha, state: null, description: '' };
  }
  // The run's log says which PR holds the group back; without a run, the queue's page.
  const targetUrl = settings.runUrl ?? `https://github.com/${settings.repo.owner}/${settings.repo.repo}/queue/${group.base}`;
  await publishStatus(client, target, { state: verdict.state, description: verdict.description, targetUrl }, previous);
  log.info(`Status ${STATUS_CONTEXT} ${verdict.state} on the merge group ${short(group.headSha)}: ${verdict.description}`);
  return { sha: group.headSha, state: verdict.state, description: verdict.description };
}
