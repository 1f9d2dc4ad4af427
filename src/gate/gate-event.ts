import type { GateIdentity } from '../core/evidence/snapshot.ts';
import { isGateComment } from '../core/markers/gate-comments.ts';

/** The context of the gate's commit status, which branch protection requires. */
export const STATUS_CONTEXT = 'release-readiness';

/** Which pull requests an event asks the gate to evaluate. */
export type Targets =
  | { kind: 'numbers'; numbers: number[] }
  | { kind: 'head-sha'; sha: string }
  | { kind: 'all-open' }
  /** A merge queue asks for the status of a group's commit (`merge_group` `checks_requested`). */
  | { kind: 'merge-group'; headSha: string; baseSha: string; base: string }
  | { kind: 'ignore'; reason: string };

type Payload = Record<string, unknown>;

function record(value: unknown): Payload {
  return typeof value === 'object' && value !== null ? (value as Payload) : {};
}

function number(value: unknown): number | null {
  const parsed = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof parsed === 'number' && Number.isInteger(parsed) && parsed > 0 ? parsed : null;
}

function sha(value: unknown): string | null {
  return typeof value === 'string' && /^[0-9a-f]{40}$/.test(value) ? value : null;
}

function byNumber(value: unknown, what: string): Targets {
  const n = number(value);
  return n === null ? { kind: 'ignore', reason: `the ${what} payload has no pull request number` } : { kind: 'numbers', numbers: [n] };
}

function byHead(value: unknown, what: string): Targets {
  const head = sha(value);
  return head === null ? { kind: 'ignore', reason: `the ${what} payload has no head commit` } : { kind: 'head-sha', sha: head };
}

function login(value: unknown): string {
  return String(record(value)['login'] ?? '');
}

function eventTargets(eventName: string, payload: Payload, ownContext: string, identity: GateIdentity): Targets {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      if (payload['action'] === 'closed') return { kind: 'ignore', reason: 'the pull request was closed' };
      return byNumber(record(payload['pull_request'])['number'], eventName);
    case 'pull_request_review':
      return byNumber(record(payload['pull_request'])['number'], eventName);
    case 'issue_comment': {
      const issue = record(payload['issue']);
      if (!issue['pull_request']) return { kind: 'ignore', reason: 'the comment is on an issue, not a pull request' };
      const comment = record(payload['comment']);
      if (isGateComment({ body: String(comment['body'] ?? ''), user: { login: login(comment['user']) } }, identity)) {
        return { kind: 'ignore', reason: 'the comment is the gate’s own' };
      }
      return byNumber(issue['number'], eventName);
    }
    case 'check_suite':
      return byHead(record(payload['check_suite'])['head_sha'], eventName);
    case 'check_run':
      return byHead(record(payload['check_run'])['head_sha'], eventName);
    case 'workflow_run':
      return byHead(record(payload['workflow_run'])['head_sha'], eventName);
    case 'deployment_status':
      // A `deployment` check of the head it deployed may have changed.
      return byHead(record(payload['deployment'])['sha'], eventName);
    case 'status': {
      const context = String(payload['context'] ?? '');
      const own = context === ownContext || context.startsWith(`${ownContext}/`);
      // The gate's own writes must not wake it again; the same context written by anyone else
      // is a forgery (or a recorded figure) to re-evaluate at once.
      if (own && login(payload['sender']) === identity.login) return { kind: 'ignore', reason: 'the status is the gate’s own' };
      return byHead(payload['sha'], eventName);
    }
    case 'workflow_dispatch': {
      const pr = record(payload['inputs'])['pr'];
      if (pr === undefined || pr === '') return { kind: 'all-open' };
      return byNumber(pr, 'workflow_dispatch input `pr`');
    }
    case 'schedule':
      return { kind: 'all-open' };
    case 'merge_group': {
      if (payload['action'] !== 'checks_requested') return { kind: 'ignore', reason: `the merge group was ${String(payload['action'])}` };
      const group = record(payload['merge_group']);
      const headSha = sha(group['head_sha']);
      const baseSha = sha(group['base_sha']);
      const base = String(group['base_ref'] ?? '').replace(/^refs\/heads\//, '');
      if (!headSha || !baseSha || !base) return { kind: 'ignore', reason: 'the merge_group payload has no head or base commit' };
      return { kind: 'merge-group', headSha, baseSha, base };
    }
    default:
      return { kind: 'ignore', reason: `the \`${eventName}\` event is not one the gate handles (see the README for the events to use)` };
  }
}

/** What the run was woken for, read from the event once: nothing else looks at the payload. */
export interface GateEvent {
  name: string;
  targets: Targets;
  /** A scheduled run is the one that posts reminders. */
  scheduled: boolean;
  /** The commit the run is about: a push's `after`, else the workflow's commit (for a recorded figure). */
  commit: string;
  /** The repository's default branch, when the payload says it (a schedule's does not). */
  defaultBranch: string | null;
}

export interface RawEvent {
  name: string;
  payload: Payload;
  /** GITHUB_SHA. */
  sha: string;
}

export function parseGateEvent(raw: RawEvent, identity: GateIdentity): GateEvent {
  const { name, payload } = raw;
  const defaultBranch = String(record(payload['repository'])['default_branch'] ?? '');
  return {
    name,
    targets: eventTargets(name, payload, STATUS_CONTEXT, identity),
    scheduled: name === 'schedule',
    commit: sha(payload['after']) ?? raw.sha,
    defaultBranch: defaultBranch || null,
  };
}

/** Where a GitHub App's webhook delivery belongs: its installation and repository, or why it names none. */
export function deliveryScope(payload: Payload): { installationId: number; repo: { owner: string; repo: string } } | string {
  const installationId = record(payload['installation'])['id'];
  if (typeof installationId !== 'number') return 'the delivery names no installation';
  const [owner, repo, ...rest] = String(record(payload['repository'])['full_name'] ?? '').split('/');
  if (!owner || !repo || rest.length > 0) return 'the delivery names no repository';
  return { installationId, repo: { owner, repo } };
}

/** A `deployment_protection_rule` `requested` delivery: what is deployed where, and where to answer. */
export interface ProtectionRequest {
  environment: string;
  sha: string;
  callbackUrl: string;
}

export function protectionRequest(payload: Payload): ProtectionRequest | string {
  if (payload['action'] !== 'requested') return `a deployment protection rule ${String(payload['action'])}: nothing to answer`;
  const environment = String(payload['environment'] ?? '');
  const commit = sha(payload['sha']);
  if (!environment || !commit) return 'the deployment protection rule names no environment or commit';
  return { environment, sha: commit, callbackUrl: String(payload['deployment_callback_url'] ?? '') };
}
