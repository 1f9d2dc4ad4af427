// A repository with a release branch, its readiness.yml, and a release PR into it:
// the starting point of most end-to-end tests.
import { afterEach } from 'vitest';
import { expectNoViolations } from '../support/expect-no-violations.ts';
import { createFakeGitHub, type CommitStatus, type FakeGitHub, type IssueComment } from '../fake-github/index.ts';
import { issueCommentEvent, pullRequestTargetEvent } from '../support/payloads.ts';
import { runAction, type ActionResult, type RunActionOptions } from '../support/run-action.ts';

export const REPO = 'acme/rocket';

/** The people of the README's example, who can write to the repository. */
export const MAINTAINERS = ['alice', 'bob', 'carol', 'dave', 'erin'];

export { POLICY } from '../fixtures/sample-policy.ts';
import { POLICY } from '../fixtures/sample-policy.ts';

export interface ReleaseWorld {
  fake: FakeGitHub;
  pr: number;
  head: () => string;
  /** Runs the bundled action on an event, as the runner would. */
  gate: (eventName: string, payload: object, options?: Partial<RunActionOptions>) => Promise<ActionResult>;
  /** The PR was opened (or pushed to): the gate runs on pull_request_target. */
  gateOnPullRequest: (action?: 'opened' | 'synchronize' | 'edited' | 'labeled') => Promise<ActionResult>;
  /** Someone comments, and the gate runs on the comment. */
  comment: (user: string, body: string) => Promise<{ id: number; result: ActionResult }>;
  /** The gate's status on the head commit, newest first. */
  gateStatuses: () => CommitStatus[];
  gateComments: () => IssueComment[];
}

export interface ReleaseWorldOptions {
  policy?: string;
  base?: string;
  title?: string;
  /** Options of every run of the action in this world (e.g. the env of a runner that trusts a CA); a run's own options add to them. */
  run?: Partial<RunActionOptions>;
}

export async function releaseWorld(options: ReleaseWorldOptions = {}): Promise<ReleaseWorld> {
  const fake = await createFakeGitHub();
  const base = options.base ?? 'release/1.4';
  fake.createRepo(REPO, { defaultBranch: 'main', files: { 'README.md': '# rocket\n', 'src/app.ts': 'export const version = "1.3";\n' } });
  // The policy lives on the default branch, where the gate reads it; the release branch is cut from there.
  fake.commit(REPO, 'main', { '.github/readiness.yml': options.policy ?? POLICY }, { message: 'Release policy' });
  if (base !== 'main') fake.commit(REPO, base, { VERSION: `${base}\n` }, { message: `Cut ${base}` });
  fake.commit(REPO, 'prepare-1.4', { 'src/app.ts': 'export const version = "1.4";\n' });
  const pr = fake.openPullRequest(REPO, { base, head: 'prepare-1.4', title: options.title ?? 'Release 1.4.0', author: 'dave' });
  // The maintainers can write to the repository (their reviews count); anyone else only reads it.
  for (const login of MAINTAINERS) fake.setRepoPermission(REPO, login, 'write');

  const run = options.run ?? {};
  const gate = (eventName: string, payload: object, extra: Partial<RunActionOptions> = {}) =>
    runAction({ fake, eventName, payload, ...run, ...extra, inputs: { ...run.inputs, ...extra.inputs }, env: { ...run.env, ...extra.env } });
  const world: ReleaseWorld = {
    fake,
    pr,
    head: () => fake.headSha(REPO, pr),
    gate,
    gateOnPullRequest: (action = 'opened') => gate('pull_request_target', pullRequestTargetEvent(fake, REPO, pr, action)),
    comment: async (user, body) => {
      const { id } = fake.addComment(REPO, pr, { user, body });
      return { id, result: await gate('issue_comment', issueCommentEvent(fake, id, 'created')) };
    },
    gateStatuses: () => fake.statuses(REPO, world.head()).filter((status) => status.context === 'release-readiness'),
    gateComments: () => fake.comments(REPO, pr).filter((comment) => comment.body?.includes('<!-- release-readiness:living-comment -->')),
  };
  return world;
}

/** The lines of a run's log, for assertions and for a failing test's message. */
export function logOf(result: ActionResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

/**
 * Creates a world per test and, after each, checks that every request the action made
 * was one GitHub's OpenAPI description allows, then stops the fake.
 */
export function useReleaseWorlds(): (options?: ReleaseWorldOptions) => Promise<ReleaseWorld> {
  let current: ReleaseWorld | undefined;
  afterEach(async () => {
    if (!current) return;
    const world = current;
    current = undefined;
    try {
      expectNoViolations(world.fake);
    } finally {
      await world.fake.close();
    }
  });
  return async (options) => (current = await releaseWorld(options));
}
