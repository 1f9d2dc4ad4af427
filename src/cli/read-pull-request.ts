import { errorMessage } from '../core/errors/error-message.ts';
import type { PullRequestFacts } from '../core/evidence/snapshot.ts';
import { DEFAULT_NETWORK } from '../github/network-settings.ts';
import { createGateContext, type PolicySource } from '../gate/gate-context.ts';
import { STATUS_CONTEXT } from '../gate/gate-event.ts';
import { readAndEvaluate, type ReadEvaluation } from '../gate/read-evidence.ts';
import { describeApiError } from '../github/api-problem.ts';
import { appIdentity, GITHUB_ACTIONS } from '../github/gate-identity.ts';
import { createGitHubClient } from '../github/octokit-client.ts';
import { getPullRequest } from '../github/pull-requests.ts';
import { observeServerClock } from '../github/server-clock.ts';
import type { CliIo } from './cli-io.ts';

/** Which PR a read-only command looks at, and how the gate would read it. */
export interface PullRequestOptions {
  /** The command, for its messages. */
  command: string;
  repo: string;
  pr: string;
  config: string;
  /** The App the gate runs as; null for the GITHUB_TOKEN. The command's own token is not the gate. */
  appSlug: string | null;
  policyFrom: PolicySource;
}

export type PullRequestRead = ({ ok: true; pr: PullRequestFacts } & ReadEvaluation) | { ok: false; exitCode: number };

/**
 * Evaluates a real PR with the token from the environment, as the gate would, for `preview`,
 * `explain` and `record`. It changes nothing by construction: it uses only the gate's read-only
 * half, through a client that refuses any request but a read. A problem is said on `io` once.
 */
export async function readPullRequest(options: PullRequestOptions, io: CliIo): Promise<PullRequestRead> {
  const token = io.env['GITHUB_TOKEN'] || io.env['GH_TOKEN'];
  const refuse = (message: string, exitCode = 2): PullRequestRead => {
    io.error(message);
    return { ok: false, exitCode };
  };
  if (!token) return refuse(`${options.command} needs a token: set GITHUB_TOKEN (e.g. \`GITHUB_TOKEN=$(gh auth token)\`) with read access to the repository`);
  const [owner, name, extra] = options.repo.split('/');
  if (!owner || !name || extra !== undefined) return refuse(`--repo must be owner/name (got \`${options.repo}\`)`);
  if (!/^[1-9][0-9]*$/.test(options.pr)) return refuse(`--pr must be a pull request number (got \`${options.pr}\`)`);
  const apiUrl = io.env['GITHUB_API_URL'] || 'https://api.github.com';
  const quiet = { info: () => {}, debug: () => {}, warning: (message: string) => io.error(message), startGroup: () => {}, endGroup: () => {} };
  const clientFor = (clientToken: string) => createGitHubClient({ token: clientToken, baseUrl: apiUrl, ...DEFAULT_NETWORK, readOnly: true, log: quiet });
  const client = clientFor(token);
  const securityToken = io.env['SECURITY_TOKEN'];
  const repo = { owner, repo: name };
  const context = createGateContext({
    client,
    securityClient: securityToken ? clientFor(securityToken) : client,
    repo,
    policyPath: options.config,
    policyFrom: options.policyFrom,
    defaultBranch: null,
    identity: options.appSlug ? appIdentity(options.appSlug) : GITHUB_ACTIONS,
    ownCheckNames: [STATUS_CONTEXT],
    activityWaitsMs: DEFAULT_NETWORK.activityWaitsMs,
    // GitHub's clock, as the gate's: waivers expire and windows open by it, and a record names it.
    now: observeServerClock(client, () => new Date().toISOString()),
    log: quiet,
  });
  try {
    const pr = await getPullRequest(client, repo, Number(options.pr));
    return { ok: true, pr, ...(await readAndEvaluate(context, pr)) };
  } catch (error) {
    const problem = describeApiError(error, `${options.repo}#${options.pr}`);
    return refuse(`Could not read ${problem.what}: ${problem.message || errorMessage(error)}. ${problem.fix}`, 1);
  }
}
