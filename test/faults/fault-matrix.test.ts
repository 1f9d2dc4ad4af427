import { describe, expect, it } from 'vitest';
import { issueCommentEvent, pullRequestTargetEvent } from '../support/payloads.ts';
import { POLICY, releaseWorld, REPO, type ReleaseWorld } from '../e2e/release-world.ts';
import { runGateInProcess } from './in-process-gate.ts';

/** A release PR that is ready in every respect; the gate has not yet posted anything for it. */
async function readyWorld(): Promise<ReleaseWorld> {
  // A check on the changed files, so that they are read.
  const world = await releaseWorld({ policy: `${POLICY}  - id: changelog\n    name: Source changed\n    files: { changed: ["src/**"] }\n` });
  // The gate saw the head once (so that sign-offs after it count), then its status was cleared.
  await world.gateOnPullRequest();
  world.fake.addCheckRun(REPO, world.head(), { name: 'build', status: 'completed', conclusion: 'success' });
  world.fake.addReview(REPO, world.pr, { user: 'alice', state: 'APPROVED' });
  world.fake.addReview(REPO, world.pr, { user: 'bob', state: 'APPROVED' });
  world.fake.addComment(REPO, world.pr, { user: 'alice', body: '/signoff security' });
  world.fake.addComment(REPO, world.pr, { user: 'carol', body: '/signoff sre' });
  return world;
}

const ENDPOINTS: [string, string, string][] = [
  ['the PR', 'GET', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['the policy', 'GET', '/repos/{owner}/{repo}/contents/{path}'],
  ['comments', 'GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['statuses', 'GET', '/repos/{owner}/{repo}/commits/{ref}/statuses'],
  ['check runs', 'GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs'],
  ['reviews', 'GET', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  ['changed files', 'GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['the record of pushes', 'GET', '/repos/{owner}/{repo}/activity'],
  ['the commits’ authors', 'GET', '/repos/{owner}/{repo}/compare/{basehead}'],
  ['editing the comment', 'PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['reacting', 'POST', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'],
  ['setting the status', 'POST', '/repos/{owner}/{repo}/statuses/{sha}'],
];

const json = { 'content-type': 'application/json; charset=utf-8' };
const error = (status: number, message: string, headers: Record<string, string> = {}) => ({ status, body: JSON.stringify({ message, documentation_url: 'https://docs.github.com/rest', status: String(status) }), headers: { ...json, ...headers } });

/** Each fault, and whether the client may retry it away. */
const FAULTS: [string, { status?: number; body?: string; headers?: Record<string, string>; delayMs?: number }, boolean][] = [
  ['403', error(403, 'Resource not accessible by integration', { 'x-accepted-github-permissions': 'pull_requests=read' }), false],
  ['404', error(404, 'Not Found'), false],
  ['422', error(422, 'Validation Failed'), false],
  ['500', error(500, 'Server Error'), true],
  ['502', { status: 502, body: '<html><body>502 Bad Gateway</body></html>', headers: { 'content-type': 'text/html' } }, true],
  ['a hang past the timeout', { delayMs: 1500 }, true],
  ['malformed JSON', { status: 200, body: '{"id": 1, "oops', headers: json }, false],
  ['truncated JSON', { status: 200, body: '[{"id": 1, "name": "build", "status": "comp', headers: json }, false],
  ['429 with retry-after', error(429, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', { 'retry-after': '1' }), true],
];

describe('fault matrix: every endpoint × every fault', () => {
  for (const [what, method, path] of ENDPOINTS) {
    describe(what, () => {
      it.each(FAULTS)('%s', async (_fault, answer, retried) => {
        const world = await readyWorld();
        try {
          world.fake.inject({ method, path, times: 1, ...answer });
          const event = path.endsWith('/reactions') ? issueCommentEvent(world.fake, world.fake.comments(REPO, world.pr).at(-1)!.id, 'created') : pullRequestTargetEvent(world.fake, REPO, world.pr, 'edited');
          const { result, log } = await runGateInProcess(world.fake, path.endsWith('/reactions') ? 'issue_comment' : 'pull_request_target', event);
          expect(world.fake.pendingFaults, 'the fault was hit').toBe(0);
          const latest = world.gateStatuses()[0];
          const states = result.outcomes.map((o) => o.evaluation.state);
          if (retried) {
            // Retried away: the run ends as if nothing happened.
            expect(result.failures, log.lines.join('\n')).toEqual([]);
            expect(latest?.state).toBe('success');
          } else {
            // Not retried: never success; the run says what went wrong.
            const reacting = path.endsWith('/reactions');
            if (reacting) {
              // A failed reaction is a courtesy lost, not evidence: the gate still evaluates.
              expect(latest?.state).toBe('success');
            } else {
              expect(latest?.state, `${what}: ${JSON.stringify(states)}`).not.toBe('success');
              const explained = [...result.failures.map((f) => f.message), ...result.outcomes.flatMap((o) => [o.evaluation.description, ...o.evaluation.problems.map((p) => `${p.what}: ${p.message}`)])].join('\n');
              expect(explained, 'the run explains the fault').toMatch(/GitHub answered|request failed|could not|Could not|Cannot|cannot/);
            }
          }
          // No sign-off is lost: a clean run afterwards is ready again.
          await runGateInProcess(world.fake, 'pull_request_target', pullRequestTargetEvent(world.fake, REPO, world.pr, 'edited'));
          expect(world.gateStatuses()[0]?.state).toBe('success');
          expect(world.gateComments()).toHaveLength(1);
        } finally {
          await world.fake.close();
        }
      });
    });
  }
});
