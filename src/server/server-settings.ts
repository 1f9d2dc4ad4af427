import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolicySource } from '../gate/gate-context.ts';

/** What the webhook server needs, from its environment (12-factor: one image, any App). */
export interface ServerSettings {
  appId: string;
  /** The App's private key (PEM), for the JWT that mints installation tokens. */
  privateKey: string;
  webhookSecret: string;
  /** REST API root: https://api.github.com, or a GHES https://<host>/api/v3. */
  apiUrl: string;
  host: string;
  port: number;
  /** Where GitHub posts webhooks. */
  webhookPath: string;
  configPath: string;
  policyFrom: PolicySource;
  prBudgetMs: number;
  /** Where the signed readiness records go: a mounted volume keeps them. */
  recordsDir: string;
  /** Every installation's open PRs judged again this often (windows, waivers, reminders); 0: never. */
  sweepMinutes: number;
}

export class ServerSettingsError extends Error {}

const REQUIRED = {
  APP_ID: 'the App’s id, from its settings page (App ID)',
  WEBHOOK_SECRET: 'the webhook secret set on the App',
} as const;

function privateKeyFrom(env: NodeJS.ProcessEnv): string {
  const inline = env['PRIVATE_KEY'];
  const path = env['PRIVATE_KEY_PATH'];
  if (inline && path) throw new ServerSettingsError('Set PRIVATE_KEY or PRIVATE_KEY_PATH, not both.');
  let key: string;
  if (path) {
    try {
      key = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ServerSettingsError(`PRIVATE_KEY_PATH: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
    }
  } else if (inline) {
    // A PEM in an environment variable often arrives with its newlines escaped.
    key = inline.includes('\\n') ? inline.replaceAll('\\n', '\n') : inline;
  } else {
    throw new ServerSettingsError('PRIVATE_KEY (or PRIVATE_KEY_PATH) is not set: the App’s private key, a .pem file generated on its settings page.');
  }
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(key)) throw new ServerSettingsError('The private key is not a PEM private key (it must start with -----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----).');
  return key;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = (env[name] ?? '').trim() || String(fallback);
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value < min || value > max) throw new ServerSettingsError(`${name} must be a whole number from ${min} to ${max} (got \`${text}\`).`);
  return value;
}

/** Every problem at once, each naming the variable and what to put in it. */
export function readServerSettings(env: NodeJS.ProcessEnv): ServerSettings {
  const problems: string[] = [];
  for (const [name, what] of Object.entries(REQUIRED)) if (!env[name]?.trim()) problems.push(`${name} is not set: ${what}.`);
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ServerSettingsError)) throw error;
      problems.push(error.message);
      return undefined;
    }
  };
  const privateKey = attempt(() => privateKeyFrom(env));
  const port = attempt(() => whole(env, 'PORT', 3000, 0, 65535));
  const prTimeout = attempt(() => whole(env, 'PR_TIMEOUT', 60, 1, 3600));
  const sweepMinutes = attempt(() => whole(env, 'SWEEP_MINUTES', 60, 0, 1440));
  const appId = (env['APP_ID'] ?? '').trim();
  if (appId && !/^[0-9]+$/.test(appId)) problems.push(`APP_ID must be the App’s numeric id (got \`${appId}\`).`);
  const policyFrom = (env['POLICY_FROM'] ?? '').trim() || 'default-branch';
  if (policyFrom !== 'default-branch' && policyFrom !== 'base') problems.push(`POLICY_FROM must be default-branch or base (got \`${policyFrom}\`).`);
  const apiUrl = ((env['GITHUB_API_URL'] ?? '').trim() || 'https://api.github.com').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(apiUrl)) problems.push(`GITHUB_API_URL must be the REST API's URL, like https://api.github.com or https://github.example.com/api/v3 (got \`${apiUrl}\`).`);
  if (problems.length > 0) throw new ServerSettingsError(`The server cannot start:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  return {
    appId,
    privateKey: privateKey!,
    webhookSecret: env['WEBHOOK_SECRET']!.trim(),
    apiUrl,
    host: (env['HOST'] ?? '').trim() || '0.0.0.0',
    port: port!,
    webhookPath: (env['WEBHOOK_PATH'] ?? '').trim() || '/api/github/webhooks',
    configPath: (env['READINESS_CONFIG'] ?? '').trim() || '.github/readiness.yml',
    policyFrom: policyFrom as PolicySource,
    prBudgetMs: prTimeout! * 1000,
    recordsDir: (env['RECORDS_DIR'] ?? '').trim() || join(tmpdir(), 'release-readiness-records'),
    sweepMinutes: sweepMinutes!,
  };
}
