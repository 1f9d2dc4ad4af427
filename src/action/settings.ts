import * as core from '@actions/core';
import { regexProblem } from '../core/config/patterns.ts';
import { NAME as CHECK_ID } from '../core/config/schema.ts';
import { jsonPathProblem, type MetricLocation } from '../core/metrics/metric-report.ts';
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
  /** A measured figure to record on the commit (`metric-file` and the inputs beside it). */
  metric: MetricSettings | null;
  /** Where the workflow checked out the repository, for `coverage-file` and `metric-file`. */
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

/** A figure measured in the CI job, to record as the status `release-readiness/metric/<id>`. */
export interface MetricSettings {
  /** The id of the `metric` check that reads it (`metric` input). */
  id: string;
  /** The report, relative to the workspace (`metric-file` input). */
  file: string;
  /** Where in the report the number is (`metric-json`, `metric-pattern`, or the first number). */
  location: MetricLocation;
  /** Written after the number in the status description (`metric-unit` input). */
  unit: string | null;
}

export class InputError extends Error {}

const MAX_UNIT = 40;

function metricLocationInput(): MetricLocation {
  const path = core.getInput('metric-json');
  const pattern = core.getInput('metric-pattern');
  if (path && pattern) throw new InputError('Give `metric-json` or `metric-pattern`, not both: one says where the number is.');
  if (path) {
    const problem = jsonPathProblem(path);
    if (problem) throw new InputError(`Input \`metric-json\`: ${problem}.`);
    return { kind: 'json', path };
  }
  if (pattern) {
    const problem = regexProblem(pattern);
    if (problem) throw new InputError(`Input \`metric-pattern\`: ${problem}.`);
    return { kind: 'pattern', pattern };
  }
  return { kind: 'first-number' };
}

function metricInput(coverageFile: string | null): MetricSettings | null {
  const file = core.getInput('metric-file');
  const id = core.getInput('metric');
  if (!file) {
    const stray = ['metric', 'metric-json', 'metric-pattern', 'metric-unit'].find((name) => core.getInput(name));
    if (stray) throw new InputError(`Input \`${stray}\` is for recording a measured figure: give \`metric-file\` too (the report that holds it).`);
    return null;
  }
  if (!id) throw new InputError('Input `metric-file` needs `metric`: the id of the `metric` check in readiness.yml that reads the figure.');
  if (!CHECK_ID.test(id)) throw new InputError(`Input \`metric\` must be a check id: lowercase letters, digits, '-' and '_', starting with a letter or digit (got \`${id}\`).`);
  if (coverageFile) throw new InputError('Give `coverage-file` or `metric-file` in one step, not both: record each figure in a step of its own.');
  const unit = core.getInput('metric-unit');
  if (unit.length > MAX_UNIT || /\p{Cc}/u.test(unit)) throw new InputError(`Input \`metric-unit\` must be one line of at most ${MAX_UNIT} characters, like ms (got \`${unit.slice(0, MAX_UNIT)}\`).`);
  return { id, file, location: metricLocationInput(), unit: unit || null };
}

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
  const coverageFile = core.getInput('coverage-file') || null;
  return {
    token,
    configPath: configPathInput(),
    policyFrom: policyFromInput(),
    repo: { owner: context.repo.owner, repo: context.repo.repo },
    apiUrl: context.apiUrl,
    securityToken: core.getInput('security-token') || null,
    appSlug: appSlugInput(),
    coverageFile,
    metric: metricInput(coverageFile),
    workspace: process.env['GITHUB_WORKSPACE'] || process.cwd(),
    network: DEFAULT_NETWORK,
    runUrl: context.runId ? `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}` : null,
    job: context.job,
    tempDir: process.env['RUNNER_TEMP'] || null,
    prBudgetMs: prTimeoutInput(),
  };
}
