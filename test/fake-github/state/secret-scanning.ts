// Secret scanning alerts: a leaked secret of a known type, open or resolved
// (a resolved alert always says why).
import { sha1 } from '../ids.ts';
import type { SecretScanningAlertRecord, SecretScanningAlertState, SecretScanningResolution } from './alert-model.ts';
import type { Store } from './store.ts';

export interface SecretScanningAlertOptions {
  /** GitHub's pattern slug, e.g. github_personal_access_token, aws_access_key_id. */
  secretType: string;
  secretTypeDisplayName?: string;
  /** Defaults to resolved when a resolution is given, else open. */
  state?: SecretScanningAlertState;
  resolution?: SecretScanningResolution | null;
  /** The leaked value; a made-up one of the type's shape by default. */
  secret?: string;
  resolvedBy?: string;
}

// Providers by pattern prefix, as GitHub names them in `provider` and `provider_slug`.
const providers: [prefix: string, provider: string, slug: string][] = [
  ['github_', 'GitHub', 'github_secret_scanning'],
  ['aws_', 'Amazon AWS', 'amazon_aws'],
  ['slack_', 'Slack', 'slack'],
  ['npm_', 'npm', 'npm'],
  ['stripe_', 'Stripe', 'stripe'],
];

const words: Record<string, string> = { github: 'GitHub', aws: 'AWS', api: 'API', id: 'ID', npm: 'npm', oauth: 'OAuth' };

/** github_personal_access_token → GitHub Personal Access Token */
function displayName(secretType: string): string {
  return secretType
    .split('_')
    .map((w) => words[w] ?? w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function madeUpSecret(secretType: string, seed: string): string {
  const hex = sha1(seed) + sha1(`${seed}+`);
  if (secretType === 'github_personal_access_token') return `ghp_${hex.slice(0, 36)}`;
  if (secretType === 'aws_access_key_id') return `AKIA${hex.slice(0, 16).toUpperCase()}`;
  return hex.slice(0, 40);
}

export function addSecretScanningAlert(store: Store, repoName: string, options: SecretScanningAlertOptions): SecretScanningAlertRecord {
  const repo = store.repo(repoName);
  const alerts = store.security(repoName).secretScanning;
  const number = alerts.length + 1;
  const state = options.state ?? (options.resolution ? 'resolved' : 'open');
  const resolution = options.resolution ?? null;
  // GitHub never reports an open alert with a resolution, nor a resolved one without.
  if ((state === 'resolved') !== (resolution !== null)) throw new Error(`A ${state} secret scanning alert ${state === 'resolved' ? 'needs' : 'cannot have'} a resolution`);
  const now = store.clock.tick();
  const provider = providers.find(([prefix]) => options.secretType.startsWith(prefix));
  const alert: SecretScanningAlertRecord = {
    number,
    state,
    resolution,
    secretType: options.secretType,
    secretTypeDisplayName: options.secretTypeDisplayName ?? displayName(options.secretType),
    provider: provider?.[1] ?? null,
    providerSlug: provider?.[2] ?? null,
    secret: options.secret ?? madeUpSecret(options.secretType, `${repo.fullName}#${number}`),
    createdAt: now,
    updatedAt: now,
    resolvedAt: state === 'resolved' ? now : null,
    resolvedBy: state === 'resolved' && options.resolvedBy ? store.user(options.resolvedBy).login : null,
  };
  alerts.push(alert);
  return alert;
}

/** Resolves (with a resolution) or reopens an alert. */
export function setSecretScanningAlertState(
  store: Store,
  repoName: string,
  number: number,
  state: SecretScanningAlertState,
  options: { resolution?: SecretScanningResolution; by?: string } = {},
): SecretScanningAlertRecord {
  const alert = store.security(repoName).secretScanning.find((a) => a.number === number);
  if (!alert) throw new Error(`No secret scanning alert #${number} in ${repoName}`);
  if (state === 'resolved' && !options.resolution) throw new Error('Resolving a secret scanning alert needs a resolution');
  const now = store.clock.tick();
  Object.assign(alert, {
    state,
    updatedAt: now,
    resolution: state === 'resolved' ? options.resolution : null,
    resolvedAt: state === 'resolved' ? now : null,
    resolvedBy: state === 'resolved' && options.by ? store.user(options.by).login : null,
  });
  return alert;
}
