// Dependabot alerts: one per vulnerable dependency of a manifest, with the
// advisory that caused it. State changes stamp the times GitHub reports.
import { sha1 } from '../ids.ts';
import type {
  AdvisorySeverity,
  DependabotAlertRecord,
  DependabotAlertState,
  DependabotDismissedReason,
  DependencyRelationship,
  DependencyScope,
} from './alert-model.ts';
import type { Store } from './store.ts';

export interface DependabotAlertOptions {
  severity: AdvisorySeverity;
  packageName: string;
  /** Defaults to npm. */
  ecosystem?: string;
  /** Defaults to runtime; null when GitHub cannot tell. */
  scope?: DependencyScope | null;
  state?: DependabotAlertState;
  summary?: string;
  /** Defaults to a well-formed GHSA id derived from the repository and number. */
  ghsaId?: string;
  cveId?: string | null;
  /** Defaults to the ecosystem's lock file at the root. */
  manifestPath?: string;
  relationship?: DependencyRelationship | null;
  classification?: 'general' | 'malware';
  vulnerableVersionRange?: string;
  firstPatchedVersion?: string | null;
}

export interface DependabotStateOptions {
  /** Who dismissed it; null (GitHub's answer for a deleted user) by default. */
  by?: string | null;
  reason?: DependabotDismissedReason;
  comment?: string | null;
}

const manifests: Record<string, string> = {
  npm: 'package-lock.json',
  pip: 'requirements.txt',
  maven: 'pom.xml',
  go: 'go.mod',
  rubygems: 'Gemfile.lock',
  composer: 'composer.lock',
  nuget: 'packages.lock.json',
  rust: 'Cargo.lock',
  pub: 'pubspec.lock',
  actions: '.github/workflows/ci.yml',
};

// GHSA ids use this alphabet: GHSA-xxxx-xxxx-xxxx.
const ghsaAlphabet = '23456789cfghjmpqrvwx';

function makeGhsaId(seed: string): string {
  const hex = sha1(seed);
  const chars = [...Array(12).keys()].map((i) => ghsaAlphabet[Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16) % ghsaAlphabet.length]);
  return `GHSA-${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

export function addDependabotAlert(store: Store, repoName: string, options: DependabotAlertOptions): DependabotAlertRecord {
  const repo = store.repo(repoName);
  const alerts = store.security(repoName).dependabot;
  const number = alerts.length + 1;
  const now = store.clock.tick();
  const ecosystem = options.ecosystem ?? 'npm';
  const alert: DependabotAlertRecord = {
    number,
    state: 'open',
    severity: options.severity,
    packageName: options.packageName,
    ecosystem,
    manifestPath: options.manifestPath ?? manifests[ecosystem] ?? 'dependencies.lock',
    scope: options.scope === undefined ? 'runtime' : options.scope,
    relationship: options.relationship === undefined ? 'direct' : options.relationship,
    ghsaId: options.ghsaId ?? makeGhsaId(`${repo.fullName}#${number}`),
    cveId: options.cveId ?? null,
    summary: options.summary ?? `Vulnerability in ${options.packageName}`,
    classification: options.classification ?? 'general',
    vulnerableVersionRange: options.vulnerableVersionRange ?? '< 2.0.0',
    firstPatchedVersion: options.firstPatchedVersion === undefined ? '2.0.0' : options.firstPatchedVersion,
    createdAt: now,
    updatedAt: now,
    dismissedAt: null,
    dismissedBy: null,
    dismissedReason: null,
    dismissedComment: null,
    fixedAt: null,
    autoDismissedAt: null,
  };
  alerts.push(alert);
  if (options.state && options.state !== 'open') applyState(store, alert, options.state, {}, now);
  return alert;
}

export function setDependabotAlertState(store: Store, repoName: string, number: number, state: DependabotAlertState, options: DependabotStateOptions = {}): DependabotAlertRecord {
  const alert = store.security(repoName).dependabot.find((a) => a.number === number);
  if (!alert) throw new Error(`No Dependabot alert #${number} in ${repoName}`);
  applyState(store, alert, state, options, store.clock.tick());
  return alert;
}

function applyState(store: Store, alert: DependabotAlertRecord, state: DependabotAlertState, options: DependabotStateOptions, now: string): void {
  const dismissed = state === 'dismissed';
  Object.assign(alert, {
    state,
    updatedAt: now,
    dismissedAt: dismissed ? now : null,
    dismissedBy: dismissed && options.by ? store.user(options.by).login : null,
    dismissedReason: dismissed ? (options.reason ?? 'tolerable_risk') : null,
    dismissedComment: dismissed ? (options.comment ?? null) : null,
    fixedAt: state === 'fixed' ? now : null,
    autoDismissedAt: state === 'auto_dismissed' ? now : null,
  });
}
