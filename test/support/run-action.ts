// Runs the bundled action the way a GitHub-hosted runner does: a fresh Node
// process, a clean environment of GITHUB_* / RUNNER_* / INPUT_* variables, the
// event payload in a file, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files to read
// back afterwards.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeGitHub } from '../fake-github/index.ts';
import { defaultToken } from '../fake-github/index.ts';
import { bundlePath } from './global-setup.ts';
import { runnerRef } from './runner-context.ts';

export interface RunActionOptions {
  fake: FakeGitHub;
  /** Path of the bundled action; defaults to the bundle built by the vitest global setup. */
  bundle?: string;
  eventName: string;
  payload: object;
  /** Action inputs by name as in action.yml (`github-token`, `config`, ...). */
  inputs?: Record<string, string>;
  /** Defaults to ghs_gate, the gate's GITHUB_TOKEN. */
  token?: string;
  /** Extra or overriding environment variables. */
  env?: Record<string, string>;
  /** Kills the action after this long; defaults to 20 s. */
  timeoutMs?: number;
  /** Defaults to the `repository.full_name` of the payload, else acme/rocket. */
  repository?: string;
}

export interface ActionResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses the file-command format: `name<<DELIM\nvalue\nDELIM` (and plain `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] && heredoc[2]) {
      const end = lines.indexOf(heredoc[2], i + 1);
      if (end < 0) throw new Error(`Unterminated output ${heredoc[1]} in GITHUB_OUTPUT`);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  // Like the runner: upper case, spaces to underscores, hyphens kept (INPUT_GITHUB-TOKEN).
  return Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]));
}

export interface RunnerStep {
  env: Record<string, string>;
  files: { event: string; output: string; summary: string; runnerTemp: string };
  /** Removes the event, output and summary files. */
  dispose: () => Promise<void>;
}

/** The environment and files of a runner step for this event: what runAction and the bench start the bundle with. */
export async function runnerStep(options: Omit<RunActionOptions, 'bundle' | 'timeoutMs'>): Promise<RunnerStep> {
  const payload = options.payload as Record<string, unknown>;
  const repository = options.repository ?? (payload.repository as { full_name?: string } | undefined)?.full_name ?? 'acme/rocket';
  const dir = await mkdtemp(join(tmpdir(), 'readiness-run-'));
  const files = { event: join(dir, 'event.json'), output: join(dir, 'output'), summary: join(dir, 'step-summary.md'), runnerTemp: dir };
  await Promise.all([writeFile(files.event, JSON.stringify(payload)), writeFile(files.output, ''), writeFile(files.summary, '')]);
  const { sha, ref, headRef, baseRef } = runnerRef(options.fake, repository, options.eventName, payload);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_API_URL: options.fake.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${options.fake.url}/graphql`,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_RUN_ID: '7000000001',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'release-readiness',
    GITHUB_WORKFLOW: 'Release readiness',
    GITHUB_ACTOR: (payload.sender as { login?: string } | undefined)?.login ?? 'alice',
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    ...(headRef !== undefined ? { GITHUB_HEAD_REF: headRef } : {}),
    ...(baseRef !== undefined ? { GITHUB_BASE_REF: baseRef } : {}),
    RUNNER_TEMP: files.runnerTemp,
    RUNNER_OS: 'Linux',
    ...inputEnv({ 'github-token': options.token ?? defaultToken, config: '.github/readiness.yml', ...options.inputs }),
    ...options.env,
  };
  return { env, files, dispose: () => rm(dir, { recursive: true, force: true }) };
}

export async function runAction(options: RunActionOptions): Promise<ActionResult> {
  const { env, files, dispose } = await runnerStep(options);
  try {
    const run = await spawnNode(options.bundle ?? bundlePath, env, options.timeoutMs ?? 20_000);
    const [outputText, summary] = await Promise.all([readFile(files.output, 'utf8'), readFile(files.summary, 'utf8')]);
    return { ...run, outputs: parseOutputFile(outputText), summary };
  } finally {
    await dispose();
  }
}

function spawnNode(script: string, env: Record<string, string>, timeoutMs: number): Promise<Omit<ActionResult, 'outputs' | 'summary'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, timedOut, stdout, stderr });
    });
  });
}
