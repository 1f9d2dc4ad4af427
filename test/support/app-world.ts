// A release world served by the gate as a GitHub App: the App registered and installed on the
// fake, `release-readiness serve` started against it, and GitHub's deliveries pointed at it.
import { REPO, type ReleaseWorld } from '../e2e/release-world.ts';
import type { RegisteredApp } from '../fake-github/index.ts';
import type { Permissions } from '../fake-github/auth.ts';
import { defaultAppPermissions } from '../fake-github/state/apps.ts';
import { evaluated, startServer, type RunningServer } from './run-server.ts';

export const APP_SLUG = 'release-gate';
export const APP_BOT = `${APP_SLUG}[bot]`;

export interface AppWorld {
  world: ReleaseWorld;
  app: RegisteredApp;
  servers: RunningServer[];
}

export async function serveWorld(world: ReleaseWorld, options: { replicas?: number; bundle?: string; permissions?: Permissions } = {}): Promise<AppWorld> {
  const app = world.fake.registerApp({ slug: APP_SLUG, ...(options.permissions ? { permissions: { ...defaultAppPermissions, ...options.permissions } } : {}) });
  world.fake.installApp(app.id, REPO);
  const servers = await Promise.all(Array.from({ length: options.replicas ?? 1 }, () => startServer(world.fake, app, {}, options.bundle)));
  world.fake.webhookTarget({ url: servers[0]!.webhookUrl });
  return { world, app, servers };
}

/** Delivers the event to the server and waits until it has evaluated it; resolves with the milliseconds from sending to done. */
export async function deliverAndWait(served: AppWorld, event: string, payload: object, server = served.servers[0]!): Promise<number> {
  const started = performance.now();
  const delivery = await served.world.fake.deliver(served.app.id, event, payload, { to: server.webhookUrl });
  if (delivery.status !== 200) throw new Error(`the server answered ${delivery.status} to ${event}: ${delivery.body}`);
  await server.waitFor(evaluated(delivery.id), `evaluation of ${event} ${delivery.id}`);
  return performance.now() - started;
}

/** The gate's statuses on a commit (the head by default), newest first, and its living comments by the App. */
export const appStatuses = (world: ReleaseWorld, sha = world.head()) => world.fake.statuses(REPO, sha).filter((status) => status.context === 'release-readiness');
export const appComments = (world: ReleaseWorld) => world.gateComments().filter((comment) => comment.user?.login === APP_BOT);
