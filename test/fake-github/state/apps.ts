// GitHub Apps a test registers, and their installations. An App has an RSA
// key pair (GitHub keeps the public key, the App the private one), a client
// id, a webhook secret and a bot account `<slug>[bot]`, which everything an
// installation token writes is recorded as. An installation sits on one
// account (a user or an organisation) and covers all its repositories or a
// selection of them; GitHub has at most one per App and account.
import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Permissions } from '../auth.ts';
import { nodeId } from '../ids.ts';
import { addUser } from './git.ts';
import type { AppRecord, RepoRecord } from './model.ts';
import type { Store } from './store.ts';
import { FakeNotFound } from './store.ts';

/** What the release gate's App asks for: reading the repository, writing its answers, reviewing deployments. */
export const defaultAppPermissions: Permissions = {
  actions: 'read',
  checks: 'read',
  contents: 'read',
  deployments: 'write',
  issues: 'write',
  metadata: 'read',
  pull_requests: 'write',
  statuses: 'write',
};

export const defaultAppEvents: readonly string[] = [
  'check_run',
  'check_suite',
  'deployment',
  'deployment_protection_rule',
  'deployment_status',
  'issue_comment',
  'merge_group',
  'pull_request',
  'pull_request_review',
  'push',
  'status',
  'workflow_run',
];

export interface RegisterAppOptions {
  slug: string;
  /** Defaults to the slug in words: release-gate → Release Gate. */
  name?: string;
  /** The account that registered it; default the github organisation. */
  owner?: string;
  /** Repository permissions every installation grants; the release gate's by default. */
  permissions?: Permissions;
  /** Events the App subscribes to; GitHub delivers no others. */
  events?: readonly string[];
  /** What its page says of it; none by default. */
  description?: string;
  /** Its homepage (external_url); its page on GitHub by default. */
  url?: string;
  /** Where its deliveries go, as webhookTarget() with `app` sets it. */
  webhook?: WebhookTarget;
  /** false: its webhook is off, and GitHub delivers nothing. */
  webhookActive?: boolean;
}

export interface WebhookTarget {
  url: string;
  /** Signs deliveries instead of the App's own webhook secret. */
  secret?: string;
}

export interface AppRegistration {
  appId: number;
  slug: string;
  botLogin: string;
  clientId: string;
  publicKey: KeyObject;
  webhookSecret: string;
  hookId: number;
  permissions: Permissions;
  events: string[];
  createdAt: string;
  description: string;
  externalUrl: string;
  webhook?: WebhookTarget;
  webhookActive: boolean;
}

/** What registerApp() hands the test: what an App's developer copies from its settings page. */
export interface RegisteredApp {
  id: number;
  slug: string;
  name: string;
  clientId: string;
  /** PKCS#1 PEM (-----BEGIN RSA PRIVATE KEY-----), as GitHub's "Generate a private key" downloads it. */
  privateKey: string;
  webhookSecret: string;
  /** `<slug>[bot]`, whom installation tokens act as. */
  botLogin: string;
}

export type RepositorySelection = 'all' | 'selected';

export interface InstallationRecord {
  id: number;
  nodeId: string;
  appId: number;
  /** Login of the user or organisation it is installed on. */
  account: string;
  selection: RepositorySelection;
  /** Full names of the selected repositories (ignored when every repository is). */
  repositories: string[];
  permissions: Permissions;
  events: string[];
  createdAt: string;
  updatedAt: string;
}

