// Runs the bundled gate as a GitHub App's webhook server (`node dist/index.js serve`), the way a
// container would: its settings in the environment, its structured log on stdout. The test
// waits for log lines (events), never for a fixed time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FakeGitHub, RegisteredApp } from '../fake-github/index.ts';
import { bundlePath } from './global-setup.ts';

export interface LogLine {
  time: string;
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface RunningServer {
  /** Where GitHub delivers: http://127.0.0.1:<port>/api/github/webhooks. */
  webhookUrl: string;
  url: string;
  lines: LogLine[];
  /** The first log line (already written or still to come) that matches. */
  waitFor: (match: (line: LogLine) => boolean, what: string) => Promise<LogLine>;
  /** SIGTERM, as an orchestrator stops a container; resolves with the exit code. */
  stop: () => Promise<number | null>;
  stderr: () => string;
}

const WAIT_LIMIT_MS = 20_000;

export async function startServer(fake: FakeGitHub, app: RegisteredApp, env: Record<string, string> = {}, bundle = bundlePath): Promise<RunningServer> {
  // Its signed records go to a folder of its own, removed when it stops. No periodic sweep unless
  // the test asks for one (SWEEP_MINUTES): each test decides which events the server sees.
  const records = await mkdtemp(join(tmpdir(), 'readiness-records-'));
  const child: ChildProcess = spawn(process.execPath, [bundle, 'serve'], {
    env: { PATH: process.env['PATH'] ?? '', APP_ID: String(app.id), PRIVATE_KEY: app.privateKey, WEBHOOK_SECRET: app.webhookSecret, GITHUB_API_URL: fake.url, HOST: '127.0.0.1', PORT: '0', RECORDS_DIR: records, SWEEP_MINUTES: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      line = { time: '', level: 'raw', msg: text };
    }
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.match(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = (match: (line: LogLine) => boolean, what: string) => {
    const seen = lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<LogLine>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server logged no ${what} within ${WAIT_LIMIT_MS} ms:\n${lines.map((l) => JSON.stringify(l)).join('\n')}\n${stderr}`)), WAIT_LIMIT_MS);
      waiters.push({ match, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      void exited.then(() => reject(new Error(`the server exited before logging ${what}:\n${stderr}`)));
    });
  };
  const listening = await waitFor((line) => line.msg === 'listening', 'listening line');
  const url = String(listening['url']);
  return {
    url,
    webhookUrl: `${url}${String(listening['webhooks'])}`,
    lines,
    waitFor,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      await rm(records, { recursive: true, force: true });
      return code;
    },
    stderr: () => stderr,
  };
}

/** The log line that says a delivery's evaluation is done. */
export const evaluated = (delivery: string) => (line: LogLine) => line.delivery === delivery && line.msg === 'evaluated';
