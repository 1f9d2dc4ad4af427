import * as core from '@actions/core';
import type { RepoRef } from '../github/repository.ts';
import { runnerContext } from './runner-context.ts';

/** Everything the run needs from its inputs and the runner, read once. */
export interface Settings {
  /** Token for every API call (`github-token` input). */
  token: string;
  /** Path of readiness.yml (`config` input). */
  configPath: string;
  /**
   * Where the policy is read from (`policy-from` input): the repository's default branch, so
   * that a PR cannot pick a weaker policy by choosing or creating its base; or each PR's base.
   */
  policyFrom: 'default-branch' | 'base';
  /** The repository's default branch, when the event says it (schedule events do not). */
  defaultBranch: string | null;
  repo: RepoRef;
  /** REST API root, e.g. https://api.github.com or a GHES /api/v3. */
  apiUrl: string;
  eventName: string;
  payload: Record<string, unknown>;
  /** Token for the security alert endpoints (`security-token` input); null to use `token`. */
  securityToken: string | null;
  /** The slug of the GitHub App whose installation token `token` is (`app-slug` input); null otherwise. */
  appSlug: string | null;
  /** A coverage report to record on the commit (`coverage-file` input), relative to the workspace. */
  coverageFile: string | null;
  /** Where the workflow checked out the repository, for `coverage-file`. */
  workspace: string;
  /** The commit the workflow runs on (GITHUB_SHA). */
  sha: string;
  /** This workflow run's page, where a recorded figure came from. */
  runUrl: string | null;
  /** How the client waits for and retries GitHub. */
  network: NetworkSettings;
  /** The job id of this workflow (GITHUB_JOB); its check runs are the gate's own. */
  job: string;
  /** Where to keep the evidence snapshot for replay. */
  tempDir: string | null;
  /** How long one PR's evaluation may take before it is given up with an `error` status (`pr-timeout` input, seconds). */
  prBudgetMs: number;
}

export interface NetworkSettings {
  /** A request that hangs longer fails, and is retried like a 5xx. */
  requestTimeoutMs: number;
  /** Retries of a 5xx or a hang; the waits grow as 1, 4, 9 times the base. */
  retries: number;
  retryBaseMs: number;
  /** Waits before looking again for a head that GitHub's activity feed does not show yet. */
  activityWaitsMs: number[];
}

/**
 * A persistent 5xx costs at most 4 attempts and 0.5 + 2 + 4.5 = 7 s of waiting; a request
 * that hangs, 10 s each time. Past that the run reports `error` rather than hold the runner.
 * GitHub records a push in its activity feed within seconds: a head it does not show yet is
 * looked for again after 1, 2 and 4 s.
 */
export const DEFAULT_NETWORK: NetworkSettings = { requestTimeoutMs: 10_000, retries: 3, retryBaseMs: 500, activityWaitsMs: [1000, 2000, 4000] };

export class InputError extends Error {}

function configPathInput(): string {
  const path = core.getInput('config') || '.github/readiness.yml';
  if (path.startsWith('/') || path.split('/').includes('..')) {
    throw new InputError(`Input \`config\` must be a path inside the repository, like .github/readiness.yml (got \`${path}\`).`);
  }
  return path.replace(/^\.\//, '');
}

function prTimeoutInput(): number {
  const text = core.getInput('pr-timeout').trim() || '60';
  const seconds = Number(text);
  if (!/^[0-9]+$/.test(text) || seconds < 1 || seconds > 3600) {
    throw new InputError(`Input \`pr-timeout\` must be a whole number of seconds from 1 to 3600 (got \`${text}\`).`);
  }
  return seconds * 1000;
}

function policyFromInput(): Settings['policyFrom'] {
  const value = core.getInput('policy-from').trim() || 'default-branch';
  if (value !== 'default-branch' && value !== 'base') throw new InputError(`Input \`policy-from\` must be \`default-branch\` or \`base\` (got \`${value}\`).`);
  return value;
}

function appSlugInput(): string | null {
  const slug = core.getInput('app-slug').trim();
  if (slug && !/^[a-z0-9][a-z0-9-]*(\[bot\])?$/i.test(slug)) {
    throw new InputError(`Input \`app-slug\` must be a GitHub App's slug, like release-gate (got \`${slug}\`).`);
  }
  return slug || null;
}

export function readSettings(): Settings {
  const token = core.getInput('github-token');
  if (!token) throw new InputError('Input `github-token` is empty: leave it at its default `${{ github.token }}` or pass a token.');
  const context = runnerContext();
  return {
    token,
    configPath: configPathInput(),
    policyFrom: policyFromInput(),
    defaultBranch: typeof context.payload['repository'] === 'object' && context.payload['repository'] !== null ? String((context.payload['repository'] as Record<string, unknown>)['default_branch'] ?? '') || null : null,
    repo: { owner: context.repo.owner, repo: context.repo.repo },
    apiUrl: context.apiUrl,
    eventName: context.eventName,
    payload: context.payload,
    securityToken: core.getInput('security-token') || null,
    appSlug: appSlugInput(),
    coverageFile: core.getInput('coverage-file') || null,
    workspace: process.env['GITHUB_WORKSPACE'] || process.cwd(),
    sha: context.sha,
    network: DEFAULT_NETWORK,
    runUrl: context.runId ? `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` : null,
    job: context.job,
    tempDir: process.env['RUNNER_TEMP'] || null,
    prBudgetMs: prTimeoutInput(),
  };
}
