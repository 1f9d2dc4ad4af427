import { errorMessage } from '../core/errors/error-message.ts';
import { renderComment } from '../core/render/render-comment.ts';
import { buildReport } from '../core/report/build-report.ts';
import { DEFAULT_NETWORK } from '../github/network-settings.ts';
import { createGateContext, type PolicySource } from '../gate/gate-context.ts';
import { STATUS_CONTEXT } from '../gate/gate-event.ts';
import { readAndEvaluate } from '../gate/read-evidence.ts';
import { describeApiError } from '../github/api-problem.ts';
import { appIdentity, GITHUB_ACTIONS } from '../github/gate-identity.ts';
import { createGitHubClient } from '../github/octokit-client.ts';
import { getPullRequest } from '../github/pull-requests.ts';
import type { CliIo } from './cli-io.ts';

export interface PreviewOptions {
  repo: string;
  pr: string;
  json: boolean;
  config: string;
  /** The App the gate runs as; null for the GITHUB_TOKEN. The preview's own token is not the gate. */
  appSlug: string | null;
  policyFrom: PolicySource;
}

/**
 * `preview --repo owner/name --pr N`: evaluates a real PR with the token from the environment.
 * It changes nothing by construction: it uses only the gate's read-only half, through a
 * client that refuses any request but a read.
 */
export async function previewCommand(options: PreviewOptions, io: CliIo): Promise<number> {
  const token = io.env['GITHUB_TOKEN'] || io.env['GH_TOKEN'];
  if (!token) {
    io.error('preview needs a token: set GITHUB_TOKEN (e.g. `GITHUB_TOKEN=$(gh auth token)`) with read access to the repository');
    return 2;
  }
  const [owner, name, extra] = options.repo.split('/');
  if (!owner || !name || extra !== undefined) {
    io.error(`--repo must be owner/name (got \`${options.repo}\`)`);
    return 2;
  }
  if (!/^[1-9][0-9]*$/.test(options.pr)) {
    io.error(`--pr must be a pull request number (got \`${options.pr}\`)`);
    return 2;
  }
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
    now: () => new Date().toISOString(),
    log: quiet,
  });
  try {
    const pr = await getPullRequest(client, repo, Number(options.pr));
    const { snapshot, evaluation } = await readAndEvaluate(context, pr);
    if (options.json) io.out(JSON.stringify(buildReport(evaluation, snapshot), null, 2));
    else if (!evaluation.applies) io.out(`#${pr.number} is not a release pull request: the gate does not apply (${evaluation.description}).`);
    else io.out(renderComment(evaluation));
    return 0;
  } catch (error) {
    const problem = describeApiError(error, `${options.repo}#${options.pr}`);
    io.error(`Could not read ${problem.what}: ${problem.message || errorMessage(error)}. ${problem.fix}`);
    return 1;
  }
}
