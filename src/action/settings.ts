import * as core from '@actions/core';
import * as github from '@actions/github';
import type { RepoRef } from '../github/repository.ts';

/** Everything the run needs from its inputs and the runner, read once. */
export interface Settings {
  /** Token for every API call (`github-token` input). */
  token: string;
  /** Path of readiness.yml, read from each PR's base branch (`config` input). */
  configPath: string;
  repo: RepoRef;
  /** REST API root, e.g. https://api.github.com or a GHES /api/v3. */
  apiUrl: string;
  eventName: string;
  payload: Record<string, unknown>;
  /** This workflow run, so the gate can tell its own job from CI. */
  runId: string;
  /** The job id of this workflow (GITHUB_JOB); its check runs are the gate's own. */
  job: string;
  /** Where to keep the evidence snapshot for replay. */
  tempDir: string | null;
}

export class InputError extends Error {}

function configPathInput(): string {
  const path = core.getInput('config') || '.github/readiness.yml';
  if (path.startsWith('/') || path.split('/').includes('..')) {
    throw new InputError(`Input \`config\` must be a path inside the repository, like .github/readiness.yml (got \`${path}\`).`);
  }
  return path.replace(/^\.\//, '');
}

export function readSettings(): Settings {
  const token = core.getInput('github-token');
  if (!token) throw new InputError('Input `github-token` is empty: leave it at its default `${{ github.token }}` or pass a token.');
  const { context } = github;
  return {
    token,
    configPath: configPathInput(),
    repo: { owner: context.repo.owner, repo: context.repo.repo },
    apiUrl: context.apiUrl,
    eventName: context.eventName,
    payload: context.payload as Record<string, unknown>,
    runId: String(context.runId || ''),
    job: context.job || '',
    tempDir: process.env['RUNNER_TEMP'] || null,
  };
}
