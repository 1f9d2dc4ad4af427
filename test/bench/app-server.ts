// Section 9: the gate as a GitHub App. From a webhook's delivery to the status it leads to, on
// the server, beside the action's own process for the same event (which on GitHub also waits
// for a runner); and what an evaluation costs when the server's ETag cache is warm.
import { releaseWorld, REPO } from '../e2e/release-world.ts';
import { appStatuses, deliverAndWait, serveWorld } from '../support/app-world.ts';
import { startServer } from '../support/run-server.ts';
import { checkSuiteCompletedEvent, issueCommentEvent, pullRequestEvent, pullRequestReviewEvent, pullRequestTargetEvent } from '../support/payloads.ts';

export interface AppServerFigures {
  /** Each lifecycle event, delivery to evaluated (the status written), in ms. */
  events: { event: string; ms: number; state: string }[];
  /** The action run as a runner starts it, for the same event (spawn to exit), in ms. */
  actionMs: number[];
  /** Requests of one evaluation with nothing changed: the first of a replica just started (cold cache) and the next (warm). */
  cold: { counted: number; notModified: number };
  warm: { counted: number; notModified: number };
}

function costOf(requests: { status: number; path: string }[]): { counted: number; notModified: number } {
  const api = requests.filter((request) => !request.path.startsWith('/app/'));
  return { counted: api.filter((request) => request.status !== 304).length, notModified: api.filter((request) => request.status === 304).length };
}

export async function appServerScenario(bundle: string, actionRuns: number): Promise<AppServerFigures> {
  const world = await releaseWorld();
  const served = await serveWorld(world, { bundle });
  const { fake, pr } = world;
  try {
    const events: AppServerFigures['events'] = [];
    const step = async (event: string, payload: object) => {
      const name = event.split(' ')[0]!;
      events.push({ event, ms: await deliverAndWait(served, name, payload), state: appStatuses(world)[0]?.state ?? '(none)' });
    };
    await step('pull_request opened', pullRequestEvent(fake, REPO, pr, 'opened'));
    fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
    await step('check_suite completed', checkSuiteCompletedEvent(fake, REPO, world.head()));
    let review = 0;
    for (const user of ['alice', 'bob']) review = fake.addReview(REPO, pr, { user, state: 'APPROVED' });
    await step('pull_request_review submitted', pullRequestReviewEvent(fake, REPO, pr, review, 'submitted'));
    for (const [user, role] of [['alice', 'security'], ['carol', 'sre']] as const) {
      const { id } = fake.addComment(REPO, pr, { user, body: `/signoff ${role}` });
      await step(`issue_comment /signoff ${role}`, issueCommentEvent(fake, id, 'created'));
    }

    // Nothing changed: the same event twice to a replica just started (its cache empty, a token of its
    // own); the second finds every answer in its ETag cache.
    await served.servers[0]!.stop();
    served.servers[0] = await startServer(fake, served.app, {}, bundle);
    const edited = pullRequestEvent(fake, REPO, pr, 'edited');
    let before = fake.requests.length;
    await deliverAndWait(served, 'pull_request', edited);
    const first = costOf(fake.requests.slice(before));
    before = fake.requests.length;
    await deliverAndWait(served, 'pull_request', edited);
    const warm = costOf(fake.requests.slice(before));

    const actionMs: number[] = [];
    const target = pullRequestTargetEvent(fake, REPO, pr, 'edited');
    for (let i = 0; i < actionRuns; i++) {
      const started = performance.now();
      await world.gate('pull_request_target', target, { bundle });
      actionMs.push(performance.now() - started);
    }
    return { events, actionMs, cold: first, warm };
  } finally {
    for (const server of served.servers) await server.stop();
    await fake.close();
  }
}
