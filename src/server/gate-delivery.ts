import { deliveryScope, parseGateEvent, type Targets } from '../gate/gate-event.ts';
import { openGateRun } from '../gate/open-gate-run.ts';
import { runGate } from '../gate/run-gate.ts';
import type { RepoRef } from '../github/repository.ts';
import { appIdentity } from '../github/token-identity.ts';
import type { Installations } from './installations.ts';
import type { StructuredLogger } from './json-logger.ts';
import type { SerialWork } from './serial-work.ts';
import { writeSignedRecords, type RecordSigner } from './signed-records.ts';

export interface Delivery {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  /** performance.now() when it arrived. */
  receivedAt: number;
}

export interface GateServer {
  installations: Installations;
  work: SerialWork;
  log: StructuredLogger;
  prBudgetMs: number;
  records: { dir: string; signer: RecordSigner };
}

/**
 * What a piece of work is about: events about one PR queue behind each other, and one still
 * waiting takes in the next, since it reads everything afresh. Only work about the very same
 * targets may fold: a finished CI run of another commit names other PRs.
 */
export function workKey(repo: RepoRef, targets: Exclude<Targets, { kind: 'ignore' }>): string {
  const name = `${repo.owner}/${repo.repo}`;
  switch (targets.kind) {
    case 'numbers':
      return `${name}#${[...targets.numbers].sort((a, b) => a - b).join(',')}`;
    case 'head-sha':
      return `${name}@${targets.sha}`;
    case 'merge-group':
      return `${name} merge group ${targets.headSha}`;
    case 'all-open':
      return `${name} every open PR`;
  }
}

/**
 * Queues the gate's answer to a webhook delivery: the same gate layer as the action, with the
 * installation's token, so the identity is the App's bot and no workflow writes as it.
 */
export async function queueGateRun(server: GateServer, delivery: Delivery): Promise<{ queued: boolean; reason: string; done?: Promise<void> }> {
  const scope = deliveryScope(delivery.payload);
  if (typeof scope === 'string') return { queued: false, reason: scope };
  const { installationId, repo } = scope;
  const log = server.log.with({ delivery: delivery.id, event: delivery.name, installation: installationId, repo: `${repo.owner}/${repo.repo}` });
  const identity = appIdentity(await server.installations.slug());
  const raw = { name: delivery.name, payload: delivery.payload, sha: '' };
  const { targets } = parseGateEvent(raw, identity);
  if (targets.kind === 'ignore') return { queued: false, reason: targets.reason };
  const key = workKey(repo, targets);
  const { folded, done } = server.work.run(key, async () => {
    const setup = await server.installations.setupFor(installationId, repo, log);
    // A rate limit that stopped an earlier run says nothing about this one: the budget itself knows what is left.
    setup.budget.stopped = null;
    const { event, context, publisher } = openGateRun(setup, raw);
    const result = await runGate({ context, publisher, event, prBudgetMs: server.prBudgetMs, runUrl: null, saveSnapshot: async () => {} });
    const ms = Math.round(performance.now() - delivery.receivedAt);
    await writeSignedRecords(result, repo, server.records.dir, server.records.signer, log);
    for (const outcome of result.outcomes) log.with({ pr: outcome.number, state: outcome.state, ms }).info(`#${outcome.number}: ${outcome.state} — ${outcome.evaluation.description}`);
    for (const failure of result.failures) log.with({ pr: failure.number, state: 'error', ms }).error(failure.message);
    for (const group of result.groups) log.with({ sha: group.sha, state: group.state, ms }).info(`merge group ${group.sha.slice(0, 7)}: ${group.description}`);
    log.with({ ms, judged: result.outcomes.length, failed: result.failures.length }).info('evaluated');
  });
  return { queued: true, reason: folded ? `folded into the evaluation already waiting for ${key}` : `queued for ${key}`, done };
}
