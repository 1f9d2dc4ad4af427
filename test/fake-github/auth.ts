// Tokens and the fine-grained permissions each implemented endpoint needs, so a
// workflow's `permissions:` block can be simulated. A requirement is a list of
// alternatives; GitHub reports them in x-accepted-github-permissions, joined by
// "; " (and permissions within one alternative by ",").

export type Access = 'read' | 'write';
export type Permissions = Record<string, Access | 'none'>;

/**
 * `github-token`: a workflow's GITHUB_TOKEN, limited to what a `permissions:`
 * block can grant. `app`: a GitHub App installation token, which may hold any
 * repository or organisation permission the app was given. `user`: a person's
 * fine-grained personal access token, which acts with the person's own
 * repository role as well as its permissions.
 */
export type TokenKind = 'github-token' | 'app' | 'user';

export interface TokenGrant {
  actor: string;
  permissions: Permissions;
  kind: TokenKind;
  /** A registered GitHub App's own credential (see app-auth.ts); absent for tokens made with addToken(). */
  app?: AppCredential;
}

/**
 * Without `installationId`, the App itself, authenticated by its JWT. With
 * it, an installation access token: it acts as the App's bot, until
 * `expiresAt` (ms on the fake's clock), on the installation's repositories,
 * or only on `repositories` (full names) when it was minted for some.
 */
export interface AppCredential {
  appId: number;
  installationId?: number;
  expiresAt?: number;
  repositories?: string[];
}

// The permissions a workflow's `permissions:` key can grant (with `-` spelt
// `_`). A GITHUB_TOKEN never holds any other, e.g. secret_scanning_alerts, so
// it gets 403 there whatever a test writes in its permissions.
const githubTokenGrantable = new Set([
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id_token',
  'issues',
  'metadata',
  'models',
  'packages',
  'pages',
  'pull_requests',
  'repository_projects',
  'security_events',
  'statuses',
  'vulnerability_alerts',
]);

/** The permissions of the gate's GITHUB_TOKEN in the documented workflow. */
export const gatePermissions: Permissions = {
  contents: 'read',
  pull_requests: 'write',
  statuses: 'write',
  checks: 'read',
  issues: 'write',
};

type Requirement = Record<string, Access>[];

const issueRead: Requirement = [{ issues: 'read' }, { pull_requests: 'read' }];
const issueWrite: Requirement = [{ issues: 'write' }, { pull_requests: 'write' }];

// Every token can read repository metadata; everything else must be granted.
export const operationPermissions: Record<string, Requirement> = {
  'repos/get': [{ metadata: 'read' }],
  'pulls/get': [{ pull_requests: 'read' }],
  'pulls/list': [{ pull_requests: 'read' }],
  'pulls/list-reviews': [{ pull_requests: 'read' }],
  'pulls/list-files': [{ pull_requests: 'read' }],
  'repos/get-content': [{ contents: 'read' }],
  'checks/list-for-ref': [{ checks: 'read' }],
  'repos/list-commit-statuses-for-ref': [{ statuses: 'read' }],
  'repos/get-combined-status-for-ref': [{ statuses: 'read' }],
  'repos/create-commit-status': [{ statuses: 'write' }],
  'issues/list-comments': issueRead,
  'issues/get-comment': issueRead,
  'issues/create-comment': issueWrite,
  'issues/update-comment': issueWrite,
  'issues/delete-comment': issueWrite,
  'reactions/list-for-issue-comment': issueRead,
  'reactions/create-for-issue-comment': issueWrite,
  'git/get-tree': [{ contents: 'read' }],
  'git/get-commit': [{ contents: 'read' }],
  'dependabot/list-alerts-for-repo': [{ vulnerability_alerts: 'read' }],
  'secret-scanning/list-alerts-for-repo': [{ secret_scanning_alerts: 'read' }],
  'code-scanning/list-alerts-for-repo': [{ security_events: 'read' }],
  'pulls/list-commits': [{ pull_requests: 'read' }],
  'repos/list-pull-requests-associated-with-commit': [{ pull_requests: 'read' }],
  'repos/compare-commits-with-basehead': [{ contents: 'read' }],
  'repos/compare-commits': [{ contents: 'read' }],
  'repos/list-activities': [{ contents: 'read' }],
  'repos/get-collaborator-permission-level': [{ metadata: 'read' }],
  'repos/list-deployments': [{ deployments: 'read' }],
  'repos/get-deployment': [{ deployments: 'read' }],
  'repos/create-deployment': [{ deployments: 'write' }],
  'repos/list-deployment-statuses': [{ deployments: 'read' }],
  'repos/get-deployment-status': [{ deployments: 'read' }],
  'repos/create-deployment-status': [{ deployments: 'write' }],
  'actions/review-custom-gates-for-run': [{ deployments: 'write' }],
  // An organisation permission: no workflow `permissions:` key grants it.
  'teams/get-membership-for-user-in-org': [{ members: 'read' }],
};

/** GitHub's 403 message names what kind of token fell short. */
export function notAccessible(kind: TokenKind): string {
  return kind === 'user' ? 'Resource not accessible by personal access token' : 'Resource not accessible by integration';
}

function grants(grant: TokenGrant, name: string, access: Access): boolean {
  if (name === 'metadata') return true;
  if (grant.kind === 'github-token' && !githubTokenGrantable.has(name)) return false;
  const held = grant.permissions[name];
  return held === 'write' || (held === 'read' && access === 'read');
}

export type AuthDecision = { ok: true } | { ok: false; accepted: string };

export function authorize(grant: TokenGrant, operationId: string): AuthDecision {
  const requirement = operationPermissions[operationId];
  if (!requirement) return { ok: true };
  if (requirement.some((alt) => Object.entries(alt).every(([name, access]) => grants(grant, name, access)))) return { ok: true };
  const accepted = requirement.map((alt) => Object.entries(alt).map(([n, a]) => `${n}=${a}`).join(',')).join('; ');
  return { ok: false, accepted };
}

export class Tokens {
  #grants = new Map<string, TokenGrant>();

  add(token: string, grant: TokenGrant): void {
    this.#grants.set(token, { actor: grant.actor, permissions: { ...grant.permissions }, kind: grant.kind, ...(grant.app ? { app: { ...grant.app } } : {}) });
  }

  /** Accepts `token X` and `Bearer X`, as GitHub does. */
  fromHeader(header: string | undefined): TokenGrant | undefined {
    return this.identify(header)?.grant;
  }

  /** The token as well as its grant: rate limits are counted per token, not per actor. */
  identify(header: string | undefined): { token: string; grant: TokenGrant } | undefined {
    const token = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
    const grant = token === undefined ? undefined : this.#grants.get(token);
    return token !== undefined && grant ? { token, grant } : undefined;
  }

  get(token: string): TokenGrant | undefined {
    return this.#grants.get(token);
  }
}

/**
 * What the primary rate limit counts against: an installation's tokens share
 * the installation's hour, as on GitHub; any other token has its own.
 */
export function rateBucket(token: string, grant: TokenGrant): string {
  return grant.app?.installationId === undefined ? token : `installation:${grant.app.installationId}`;
}