function words(slug: string): string {
  return slug.replace(/(^|-)(\w)/g, (_m, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase());
}

export function registerApp(store: Store, options: RegisterAppOptions): RegisteredApp {
  const slug = options.slug;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) throw new Error(`An App slug is lower-case letters, digits and dashes, not ${slug}`);
  if (store.apps.has(slug)) throw new Error(`An App ${slug} already exists`);
  const owner = options.owner ? store.user(options.owner).login : 'github';
  const id = store.ids.next('app');
  const name = options.name ?? words(slug);
  const app: AppRecord = { id, slug, name, nodeId: nodeId('A', id), owner };
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const botLogin = addUser(store, `${slug}[bot]`, 'Bot').login;
  const registration: AppRegistration = {
    appId: id,
    slug,
    botLogin,
    // GitHub's current client ids: Iv23li and 14 more characters.
    clientId: `Iv23li${createHash('sha256').update(`${id}:${slug}`).digest('hex').slice(0, 14)}`,
    publicKey: createPublicKey(publicKey),
    webhookSecret: randomBytes(20).toString('hex'),
    hookId: store.ids.next('hook'),
    permissions: { ...(options.permissions ?? defaultAppPermissions) },
    events: [...(options.events ?? defaultAppEvents)],
    createdAt: store.clock.tick(),
    description: options.description ?? '',
    externalUrl: options.url ?? `https://github.com/apps/${slug}`,
    ...(options.webhook ? { webhook: { ...options.webhook } } : {}),
    webhookActive: options.webhookActive ?? true,
  };
  store.apps.set(slug, app);
  store.appRegistrations.set(id, registration);
  return { id, slug, name, clientId: registration.clientId, privateKey, webhookSecret: registration.webhookSecret, botLogin };
}

/** A registered App by id (number or digits) or slug. */
export function appRegistration(store: Store, app: number | string): AppRegistration {
  const byId = typeof app === 'number' || /^\d+$/.test(app) ? store.appRegistrations.get(Number(app)) : undefined;
  const found = byId ?? [...store.appRegistrations.values()].find((r) => r.slug === app);
  if (!found) throw new FakeNotFound(`No App ${app}; register it with registerApp()`);
  return found;
}

/**
 * Installs the App on `target`'s account: `owner/repo` selects that
 * repository (added to the App's installation there if it has one), a bare
 * `owner` selects all of the account's repositories. Returns the installation.
 */
export function installApp(store: Store, app: number | string, target: string): InstallationRecord {
  const registration = appRegistration(store, app);
  const [ownerName, repoName, extra] = target.split('/');
  if (!ownerName || extra !== undefined || repoName === '') throw new Error(`Install on owner or owner/repo, not ${target}`);
  const repo = repoName === undefined ? undefined : store.repo(target);
  const account = store.user(repo?.owner ?? ownerName).login;
  const now = store.clock.tick();
  let installation = [...store.installations.values()].find((i) => i.appId === registration.appId && i.account === account);
  if (!installation) {
    const id = store.ids.next('installation');
    installation = {
      id,
      // GitHub's legacy node id of an installation: base64 of 023:IntegrationInstallation<id>.
      nodeId: Buffer.from(`023:IntegrationInstallation${id}`).toString('base64'),
      appId: registration.appId,
      account,
      selection: repo ? 'selected' : 'all',
      repositories: [],
      permissions: { ...registration.permissions },
      events: [...registration.events],
      createdAt: now,
      updatedAt: now,
    };
    store.installations.set(id, installation);
  }
  if (!repo) installation.selection = 'all';
  else if (installation.selection === 'selected' && !installation.repositories.includes(repo.fullName)) installation.repositories.push(repo.fullName);
  installation.updatedAt = now;
  return installation;
}

export function installationCovers(installation: InstallationRecord, repo: RepoRecord): boolean {
  if (installation.selection === 'all') return repo.owner === installation.account;
  return installation.repositories.includes(repo.fullName);
}

/** The repositories an installation covers, in creation order. */
export function installationRepos(store: Store, installation: InstallationRecord): RepoRecord[] {
  return [...store.repos.values()].filter((r) => installationCovers(installation, r)).sort((a, b) => a.id - b.id);
}

/** The App's installation that covers the repository, if any. */
export function installationFor(store: Store, appId: number, repoName: string): InstallationRecord | undefined {
  const repo = store.repo(repoName);
  return [...store.installations.values()].find((i) => i.appId === appId && installationCovers(i, repo));
}
