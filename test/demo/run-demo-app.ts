// `npm run demo:app`: the gate as a GitHub App. The built bundle runs `release-readiness serve`
// against the simulated GitHub, which mints its installation tokens and delivers signed
// webhooks; a release PR goes from opened to deployed, and each event's time to its status is shown.
import { fileURLToPath } from 'node:url';
import { checkSuiteCompletedEvent, issueCommentEvent, pullRequestEvent, pullRequestReviewEvent } from '../support/payloads.ts';
import { releaseWorld, REPO } from '../e2e/release-world.ts';
import { appComments, appStatuses, deliverAndWait, serveWorld } from '../support/app-world.ts';

const bundle = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const bold = (text: string) => (process.stdout.isTTY ? `\u001b[1m${text}\u001b[0m` : text);

const world = await releaseWorld();
const served = await serveWorld(world, { bundle });
const { fake, pr } = world;
const [server] = served.servers;
console.log(`Simulated GitHub at ${fake.url}: ${REPO}, release PR #${pr} into release/1.4.`);
console.log(`The App ${served.app.slug} (id ${served.app.id}) is installed; its server listens at ${server!.webhookUrl}.`);
console.log('Policy: CI green, 2 approvals, sign-offs by security (alice or bob) and sre (carol).');

async function step(title: string, event: string, payload: object): Promise<void> {
  const ms = await deliverAndWait(served, event, payload);
  const status = appStatuses(world)[0];
  console.log(`\n${bold(`━━ ${title}`)}`);
  console.log(`${event} delivered → status ${bold(status?.state ?? '(none)')} by ${status?.creator?.login ?? '-'} in ${ms.toFixed(0)} ms — ${status?.description ?? ''}`);
}

try {
  await step('1. The PR is opened', 'pull_request', pullRequestEvent(fake, REPO, pr, 'opened'));
  fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
  await step('2. CI passes', 'check_suite', checkSuiteCompletedEvent(fake, REPO, world.head()));
  let review = 0;
  for (const user of ['alice', 'bob']) review = fake.addReview(REPO, pr, { user, state: 'APPROVED' });
  await step('3. Two maintainers approve', 'pull_request_review', pullRequestReviewEvent(fake, REPO, pr, review, 'submitted'));
  const security = fake.addComment(REPO, pr, { user: 'alice', body: '/signoff security' });
  await step('4. alice comments /signoff security', 'issue_comment', issueCommentEvent(fake, security.id, 'created'));
  const sre = fake.addComment(REPO, pr, { user: 'carol', body: '/signoff sre' });
  await step('5. carol comments /signoff sre', 'issue_comment', issueCommentEvent(fake, sre.id, 'created'));
  console.log(`\nThe living comment (${appComments(world)[0]?.html_url}):\n${(appComments(world)[0]?.body ?? '').replace(/^/gm, '  │ ')}`);

  fake.setPullRequest(REPO, pr, { merged: true, mergedBy: 'bob', mergeCommit: true });
  const merge = fake.pullRequest(REPO, pr).merge_commit_sha!;
  const request = fake.requestDeploymentProtection(REPO, { appId: served.app.id, environment: 'production', sha: merge, ref: 'release/1.4' });
  const started = performance.now();
  const delivery = await fake.deliver(served.app.id, 'deployment_protection_rule', request);
  const decided = await server!.waitFor((line) => line.delivery === delivery.id && line.state !== undefined, 'the deployment decision');
  const runId = Number(/runs\/(\d+)\//.exec(request.deployment_callback_url ?? '')![1]);
  console.log(`\n${bold('━━ 6. Merged as ' + merge.slice(0, 7) + '; a job deploys it to production, held by the App’s protection rule')}`);
  for (const review of fake.deploymentProtectionReviews(REPO, runId)) console.log(`  ${review.state ?? 'note'} by ${review.author}: ${review.comment}`);
  console.log(`deployment_protection_rule delivered → ${bold(String(decided['state']))} in ${(performance.now() - started).toFixed(0)} ms`);
} finally {
  for (const running of served.servers) await running.stop();
  await fake.close();
}
