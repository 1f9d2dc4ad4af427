import { readFileSync } from 'node:fs';

/**
 * What the runner tells every action about its run, read from the environment it sets
 * (https://docs.github.com/en/actions/reference/variables-reference). Reading it here
 * rather than through @actions/github keeps that package's HTTP stack (undici, ~400 KB)
 * out of a bundle that never uses it: the gate talks to GitHub through @octokit/rest.
 */
export interface RunnerContext {
  eventName: string;
  payload: Record<string, unknown>;
  repo: { owner: string; repo: string };
  apiUrl: string;
  serverUrl: string;
  runId: string;
  job: string;
  sha: string;
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  // A missing or unreadable event file means no payload, as for @actions/github.
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function runnerContext(env: NodeJS.ProcessEnv = process.env): RunnerContext {
  const payload = readPayload(env['GITHUB_EVENT_PATH']);
  const repository = (payload['repository'] as { full_name?: string } | undefined)?.full_name;
  const [owner = '', repo = ''] = (env['GITHUB_REPOSITORY'] || repository || '/').split('/');
  return {
    eventName: env['GITHUB_EVENT_NAME'] ?? '',
    payload,
    repo: { owner, repo },
    apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    serverUrl: env['GITHUB_SERVER_URL'] || 'https://github.com',
    runId: env['GITHUB_RUN_ID'] ?? '',
    job: env['GITHUB_JOB'] ?? '',
    sha: env['GITHUB_SHA'] ?? '',
  };
}

/**
 * Whether this process is a step of a workflow run: the runner sets GITHUB_ACTIONS=true for
 * every step (and GITHUB_EVENT_NAME). Without either, a person started the bundle.
 */
export function isActionRun(env: NodeJS.ProcessEnv): boolean {
  return env['GITHUB_ACTIONS'] === 'true' || Boolean(env['GITHUB_EVENT_NAME']);
}
