// `npm run demo`: the built action (dist/index.js) against the simulated GitHub, through
// a release PR's life. Each step is a real run, exactly as a runner starts it.
import { fileURLToPath } from 'node:url';
import { gatePermissions } from '../fake-github/index.ts';
import { checkSuiteCompletedEvent, pullRequestEvent, pullRequestReviewEvent, pullRequestTargetEvent, workflowDispatchEvent } from '../support/payloads.ts';
import { POLICY, releaseWorld, REPO, type ReleaseWorld } from '../e2e/release-world.ts';
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

const policy = `${POLICY}  - id: coverage
    name: Code coverage maintained (minimum 75%)
    coverage: { min: 75 }
  - id: dependencies
    name: No critical or high vulnerabilities
    dependabot: { severity: high }
  - id: latency
    name: Measure latency overhead (<10ms expected)
    metric: { label: p95 overhead, from: benchmark, pattern: 'p95 overhead: ([0-9.]+) ms', unit: ms, max: 10 }
  - id: window
    name: Deployment window
    window: { when: ["Mon-Thu 09:00-16:00"], zone: Europe/Berlin }
`;
const world = await releaseWorld({ policy });
const { fake, pr } = world;
// The workflow grants `vulnerability-alerts: read` besides the README's four permissions.
fake.addToken('ghs_demo', { actor: 'github-actions[bot]', kind: 'github-token', permissions: { ...gatePermissions, vulnerability_alerts: 'read' } });
const gate = (eventName: string, payload: object, inputs: Record<string, string> = {}) =>
  world.gate(eventName, payload, { bundle, token: 'ghs_demo', inputs, env: { GITHUB_WORKSPACE: fileURLToPath(new URL('../core/coverage/fixtures/', import.meta.url)) } });
console.log(`Simulated GitHub at ${fake.url}: ${REPO}, release PR #${pr} from prepare-1.4 into release/1.4, opened by dave.`);
console.log('Policy (.github/readiness.yml on release/1.4): CI green, 2 approvals, coverage ≥ 75%, no high Dependabot alert,');
console.log('p95 latency overhead at most 10 ms (from the benchmark job), merging Mon–Thu 09:00–16:00 Berlin time only,');
console.log('sign-off by security (alice or bob) and sre (carol). lodash has an open critical Dependabot alert. It is Saturday.');
fake.addDependabotAlert(REPO, { severity: 'critical', packageName: 'lodash', summary: 'Prototype Pollution in lodash' });

try {
  show(world, '1. The PR is opened: nothing is in yet', await gate('pull_request_target', pullRequestTargetEvent(fake, REPO, pr, 'opened')));

  const recorded = await gate('pull_request', pullRequestEvent(fake, REPO, pr, 'synchronize'), { 'coverage-file': 'c8-lcov.info' });
  console.log(`\n${bold('━━ 2a. The CI job records coverage from its lcov report')}\njob exit code ${recorded.exitCode}; ${recorded.stdout.split('\n').find((line) => line.startsWith('Coverage of')) ?? ''}`);
  fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
  fake.addCheckRun(REPO, world.head(), { name: 'test (ubuntu-latest)', status: 'completed', conclusion: 'success' });
  fake.addCheckRun(REPO, world.head(), { name: 'benchmark', status: 'completed', conclusion: 'success', output: { title: 'Benchmarks', summary: 'p95 overhead: 7.4 ms over 10,000 requests' } });
  show(world, '2b. CI passes, the benchmark measures 7.4 ms (check_suite completed): the Dependabot alert still blocks', await gate('check_suite', checkSuiteCompletedEvent(fake, REPO, world.head())));

  fake.setDependabotAlertState(REPO, 1, 'fixed');
  show(world, '2c. lodash is upgraded on the base branch and the alert is fixed (re-run by workflow_dispatch)', await gate('workflow_dispatch', workflowDispatchEvent(fake, REPO, { inputs: { pr: String(pr) } })));

  let last: ActionResult | undefined;
  for (const user of ['alice', 'bob']) {
    const review = fake.addReview(REPO, pr, { user, state: 'APPROVED' });
    last = await gate('pull_request_review', pullRequestReviewEvent(fake, REPO, pr, review, 'submitted'));
  }
  show(world, '3. alice and bob approve', last!);

  const comment = async (user: string, body: string) => {
    const { id } = fake.addComment(REPO, pr, { user, body });
    return gate('issue_comment', (await import('../support/payloads.ts')).issueCommentEvent(fake, id, 'created'));
  };
  show(world, '4. mallory, who is not in the role, comments /signoff security: ignored and listed', await comment('mallory', '/signoff security'));

  await comment('alice', 'Auth changes reviewed.\n/signoff security');
  show(world, '5. The right people sign off: alice for security, carol for sre; it is still the weekend', await comment('carol', '/signoff sre on-call paged'));

  // Monday, 09:30 in Berlin: the hourly scheduled run finds the window open.
  fake.clock.advance(Date.parse('2026-11-23T08:30:00Z') / 1000 - fake.clock.epochSeconds());
  show(world, '6. Monday 09:30 Berlin time: the scheduled run finds the release window open', await gate('schedule', { schedule: '17 * * * *' }));

  const status = world.gateStatuses()[0];
  console.log(`\n${bold(status?.state === 'success' ? 'The release PR is ready: branch protection now lets it merge.' : 'Unexpected: the PR did not become ready.')}`);
  console.log(`${fake.requests.length} API requests in all, ${fake.violations.length} outside GitHub's OpenAPI description.`);
  if (status?.state !== 'success' || fake.violations.length > 0) process.exitCode = 1;
} finally {
  await fake.close();
}
