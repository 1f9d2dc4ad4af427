import type { FollowUp } from '../../core/evidence/lookups.ts';
import type { ProbeFact } from '../../core/evidence/probe-fact.ts';
import { probeKey, probeTarget, type ProbeRule } from '../../core/evidence/probe-rule.ts';
import type { EvidenceProblem, Lookups } from '../../core/evidence/snapshot.ts';
import { httpStatusOf } from '../api-problem.ts';
import { fileAt } from '../file-at.ts';
import { readDeployments } from './deployment-readers.ts';
import { readable } from './readable.ts';
import { changedBetween, readCommitAuthors } from './commit-history.ts';
import { pushRecordFix, readPushRecord } from './push-record.ts';
import type { ReaderContext } from './reader-context.ts';

// Installation tokens of workflows cannot read organisation teams at all.
const teamFix = (problem: EvidenceProblem): EvidenceProblem =>
  problem.httpStatus === 403
    ? { ...problem, fix: 'Team membership needs a token with the organisation permission "Members: read" (a GitHub App installation token; the GITHUB_TOKEN cannot): pass it as `security-token`.' }
    : problem;

async function isActiveMember({ securityClient: client }: ReaderContext, team: string, login: string): Promise<boolean> {
  const [org, slug] = team.split('/') as [string, string];
  try {
    const { data } = await client.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
    return data.state === 'active';
  } catch (error) {
    // 404 is GitHub's answer for "not a member" (and for a team the token cannot see, which then also fails closed).
    if (httpStatusOf(error) === 404) return false;
    throw error;
  }
}

async function repoRole({ client, repo }: ReaderContext, login: string): Promise<string> {
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
    return data.role_name || data.permission;
  } catch (error) {
    if (httpStatusOf(error) === 404) return 'none';
    throw error;
  }
}

const deploymentsFix = (problem: EvidenceProblem): EvidenceProblem =>
  problem.httpStatus === 403 ? { ...problem, fix: "Add `deployments: read` to the workflow's `permissions:` (or give the token that permission)." } : problem;

/** readiness.yml as the PR's head has it: only ever shown, never obeyed. Null when the head has none. */
async function headPolicy({ client, repo, pr }: ReaderContext, path: string): Promise<string | null> {
  const file = await fileAt(client, repo, path, pr.head.sha);
  return file.kind === 'file' ? file.text : null;
}

/** Reads follow-up evidence into the lookups, in parallel; a failure is recorded, never dropped. */
export interface FollowUpOptions {
  policyPath: string;
  /** Waits before looking again for a head GitHub's activity feed does not show yet. */
  activityWaitsMs: readonly number[];
  /** Runs a live probe from here (the runner); absent where probes may not run. */
  runProbe?: (rule: ProbeRule) => Promise<ProbeFact>;
}

export async function readFollowUps(context: ReaderContext, options: FollowUpOptions, items: readonly FollowUp[], into: Lookups): Promise<void> {
  const { client, repo } = context;
  const policyPath = options.policyPath;
  await Promise.all(
    items.map(async (item) => {
      switch (item.kind) {
        case 'membership':
          (into.memberships ??= {})[`${item.team}:${item.login}`] = await readable(`membership of ${item.login} in ${item.team}`, () => isActiveMember(context, item.team, item.login), teamFix);
          return;
        case 'permission':
          (into.permissions ??= {})[item.login] = await readable(`the repository permission of ${item.login}`, () => repoRole(context, item.login));
          return;
        case 'commitTree':
          (into.commitTrees ??= {})[item.sha] = await readable(`the files of ${item.sha.slice(0, 7)}`, async () => {
            const { data } = await client.rest.git.getCommit({ ...repo, commit_sha: item.sha });
            return data.tree.sha;
          });
          return;
        case 'comparison':
          (into.comparisons ??= {})[`${item.base}...${item.head}`] = await readable(`the changes since ${item.base.slice(0, 7)}`, () => changedBetween(context, item.base, item.head));
          return;
        case 'pushRecord':
          into.pushRecord = await readable(`GitHub's activity record of \`${context.pr.head.ref}\``, () => readPushRecord(context, options.activityWaitsMs), pushRecordFix);
          return;
        case 'commitAuthors':
          into.commitAuthors = await readable('the authors of the commits', () => readCommitAuthors(context));
          return;
        case 'deployments':
          (into.deployments ??= {})[item.environment] = await readable(`deployments to \`${item.environment}\``, () => readDeployments(context, item.environment), deploymentsFix);
          return;
        case 'probe': {
          const run = options.runProbe;
          (into.probes ??= {})[probeKey(item.rule)] = await readable(`the probe of ${probeTarget(item.rule)}`, async () => {
            if (!run) throw new Error('probes run only in the action, on the runner');
            return run(item.rule);
          });
          return;
        }
        case 'headPolicy':
          into.headPolicy = await readable(`${policyPath} at the PR's head`, () => headPolicy(context, policyPath));
          return;
      }
    }),
  );
}
