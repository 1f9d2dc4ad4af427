// Cold start: from spawning `node dist/index.js` to the fake GitHub receiving the action's
// first request, beside a bare `node -e ''` started the same way. runAction cannot tell
// when its child was spawned, so this spawns the bundle itself, with the environment
// runAction gives a runner step (test/support/run-action.ts; kept in step by hand).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultToken, type FakeGitHub } from '../fake-github/index.ts';
import { runnerRef } from '../support/runner-context.ts';

/**
 * Calls `onRequest` with performance.now() as each request reaches the fake's log (the fake
 * logs a request as soon as its body is read, before it authenticates or answers it).
 * Returns a function that restores the log.
 */
export function onRequestArrival(fake: FakeGitHub, onRequest: (at: number) => void): () => void {
  const log = fake.requests;
  const push = log.push;
  log.push = function (...entries) {
    onRequest(performance.now());
    return push.apply(this, entries);
  };
  return () => {
    log.push = push;
  };
}

export interface ColdStartSetup {
  env: Record<string, string>;
  /** Removes the event, output and summary files. */
  dispose: () => Promise<void>;
}

/** The environment of a runner step for this event, as runAction builds it. */
export async function actionEnvironment(fake: FakeGitHub, eventName: string, payload: object): Promise<ColdStartSetup> {
  const event = payload as Record<string, unknown>;
  const repository = (event.repository as { full_name?: string } | undefined)?.full_name ?? 'acme/rocket';
  const dir = await mkdtemp(join(tmpdir(), 'readiness-cold-'));
  const files = { event: join(dir, 'event.json'), output: join(dir, 'output'), summary: join(dir, 'step-summary.md') };
  await Promise.all([writeFile(files.event, JSON.stringify(payload)), writeFile(files.output, ''), writeFile(files.summary, '')]);
  const { sha, ref, headRef, baseRef } = runnerRef(fake, repository, eventName, payload);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${fake.url}/graphql`,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_RUN_ID: '7000000001',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'release-readiness',
    GITHUB_WORKFLOW: 'Release readiness',
    GITHUB_ACTOR: (event.sender as { login?: string } | undefined)?.login ?? 'alice',
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    ...(headRef !== undefined ? { GITHUB_HEAD_REF: headRef } : {}),
    ...(baseRef !== undefined ? { GITHUB_BASE_REF: baseRef } : {}),
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    'INPUT_GITHUB-TOKEN': defaultToken,
    INPUT_CONFIG: '.github/readiness.yml',
  };
  return { env, dispose: () => rm(dir, { recursive: true, force: true }) };
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** performance.now() at the exit event. */
  at: number;
}

function spawnTimed(args: string[], env: Record<string, string>, timeoutMs: number): { started: number; exited: Promise<Exit> } {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
  const exited = new Promise<Exit>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, at: performance.now() });
    });
  });
  return { started, exited };
}

/** Milliseconds from spawning the bundle to the fake receiving its first request; waits for the run to end. */
export async function timeToFirstRequest(fake: FakeGitHub, bundle: string, env: Record<string, string>): Promise<number> {
  let first: number | undefined;
  const restore = onRequestArrival(fake, (at) => (first ??= at));
  try {
    const { started, exited } = spawnTimed([bundle], env, 30_000);
    const exit = await exited;
    if (exit.code !== 0) throw new Error(`node ${bundle} exited with ${exit.code ?? exit.signal} during the cold-start measurement`);
    if (first === undefined) throw new Error('The action made no request during the cold-start measurement');
    return first - started;
  } finally {
    restore();
  }
}

/** Milliseconds from spawning `node -e ''` (with the same environment) to its exit. */
export async function bareNodeStart(env: Record<string, string>): Promise<number> {
  const { started, exited } = spawnTimed(['-e', ''], env, 10_000);
  const exit = await exited;
  if (exit.code !== 0) throw new Error(`node -e '' exited with ${exit.code ?? exit.signal}`);
  return exit.at - started;
}
