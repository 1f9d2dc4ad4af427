import * as core from '@actions/core';
import type { PolicySource } from '../gate/gate-context.ts';
import { DEFAULT_NETWORK, type NetworkSettings } from '../github/network-settings.ts';
import type { RepoRef } from '../github/repository.ts';
import type { RunnerContext } from './runner-context.ts';

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
  policyFrom: PolicySource;
  repo: RepoRef;
  /** REST API root, e.g. https://api.github.com or a GHES /api/v3. */
  apiUrl: string;
  /** Token for the security alert endpoints (`security-token` input); null to use `token`. */
  securityToken: string | null;
  /** The slug of the GitHub App whose installation token `token` is (`app-slug` input); null otherwise. */
  appSlug: string | null;
  /** A coverage report to record on the commit (`coverage-file` input), relative to the workspace. */
  coverageFile: string | null;
  /** Where the workflow checked out the repository, for `coverage-file`. */
  workspace: string;
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

function policyFromInput(): PolicySource {
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

/** The action's inputs and the runner's facts; the event itself is read once, by the gate (`parseGateEvent`). */
export function readSettings(context: RunnerContext): Settings {
  const token = core.getInput('github-token');
  if (!token) throw new InputError('Input `github-token` is empty: leave it at its default `${{ github.token }}` or pass a token.');
  return {
    token,
    configPath: configPathInput(),
    policyFrom: policyFromInput(),
    repo: { owner: context.repo.owner, repo: context.repo.repo },
    apiUrl: context.apiUrl,
    securityToken: core.getInput('security-token') || null,
    appSlug: appSlugInput(),
    coverageFile: core.getInput('coverage-file') || null,
    workspace: process.env['GITHUB_WORKSPACE'] || process.cwd(),
    network: DEFAULT_NETWORK,
    runUrl: context.runId ? `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` : null,
    job: context.job,
    tempDir: process.env['RUNNER_TEMP'] || null,
    prBudgetMs: prTimeoutInput(),
  };
}
