// `npm run demo`: the built action (dist/index.js) against the simulated GitHub, through
// a release PR's life. Each step is a real run, exactly as a runner starts it.
import { fileURLToPath } from 'node:url';
import { checkSuiteCompletedEvent, pullRequestReviewEvent } from '../support/payloads.ts';
import { releaseWorld, REPO, type ReleaseWorld } from '../e2e/release-world.ts';
import type { ActionResult } from '../support/run-action.ts';

const bundle = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const bold = (text: string) => (process.stdout.isTTY ? `\u001b[1m${text}\u001b[0m` : text);

function show(world: ReleaseWorld, title: string, result: ActionResult): void {
  const status = world.gateStatuses()[0];
  const comment = world.gateComments()[0];
  console.log(`\n${bold(`━━ ${title}`)}`);
  console.log(`job exit code ${result.exitCode} · outputs ${JSON.stringify(result.outputs)}`);
  console.log(`status release-readiness: ${bold(status?.state ?? '(none)')} — ${status?.description ?? ''}`);
  if (comment?.body) {
    console.log(`living comment ${comment.html_url}:`);
    console.log(comment.body.replace(/^/gm, '  │ '));
  }
  if (result.exitCode !== 0) console.log(result.stdout);
}

const world = await releaseWorld();
const gate = (eventName: string, payload: object) => world.gate(eventName, payload, { bundle });
const { fake, pr } = world;
console.log(`Simulated GitHub at ${fake.url}: ${REPO}, release PR #${pr} from prepare-1.4 into release/1.4, opened by dave.`);
console.log('Policy (.github/readiness.yml on release/1.4): CI green, 2 approvals, sign-off by security (alice or bob) and sre (carol).');

try {
  show(world, '1. The PR is opened: nothing is in yet', await gate('pull_request_target', (await import('../support/payloads.ts')).pullRequestTargetEvent(fake, REPO, pr, 'opened')));

  fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
  fake.addCheckRun(REPO, world.head(), { name: 'test (ubuntu-latest)', status: 'completed', conclusion: 'success' });
  show(world, '2. CI passes (check_suite completed)', await gate('check_suite', checkSuiteCompletedEvent(fake, REPO, world.head())));

  let last: ActionResult | undefined;
  for (const user of ['alice', 'bob']) {
    const review = fake.addReview(REPO, pr, { user, state: 'APPROVED' });
    last = await gate('pull_request_review', pullRequestReviewEvent(fake, REPO, pr, review, 'submitted'));
  }
  show(world, '3. alice and bob approve', last!);

  show(world, '4. mallory, who is not in the role, comments /signoff security: ignored and listed', (await world.comment('mallory', '/signoff security')).result);

  await world.comment('alice', 'Auth changes reviewed.\n/signoff security');
  show(world, '5. The right people sign off: alice for security, carol for sre', (await world.comment('carol', '/signoff sre on-call paged')).result);

  const status = world.gateStatuses()[0];
  console.log(`\n${bold(status?.state === 'success' ? 'The release PR is ready: branch protection now lets it merge.' : 'Unexpected: the PR did not become ready.')}`);
  console.log(`${fake.requests.length} API requests in all, ${fake.violations.length} outside GitHub's OpenAPI description.`);
  if (status?.state !== 'success' || fake.violations.length > 0) process.exitCode = 1;
} finally {
  await fake.close();
}
