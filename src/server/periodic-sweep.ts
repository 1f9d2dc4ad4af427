import { errorMessage } from '../core/errors/error-message.ts';
import type { GateServer } from './gate-delivery.ts';
import { queueGateRun } from './gate-delivery.ts';

/**
 * What a workflow's `schedule` does for the action: every installation's open release PRs judged
 * again, so that a release window that opens, a waiver that expires or a reminder that falls due
 * changes the status with no event to say so. Each repository's sweep queues behind its events.
 */
export async function sweepInstallations(server: GateServer): Promise<void> {
  const started = performance.now();
  let repositories = 0;
  const queued: Promise<void>[] = [];
  try {
    for await (const { installationId, repo } of server.installations.repositories(server.log)) {
      repositories++;
      const payload = { installation: { id: installationId }, repository: { full_name: `${repo.owner}/${repo.repo}` } };
      const answer = await queueGateRun(server, { id: `sweep-${Date.now()}-${repositories}`, name: 'schedule', payload, receivedAt: performance.now() });
      if (answer.done) queued.push(answer.done);
    }
    await Promise.all(queued);
    server.log.with({ repositories, ms: Math.round(performance.now() - started) }).info('swept');
  } catch (error) {
    server.log.warning(`the periodic sweep stopped: ${errorMessage(error)}`);
  }
}

/** Sweeps at start, then every `minutes`; 0 turns it off. Returns what stops it. */
export function scheduleSweeps(server: GateServer, minutes: number): () => void {
  if (minutes === 0) return () => {};
  let running: Promise<void> | null = null;
  const sweep = () => {
    // One sweep at a time: a slow one is not stacked on.
    running ??= sweepInstallations(server).finally(() => (running = null));
  };
  sweep();
  const timer = setInterval(sweep, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
