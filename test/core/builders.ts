import type {
  AlertFact,
  ChangedFilesFact,
  EvidenceProblem,
  Readable,
  TreeFact,
  CheckRunFact,
  CommentFact,
  EvidenceSnapshot,
  GateIdentity,
  PullRequestFacts,
  PushFact,
  PushRecord,
  ReviewFact,
  StatusFact,
  Lookups,
} from '../../src/core/evidence/snapshot.ts';

import { POLICY } from '../fixtures/sample-policy.ts';

export { POLICY };

export const HEAD = 'a'.repeat(40);
export const BASE = 'b'.repeat(40);
export const PR_URL = 'https://github.com/acme/rocket/pull/7';
export const COMMENT_URL = `${PR_URL}#issuecomment-900`;


export function pullRequest(overrides: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return {
    number: 7,
    title: 'Release 1.4.0',
    body: '',
    htmlUrl: PR_URL,
    state: 'open',
    merged: false,
    draft: false,
    author: { login: 'dave', type: 'User' },
    createdAt: '2026-11-21T08:00:00Z',
    base: { ref: 'release/1.4', sha: BASE },
    head: { ref: 'prepare-1.4', sha: HEAD, repo: { owner: 'acme', name: 'rocket' } },
    labels: [],
    ...overrides,
  };
}

let nextId = 1000;

export function checkRun(name: string, status = 'completed', conclusion: string | null = 'success'): CheckRunFact {
  return { id: nextId++, name, status, conclusion, htmlUrl: `https://github.com/acme/rocket/runs/${nextId}`, appSlug: 'github-actions', outputTitle: null, outputSummary: null };
}

export function status(context: string, state: string, overrides: Partial<StatusFact> = {}): StatusFact {
  return {
    id: nextId++,
    context,
    state,
    description: null,
    targetUrl: null,
    createdAt: '2026-11-21T09:00:00Z',
    creator: { login: 'ci-bot', type: 'Bot' },
    ...overrides,
  };
}

/** The gate's own status on the head, which proves when the head was pushed. */
export function gateStatus(createdAt = '2026-11-21T09:00:00Z', state = 'pending'): StatusFact {
  return status('release-readiness', state, { createdAt, targetUrl: COMMENT_URL, creator: { login: 'github-actions[bot]', type: 'Bot' } });
}

export function review(login: string, state: string, submittedAt = '2026-11-21T09:10:00Z'): ReviewFact {
  const id = nextId++;
  return { id, user: { login, type: 'User' }, state, commitId: HEAD, submittedAt, htmlUrl: `${PR_URL}#pullrequestreview-${id}` };
}

export function comment(login: string, body: string, createdAt = '2026-11-21T09:30:00Z', overrides: Partial<CommentFact> = {}): CommentFact {
  const id = nextId++;
  return {
    id,
    user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
    body,
    createdAt,
    updatedAt: createdAt,
    htmlUrl: `${PR_URL}#issuecomment-${id}`,
    plusOneReactions: 0,
    viaApp: null,
    ...overrides,
  };
}

export function alert(number: number, severity: AlertFact['severity'], extra: Partial<AlertFact> = {}): AlertFact {
  return { number, severity, title: `advisory ${number}`, htmlUrl: `https://github.com/acme/rocket/security/alerts/${number}`, ...extra };
}

export function changed(...paths: string[]): Readable<ChangedFilesFact> {
  return { ok: true, value: { files: paths.map((path) => ({ path, status: 'modified', previousPath: null })), truncated: false } };
}

export function tree(...paths: string[]): Readable<TreeFact> {
  return { ok: true, value: { paths, truncated: false } };
}

export function forbidden(what: string, fix = 'Add the permission.'): { ok: false; problem: EvidenceProblem } {
  return { ok: false, problem: { what, message: 'GitHub answered 403 Resource not accessible by integration', fix, httpStatus: 403 } };
}

/** The workflow's GITHUB_TOKEN: every workflow writes as it. */
export const SHARED_GATE: GateIdentity = { login: 'github-actions[bot]', shared: true };
/** A GitHub App's installation token: only the gate writes as it. */
export const APP_GATE: GateIdentity = { login: 'release-gate[bot]', shared: false };

/** One move of the head branch, by `actor` at `at`, from `before` to `after`. */
export function push(after: string, at: string, actor = 'dave', before = BASE, type = 'push'): PushFact {
  return { before, after, at, type, actor };
}

/** The record of pushes, given oldest first as one reads a story; GitHub lists it newest first. */
export function pushRecord(...moves: PushFact[]): Readable<PushRecord> {
  return { ok: true, value: { ref: 'refs/heads/prepare-1.4', repository: 'acme/rocket', pushes: [...moves].reverse(), complete: true } };
}

/** The head before HEAD: the PR was opened on it at 08:00. */
export const EARLIER = 'e'.repeat(40);

/**
 * The lookups of a PR whose branch dave created at 07:00 on EARLIER and pushed HEAD to at
 * 09:00 (other files), and whose commits dave wrote.
 */
export function defaultLookups(): Lookups {
  return {
    pushRecord: pushRecord(push(EARLIER, '2026-11-21T07:00:00Z', 'dave', '0'.repeat(40), 'branch_creation'), push(HEAD, '2026-11-21T09:00:00Z', 'dave', EARLIER)),
    commitAuthors: { ok: true, value: { dave: HEAD } },
    commitTrees: { [EARLIER]: { ok: true, value: 'tree-earlier' }, [HEAD]: { ok: true, value: 'tree-head' } },
    // The maintainers can write to the repository; mallory only reads it.
    permissions: Object.fromEntries([...['alice', 'bob', 'carol', 'dave', 'erin', 'frank'].map((login) => [login, { ok: true, value: 'write' }] as const), ['mallory', { ok: true, value: 'read' }] as const]),
  };
}

export interface SnapshotOptions {
  policy?: string;
  pr?: Partial<PullRequestFacts>;
  checkRuns?: CheckRunFact[];
  statuses?: StatusFact[];
  reviews?: ReviewFact[];
  comments?: CommentFact[];
  sources?: EvidenceSnapshot['sources'];
  /** Replaces the default lookups (the head pushed at 09:00 by dave). */
  lookups?: Lookups;
  identity?: GateIdentity;
}

/** A release PR with green CI, no reviews, no sign-offs; its head was pushed at 09:00 and the gate saw it then. */
export function snapshot(options: SnapshotOptions = {}): EvidenceSnapshot {
  return {
    snapshotVersion: 2,
    repository: { owner: 'acme', name: 'rocket' },
    evaluatedAt: '2026-11-21T10:00:00Z',
    gate: { context: 'release-readiness', ownCheckNames: ['release-readiness'], identity: options.identity ?? SHARED_GATE },
    pullRequest: pullRequest(options.pr),
    policy: { ok: true, value: { path: '.github/readiness.yml', ref: options.pr?.base?.ref ?? 'release/1.4', text: options.policy ?? POLICY } },
    sources: {
      checkRuns: { ok: true, value: options.checkRuns ?? [checkRun('build'), checkRun('test')] },
      statuses: { ok: true, value: options.statuses ?? [gateStatus()] },
      reviews: { ok: true, value: options.reviews ?? [] },
      comments: { ok: true, value: options.comments ?? [] },
      ...options.sources,
    },
    lookups: options.lookups ?? defaultLookups(),
  };
}

export const FORBIDDEN = { ok: false as const, problem: { what: 'check runs of aaaaaaa', message: 'GitHub answered 403 Resource not accessible by integration', fix: 'Add `checks: read` to the workflow\'s `permissions:`.', httpStatus: 403 } };
