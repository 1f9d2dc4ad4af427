import { gatherAndEvaluate, policyFor, type GateDependencies } from '../action/gate-pull-request.ts';
import { DEFAULT_NETWORK, type Settings } from '../action/settings.ts';
import { renderComment } from '../core/render/render-comment.ts';
import { buildReport } from '../core/report/build-report.ts';
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
  policyFrom: 'default-branch' | 'base';
}

/** `preview --repo owner/name --pr N`: evaluates a real PR with the token from the environment, and changes nothing. */
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
  const client = createGitHubClient({ token, baseUrl: apiUrl, ...DEFAULT_NETWORK, spaceWrites: false, log: quiet });
  const securityToken = io.env['SECURITY_TOKEN'] || null;
  // eventName 'preview': nothing in the gate writes outside of its own events.
  const settings: Settings = {
    token,
    configPath: options.config,
    policyFrom: options.policyFrom,
    defaultBranch: null,
    repo: { owner, repo: name },
    apiUrl,
    eventName: 'preview',
    payload: {},
    job: '',
    securityToken,
    appSlug: options.appSlug,
    coverageFile: null,
    workspace: io.cwd,
    sha: '',
    runUrl: null,
    network: DEFAULT_NETWORK,
    tempDir: null,
    prBudgetMs: 60_000,
  };
  const deps: GateDependencies = {
    client,
    securityClient: securityToken ? createGitHubClient({ token: securityToken, baseUrl: apiUrl, ...DEFAULT_NETWORK, spaceWrites: false, log: quiet }) : client,
    settings,
    identity: options.appSlug ? appIdentity(options.appSlug) : GITHUB_ACTIONS,
    log: quiet,
    now: () => new Date().toISOString(),
    policies: new Map(),
    saveSnapshot: async () => {},
  };
  try {
    const pr = await getPullRequest(client, settings.repo, Number(options.pr));
    const { snapshot, evaluation } = await gatherAndEvaluate(deps, pr, await policyFor(deps, pr));
    if (options.json) io.out(JSON.stringify(buildReport(evaluation, snapshot), null, 2));
    else if (!evaluation.applies) io.out(`#${pr.number} is not a release pull request: the gate does not apply (${evaluation.description}).`);
    else io.out(renderComment(evaluation));
    return 0;
  } catch (error) {
    const problem = describeApiError(error, `${options.repo}#${options.pr}`);
    io.error(`Could not read ${problem.what}: ${problem.message}. ${problem.fix}`);
    return 1;
  }
}
