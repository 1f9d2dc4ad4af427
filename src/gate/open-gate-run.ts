import { createPublisher, type Publisher } from '../github/publish/publisher.ts';
import type { RateBudget } from '../github/requests/rate-budget.ts';
import type { RequestPacer } from '../github/requests/request-pacer.ts';
import { createGateContext, type GateContext, type GateContextOptions } from './gate-context.ts';
import { parseGateEvent, type GateEvent, type RawEvent } from './gate-event.ts';

/** How a delivery (the action's job, the App's webhook server) reaches GitHub and who it is there. */
export type GateSetup = Omit<GateContextOptions, 'defaultBranch'> & { budget: RateBudget; pacer: RequestPacer };

export interface OpenedGateRun {
  event: GateEvent;
  context: GateContext;
  publisher: Publisher;
}

/** One event, read once, with all an evaluation of it shares: the same for every delivery. */
export function openGateRun(setup: GateSetup, raw: RawEvent): OpenedGateRun {
  const event = parseGateEvent(raw, setup.identity);
  const context = createGateContext({ ...setup, defaultBranch: event.defaultBranch });
  return { event, context, publisher: createPublisher(setup.client, setup.repo, setup.identity, setup.log) };
}
