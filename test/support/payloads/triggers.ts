// Payloads of events that name no commit or pull request: workflow_dispatch
// (the gate takes the pull request from `inputs.pr`) and schedule.
import type { WorkflowDispatchEvent } from '@octokit/webhooks-types';
import type { FakeGitHub } from '../../fake-github/index.ts';
import { envelope, example } from './examples.ts';

export interface DispatchOptions {
  /** Workflow inputs as strings, e.g. { pr: '7' }. */
  inputs?: Record<string, string>;
  /** Defaults to refs/heads/<default branch>. */
  ref?: string;
  workflow?: string;
  sender?: string;
}

export function workflowDispatchEvent(fake: FakeGitHub, repo: string, options: DispatchOptions = {}): WorkflowDispatchEvent {
  const record = fake.store.repo(repo);
  const payload = envelope(fake, example('workflow_dispatch'), repo, options.sender ?? 'alice');
  payload.inputs = { ...options.inputs };
  payload.ref = options.ref ?? `refs/heads/${record.defaultBranch}`;
  payload.workflow = options.workflow ?? '.github/workflows/readiness.yml';
  return payload as unknown as WorkflowDispatchEvent;
}

/** There is no webhook for schedule; a runner's event file holds just this. */
export function scheduleEvent(cron = '*/30 * * * *'): { schedule: string } {
  return { schedule: cron };
}
