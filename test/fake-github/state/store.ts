// The fake's whole state, plus lookups shared by the world API and the routes.
// Lookups throw FakeNotFound; routes turn that into a GitHub-style 404.
import { Clock } from '../clock.ts';
import { IdSequence } from '../ids.ts';
import type { ActivityRecord } from './activity.ts';
import type { RepoSecurity } from './alert-model.ts';
import type { PendingManifest } from './app-manifests.ts';
import type { AppRegistration, InstallationRecord } from './apps.ts';
import type { DeploymentRecord, DeploymentStatusRecord } from './deployments.ts';
import type { ProtectionRunRecord } from './deployment-protection.ts';
import type {
  AppRecord,
  AuthorAssociation,
  CheckRunRecord,
  CommentRecord,
  CommitRecord,
  IssueRecord,
  ReactionRecord,
  RepoRecord,
  RepoRole,
  ReviewRecord,
  StatusRecord,
  TeamRecord,
  UserRecord,
} from './model.ts';
import { defaultApps, defaultUsers } from './users.ts';

export class FakeNotFound extends Error {}

export class Store {
  readonly clock = new Clock();
  readonly ids = new IdSequence();
  readonly users = new Map<string, UserRecord>();
  readonly apps = new Map<string, AppRecord>();
  readonly repos = new Map<string, RepoRecord>();
  /** One object store for the whole fork network, as on GitHub. */
  readonly commits = new Map<string, CommitRecord>();
  readonly comments = new Map<number, CommentRecord>();
  readonly reactions: ReactionRecord[] = [];
  readonly reviews = new Map<number, ReviewRecord>();
  readonly statuses: StatusRecord[] = [];
  readonly checkRuns = new Map<number, CheckRunRecord>();
  /** Check suites per app and head SHA, so runs of one app share a suite. */
  readonly checkSuites = new Map<string, number>();
  /** Security features and alerts, by lower-cased full name; see security(). */
  readonly securityByRepo = new Map<string, RepoSecurity>();
  /** Branch moves (the activity feed), oldest first, by lower-cased full name; see activity.ts. */
  readonly activity = new Map<string, ActivityRecord[]>();
  /** Repositories (lower-cased full names) whose git trees answer `truncated: true`. */
  readonly truncatedTrees = new Set<string>();
  /** Teams by lower-cased `org/slug`. */
  readonly teams = new Map<string, TeamRecord>();
  /** Explicit repository roles: lower-cased full name → lower-cased login → role. */
  readonly repoRoles = new Map<string, Map<string, RepoRole>>();
  /** Deployments of every repository by id, in creation order; see deployments.ts. */
  readonly deployments = new Map<number, DeploymentRecord>();
  /** Statuses of every deployment by id, in creation order. */
  readonly deploymentStatuses = new Map<number, DeploymentStatusRecord>();
  /** GitHub Apps made with registerApp() (keys, webhook, permissions), by app id; see apps.ts. */
  readonly appRegistrations = new Map<number, AppRegistration>();
  /** Installations of those Apps, by installation id. */
  readonly installations = new Map<number, InstallationRecord>();
  /** Manifests a person confirmed on GitHub's page, by the code that converts them; see app-manifests.ts. */
  readonly appManifests = new Map<string, PendingManifest>();
  /** Workflow runs held by a custom deployment protection rule, by run id; see deployment-protection.ts. */
  readonly protectionRuns = new Map<number, ProtectionRunRecord>();

  constructor() {
    for (const u of defaultUsers()) this.users.set(u.login.toLowerCase(), u);
    for (const a of defaultApps()) this.apps.set(a.slug, a);
  }

  user(login: string): UserRecord {
    const u = this.users.get(login.toLowerCase());
    if (!u) throw new FakeNotFound(`Unknown user ${login}; add it with addUser()`);
    return u;
  }

  repo(fullName: string): RepoRecord {
    const r = this.repos.get(fullName.toLowerCase());
    if (!r) throw new FakeNotFound(`Unknown repository ${fullName}`);
    return r;
  }

  issue(repo: string, number: number): IssueRecord {
    const issue = this.repo(repo).issues.get(number);
    if (!issue) throw new FakeNotFound(`No issue or pull request #${number} in ${repo}`);
    return issue;
  }

  pull(repo: string, number: number): IssueRecord & { pull: NonNullable<IssueRecord['pull']> } {
    const issue = this.issue(repo, number);
    if (!issue.pull) throw new FakeNotFound(`#${number} in ${repo} is an issue, not a pull request`);
    return issue as IssueRecord & { pull: NonNullable<IssueRecord['pull']> };
  }

  commit(sha: string): CommitRecord {
    const c = this.commits.get(sha);
    if (!c) throw new FakeNotFound(`No commit ${sha}`);
    return c;
  }

  /** A repository's security state, created on first use: features on, no alerts. */
  security(repoName: string): RepoSecurity {
    const key = this.repo(repoName).fullName.toLowerCase();
    let security = this.securityByRepo.get(key);
    if (!security) {
      security = { dependabot: [], secretScanning: [], codeScanning: [], codeScanningEnabled: true };
      this.securityByRepo.set(key, security);
    }
    return security;
  }

  comment(id: number): CommentRecord {
    const c = this.comments.get(id);
    if (!c || c.deleted) throw new FakeNotFound(`No comment ${id}`);
    return c;
  }

  /**
   * Resolves what the REST API accepts as a ref: a full or abbreviated SHA, a
   * branch name, or `heads/<branch>` / `refs/heads/<branch>`.
   */
  resolveRef(repo: RepoRecord, ref: string): string | undefined {
    const branch = ref.replace(/^(refs\/)?heads\//, '');
    const tip = repo.branches.get(branch);
    if (tip) return tip;
    if (/^[0-9a-f]{7,40}$/.test(ref)) {
      if (this.commits.has(ref)) return ref;
      const matches = [...this.commits.keys()].filter((sha) => sha.startsWith(ref));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  /** The pull request's head SHA: the head branch tip while the pull request is open. */
  headSha(issue: IssueRecord): string {
    const pull = issue.pull;
    if (!pull) throw new FakeNotFound(`#${issue.number} is not a pull request`);
    if (pull.frozenHeadSha) return pull.frozenHeadSha;
    const sha = this.repo(pull.headRepo).branches.get(pull.head);
    if (!sha) throw new FakeNotFound(`Head branch ${pull.head} of #${issue.number} is gone`);
    return sha;
  }

  association(repo: RepoRecord, login: string): AuthorAssociation {
    if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
    return repo.associations.get(login.toLowerCase()) ?? this.user(login).association;
  }
}
