import type { DeploymentFact } from '../evidence/snapshot.ts';
import { notYetRead } from '../evidence/lookups.ts';
import type { EvidenceSource } from '../model/evidence-source.ts';
import { code, link, rich, user, type RichText } from '../model/rich-text.ts';
import { todo } from '../model/todo.ts';
import { shortSha, unknownVerdict, type CheckContext, type CheckVerdict } from './check-kind.ts';
import { namedWriters, sameAccount } from './expected-writers.ts';

export interface DeploymentRule {
  /** The GitHub environment, e.g. `staging`. */
  environment: string;
  /** A success older than this (ms) no longer counts. */
  max_age?: number;
}

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 48 ? `${Math.round(h / 24)} days` : `${Math.round(h)} h`;
}

/** "to `staging` (https://staging.example.com) by alice at 2026-11-21 09:00 UTC" */
function described(deployment: DeploymentFact, rule: DeploymentRule): RichText {
  const status = deployment.status!;
  const where = status.environmentUrl ? link(rule.environment, status.environmentUrl, { code: true }) : code(rule.environment);
  const by = status.creator ?? deployment.creator;
  return by ? rich`${where} by ${user(by.login)} at ${when(status.createdAt)}` : rich`${where} at ${when(status.createdAt)}`;
}

/** The deployment's latest status as evidence: its page (the environment, else the log) and who set it. */
function deployedBy(deployment: DeploymentFact, env: string): EvidenceSource {
  const status = deployment.status!;
  return { kind: 'deployment', name: env, url: status.environmentUrl ?? status.logUrl, writer: (status.creator ?? deployment.creator)?.login ?? null };
}

/**
 * The head commit, or a commit with the same files, was deployed to the environment and its
 * latest deployment status is `success` (recent enough). GitHub records deployments and their
 * statuses; a deployment still running is awaited, a failed one fails.
 */
export function evaluateDeployment(rule: DeploymentRule, context: CheckContext): CheckVerdict {
  const { snapshot, lookups } = context;
  const head = snapshot.pullRequest.head.sha;
  const env = rule.environment;
  const deployments = lookups.deployments(env);
  if (deployments === undefined) return unknownVerdict(notYetRead(`deployments to \`${env}\``));
  if (!deployments.ok) return unknownVerdict(deployments.problem);

  const now = Date.parse(snapshot.evaluatedAt);
  const fresh = (deployment: DeploymentFact) => rule.max_age === undefined || now - Date.parse(deployment.status!.createdAt) <= rule.max_age;
  // Anyone with `deployments: write` can mark a deployment successful: when the policy names who
  // deploys (`writers: { deployment/staging: [...] }`), only their statuses count.
  const expected = namedWriters(context.writers, `deployment/${env}`);
  const trusted = (deployment: DeploymentFact) => expected === null || expected.some((account) => sameAccount(deployment.status?.creator?.login, account));
  const succeeded = deployments.value.filter((deployment) => deployment.status?.state === 'success' && trusted(deployment));
  // A commit with the same tree has the same files: its deployment is this release's. The trees
  // are asked for (one request each) only when the head itself was not deployed.
  const sameFiles =
    succeeded.find((deployment) => deployment.sha === head) ??
    succeeded.find((deployment) => {
      const headTree = lookups.commitTree(head);
      const tree = lookups.commitTree(deployment.sha);
      return headTree?.ok === true && tree?.ok === true && tree.value === headTree.value;
    });
  if (sameFiles && fresh(sameFiles)) {
    const from = sameFiles.sha === head ? '' : ` (from ${shortSha(sameFiles.sha)}, the same files)`;
    return { outcome: 'pass', summary: rich`Deployed to ${described(sameFiles, rule)}${from}`, evidence: [deployedBy(sameFiles, env)] };
  }
  if (sameFiles) {
    const age = hours(now - Date.parse(sameFiles.status!.createdAt));
    return {
      outcome: 'fail',
      summary: rich`Deployed to ${described(sameFiles, rule)}, ${age} ago: more than the ${hours(rule.max_age!)} allowed`,
      fix: rich`Deploy ${code(shortSha(head))} to ${code(env)} again.`,
      todos: [todo({ kind: 'ci' }, rich`Deploy ${code(shortSha(head))} to ${code(env)} again (the last deployment is ${age} old)`)],
      blocker: `deployment to ${env} too old`,
    };
  }
  const latestOfHead = deployments.value.find((deployment) => deployment.sha === head);
  const state = latestOfHead?.status?.state;
  if (latestOfHead && (state === 'failure' || state === 'error')) {
    const log = latestOfHead.status?.logUrl;
    return {
      outcome: 'fail',
      summary: rich`The deployment of ${code(shortSha(head))} to ${code(env)} ended in ${state}${log ? rich` (${link('log', log)})` : ''}`,
      fix: rich`Fix the deployment of ${code(shortSha(head))} to ${code(env)} and deploy it again.`,
      todos: [todo({ kind: 'ci' }, rich`Fix and re-run the deployment of ${code(shortSha(head))} to ${code(env)}`)],
      blocker: `deployment to ${env} failed`,
    };
  }
  const running = latestOfHead && state !== 'inactive';
  return {
    outcome: 'pending',
    summary: running ? rich`Deploying ${code(shortSha(head))} to ${code(env)} (${state ?? 'no status yet'})` : rich`No deployment of ${code(shortSha(head))} to ${code(env)} yet`,
    fix: rich`Deploy ${code(shortSha(head))} to ${code(env)} and wait for its status to be success.`,
    todos: [todo({ kind: 'ci' }, rich`Deploy ${code(shortSha(head))} to ${code(env)}`)],
    blocker: `deployment to ${env}`,
  };
}
