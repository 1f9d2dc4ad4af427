import { describe, expect, it } from 'vitest';
import { truncateDescription } from '../../src/core/evaluation/gate-state.ts';
import type { EvidenceProblem } from '../../src/core/evidence/snapshot.ts';
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

/** What GitHub's answers above say, as the gate reports them (Octokit appends the documentation URL). */
const DOCS = 'https://docs.github.com/rest';
const ANSWERED: Record<string, Omit<EvidenceProblem, 'what'>> = {
  // The 403 carries X-Accepted-GitHub-Permissions: pull_requests=read, and the fix names it.
  '403': { message: `GitHub answered 403 Resource not accessible by integration - ${DOCS}`, fix: "Add `pull-requests: read` to the workflow's `permissions:` (or give the token that permission).", httpStatus: 403 },
  '404': { message: `GitHub answered 404 Not Found - ${DOCS}`, fix: 'Check that it exists and that the token can read this repository.', httpStatus: 404 },
  '422': { message: `GitHub answered 422 Validation Failed - ${DOCS}`, fix: 'Re-run the job.', httpStatus: 422 },
};
const UNREADABLE = ['malformed JSON', 'truncated JSON'];
const unreadable = (answerTo: string) => ({ message: `the request failed: GitHub's answer to ${answerTo} was not readable (a malformed or cut-off response)`, fix: 'Re-run the job.' });
/** A read whose answer does not parse, said the same way for every endpoint. */
const UNREADABLE_READ = { message: "GitHub's answer was not readable (a malformed or cut-off response)", fix: 'Re-run the job.' };

/**
 * How each endpoint's fault (one that is not retried) must be explained:
 * - `problem`: evidence that could not be read, named, with GitHub's answer and the fix; the status says what blocks;
 * - `failure`: the run fails, saying what and why; `status` is the gate's status afterwards;
 * - `warning`: a courtesy lost (null: nothing to say), the evaluation stands.
 */
type Explanation =
  | { kind: 'problem'; problem: EvidenceProblem; status: string }
  | { kind: 'failure'; failure: string | null; status: { state: string; description: string } }
  | { kind: 'warning'; warning: string | null };

const PENDING_BEFORE = { state: 'pending', description: 'Waiting for 2 sign-offs (security, sre), CI and 2 approvals' };

function evidence(what: string, status: string, fault: string, overrides: Partial<Record<string, Omit<EvidenceProblem, 'what'>>> = {}): Explanation {
  const answer = overrides[fault] ?? ANSWERED[fault] ?? UNREADABLE_READ;
  return { kind: 'problem', problem: { what, ...answer }, status };
}

/** A write GitHub refused or answered badly: the run names the write, and the status says so. */
function write(answerTo: string, fault: string, action: string): Explanation {
  const answer = ANSWERED[fault] ?? unreadable(answerTo);
  const message = `Could not ${action}: ${answer.message}`;
  return { kind: 'failure', failure: `${message}. ${answer.fix}`, status: { state: 'error', description: truncateDescription(`Cannot evaluate: ${message}`) } };
}

const EXPLAINED: Record<string, (fault: string, sha: string) => Explanation> = {
  'the PR': (fault) => {
    const answer = ANSWERED[fault] ?? UNREADABLE_READ;
    // Without the PR there is no head to set a status on: the run fails, the earlier status stands.
    return { kind: 'failure', failure: `Could not read the pull request: ${answer.message}. ${answer.fix}`, status: PENDING_BEFORE };
  },
  'the policy': (fault) => {
    const what = '.github/readiness.yml on `main`';
    if (UNREADABLE.includes(fault)) return { kind: 'problem', problem: { what, ...UNREADABLE_READ }, status: `Cannot evaluate: ${UNREADABLE_READ.message}` };
    const missing = { message: 'there is no `.github/readiness.yml` on `main`', fix: 'Commit `.github/readiness.yml` to `main` (the gate reads it from there only), or set the `config` input.', httpStatus: 404 };
    const answer = fault === '404' ? missing : ANSWERED[fault]!;
    return { kind: 'problem', problem: { what, ...answer }, status: `Cannot evaluate: ${answer.message}` };
  },
  // Without the comments no sign-off can be told: the sign-off check is what blocks.
  comments: (fault) => evidence('comments', 'Cannot evaluate: cannot read sre sign-off', fault),
  statuses: (fault, sha) => evidence(`commit statuses of ${sha}`, `Cannot evaluate: cannot read commit statuses of ${sha}; cannot read sre sign-off`, fault),
  'check runs': (fault, sha) => evidence(`check runs of ${sha}`, `Cannot evaluate: cannot read check runs of ${sha}`, fault),
  reviews: (fault) => evidence('reviews', 'Cannot evaluate: cannot read reviews', fault),
  'changed files': (fault) => evidence('changed files', 'Cannot evaluate: cannot read changed files', fault),
  'the record of pushes': (fault) =>
    evidence("GitHub's activity record of `prepare-1.4`", 'Cannot evaluate: cannot read sre sign-off', fault, {
      '404': {
        message: `GitHub answered 404 Not Found - ${DOCS}`,
        fix: "GitHub keeps the record of pushes from GitHub Enterprise Server 3.11 on; on github.com a 404 means the token cannot see the repository of the PR's head (a fork): run the gate with a token that can, e.g. a GitHub App installed on the fork's owner too.",
        httpStatus: 404,
      },
    }),
  'the commits’ authors': (fault) => evidence('the authors of the commits', 'Cannot evaluate: cannot read sre sign-off', fault),
  'editing the comment': (fault) => write('editing the readiness comment', fault, 'write the readiness comment'),
  'setting the status': (fault) => write('setting the status', fault, 'set the `release-readiness` status'),
  reacting: (fault) => {
    const said: Record<string, string> = { '403': 'Resource not accessible by integration', '404': 'Not Found', '422': 'Validation Failed' };
    // A malformed answer to a reaction is taken as done: the next run sees no 👍 and reacts again.
    return { kind: 'warning', warning: said[fault] ? `Could not react to the sign-off comment(s): ${said[fault]} - ${DOCS}` : null };
  },
};

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
          if (retried) {
            // Retried away: the run ends as if nothing happened.
            expect(result.failures, log.lines.join('\n')).toEqual([]);
            expect(latest?.state).toBe('success');
          } else {
            // Not retried: never success; the run says exactly what failed, why, and what to change.
            const expected = EXPLAINED[what]!(_fault, world.head().slice(0, 7));
            const failures = result.failures.map((f) => f.message);
            const problems = result.outcomes.flatMap((o) => o.evaluation.problems);
            const context = `${what} × ${_fault}: ${JSON.stringify({ failures, problems, status: [latest?.state, latest?.description], warnings: log.warnings })}`;
            if (expected.kind === 'warning') {
              // A failed reaction is a courtesy lost, not evidence: the gate still evaluates.
              expect(latest?.state, context).toBe('success');
              expect(failures, context).toEqual([]);
              expect(log.warnings, context).toEqual(expected.warning === null ? [] : [expected.warning]);
            } else if (expected.kind === 'failure') {
              expect(failures, context).toEqual([expected.failure]);
              expect(latest, context).toMatchObject(expected.status);
            } else {
              expect(latest?.state, context).toBe('error');
              const { message, ...rest } = expected.problem;
              expect(problems, context).toContainEqual({ ...rest, message });
              expect(latest?.description, context).toBe(expected.status);
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
