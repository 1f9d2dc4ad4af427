// Cold start: from spawning `node dist/index.js` to the fake GitHub receiving the action's
// first request, beside a bare `node -e ''` started the same way. runAction cannot tell
// when its child was spawned, so this spawns the bundle itself, with the environment
// runAction gives a runner step (runnerStep in test/support/run-action.ts).
import { spawn } from 'node:child_process';
import type { FakeGitHub } from '../fake-github/index.ts';
import { runnerStep } from '../support/run-action.ts';

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

/** The environment of a runner step for this event, exactly as runAction builds it. */
export async function actionEnvironment(fake: FakeGitHub, eventName: string, payload: object): Promise<ColdStartSetup> {
  const { env, dispose } = await runnerStep({ fake, eventName, payload });
  return { env, dispose };
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

export interface ActionStart {
  /** Milliseconds from spawning the bundle to the fake receiving its first request. */
  firstRequest: number;
  /** Milliseconds from spawning the bundle to its exit: the whole run. */
  wholeRun: number;
}

/** How soon the bundle's first request reaches the fake, and how long the whole run takes. */
export async function timeToFirstRequest(fake: FakeGitHub, bundle: string, env: Record<string, string>): Promise<ActionStart> {
  let first: number | undefined;
  const restore = onRequestArrival(fake, (at) => (first ??= at));
  try {
    const { started, exited } = spawnTimed([bundle], env, 30_000);
    const exit = await exited;
    if (exit.code !== 0) throw new Error(`node ${bundle} exited with ${exit.code ?? exit.signal} during the cold-start measurement`);
    if (first === undefined) throw new Error('The action made no request during the cold-start measurement');
    return { firstRequest: first - started, wholeRun: exit.at - started };
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
