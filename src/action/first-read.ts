import { parseGateEvent, type Targets } from '../gate/gate-event.ts';
import type { EarlyRead } from '../github/requests/early-read.ts';
import { proxyConfigured } from '../github/requests/http-send.ts';
import { authorizationOf, identityOfToken } from '../github/token-identity.ts';
import type { RunnerContext } from './runner-context.ts';

/** What Octokit asks GitHub for: its v3 JSON. */
const ACCEPT = 'application/vnd.github.v3+json';
const REPO_NAME = /^[A-Za-z0-9._-]+$/;

/** An input as the runner passes it to a step (INPUT_<NAME>), read as @actions/core reads it. */
function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** The inputs of a step that records a figure in the CI job (see record-coverage, record-metric). */
const RECORDING_INPUTS = ['coverage-file', 'metric-file', 'metric', 'metric-json', 'metric-pattern', 'metric-unit'];

/** The path of the read that finds the event's pull requests (see findPullRequests). */
function pullRequestsPath(targets: Targets, owner: string, repo: string): string | null {
  switch (targets.kind) {
    case 'numbers':
      return targets.numbers.length === 1 ? `/repos/${owner}/${repo}/pulls/${targets.numbers[0]}` : null;
    case 'head-sha':
    case 'all-open':
      return `/repos/${owner}/${repo}/pulls?state=open&per_page=100`;
    default:
      return null;
  }
}

/**
 * The first request this run will make, when it can be told from the runner's context alone:
 * whose token it is (`/user`) when the token does not say, or else the event's pull requests.
 * Null when the run starts otherwise, or behind a proxy (where requests go through fetch), or in a
 * step that records a figure: that runs in the CI job, whose time no one waits on, and must
 * reject inputs that cannot work before it asks GitHub anything.
 */
export function firstRead(runner: RunnerContext, env: NodeJS.ProcessEnv): EarlyRead | null {
  const token = input(env, 'github-token');
  const { owner, repo } = runner.repo;
  if (!token || proxyConfigured(env) || !REPO_NAME.test(owner) || !REPO_NAME.test(repo)) return null;
  if (RECORDING_INPUTS.some((name) => input(env, name))) return null;
  const read = (path: string): EarlyRead => ({ url: `${runner.apiUrl}${path}`, authorization: authorizationOf(token), accept: ACCEPT });
  const identity = identityOfToken(token, input(env, 'app-slug') || null);
  if (!identity) return read('/user');
  const { targets } = parseGateEvent({ name: runner.eventName, payload: runner.payload, sha: runner.sha }, identity);
  const path = pullRequestsPath(targets, owner, repo);
  return path ? read(path) : null;
}
