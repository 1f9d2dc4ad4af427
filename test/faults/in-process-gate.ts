// Runs the gate's real composition (Octokit with its retry and throttling plugins, real
// HTTP to the fake GitHub) inside the test process, with short network timings: the
// fault matrix has a hundred cells, and a hang must cost 300 ms, not 10 s.
import { readFileSync } from 'node:fs';
import { run } from '../../src/action/run.ts';
import type { Settings } from '../../src/action/settings.ts';
import type { RunResult } from '../../src/gate/run-gate.ts';
import type { FakeGitHub } from '../fake-github/index.ts';

export interface GateLog {
  lines: string[];
  warnings: string[];
}

export async function runGateInProcess(fake: FakeGitHub, eventName: string, payload: object, token = 'ghs_gate'): Promise<{ result: RunResult; log: GateLog }> {
  const log: GateLog = { lines: [], warnings: [] };
  const settings: Settings = {
    token,
    configPath: '.github/readiness.yml',
    repo: { owner: 'acme', repo: 'rocket' },
    apiUrl: fake.url,
    job: 'release-readiness',
    securityToken: null,
    appSlug: null,
    policyFrom: 'default-branch',
    coverageFile: null,
    metric: null,
    workspace: process.cwd(),
    runUrl: null,
    network: { requestTimeoutMs: 300, retries: 2, retryBaseMs: 10, activityWaitsMs: [10, 20] },
    tempDir: null,
    prBudgetMs: 60_000,
  };
  const logger = {
    info: (message: string) => log.lines.push(message),
    debug: () => {},
    warning: (message: string) => log.warnings.push(message),
    startGroup: () => {},
    endGroup: () => {},
  };
  const event = { name: eventName, payload: JSON.parse(JSON.stringify(payload)) as Record<string, unknown>, sha: '' };
  const result = await run(settings, event, logger, () => new Date().toISOString());
  return { result, log };
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}
