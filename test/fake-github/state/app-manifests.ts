// GitHub's App manifest flow: a person opens GitHub's page with an App's
// manifest and clicks "Create GitHub App"; GitHub hands the manifest's
// redirect_url a temporary code, which the App's setup exchanges, once and
// within an hour, for the registered App with its key and secrets
// (POST /app-manifests/{code}/conversions, which takes no credential).
// https://docs.github.com/apps/sharing-github-apps/registering-a-github-app-from-a-manifest
//
// The manifest is checked as GitHub's page does, against the permissions and
// events the description knows; a field GitHub does not know is refused too,
// since in a test it is a misspelling GitHub would silently drop.
import { randomBytes } from 'node:crypto';
import type { Permissions } from '../auth.ts';
import { openApi } from '../openapi.ts';
import { registerApp } from './apps.ts';
import type { RegisteredApp } from './apps.ts';
import type { Store } from './store.ts';

export interface AppManifest {
  name: string;
  /** The App's homepage. */
  url: string;
  hook_attributes: { url: string; active?: boolean };
  description?: string;
  redirect_url?: string;
  callback_urls?: string[];
  setup_url?: string;
  public?: boolean;
  request_oauth_on_install?: boolean;
  setup_on_update?: boolean;
  /** Permission name → read, write (or admin, where GitHub has it). */
  default_permissions?: Record<string, string>;
  default_events?: string[];
}

export interface PendingManifest {
  manifest: AppManifest;
  /** Who clicked, and owns the App; registerApp()'s default when unset. */
  owner: string | undefined;
  /** ms on the fake's clock. */
  expiresAt: number;
}

export interface ManifestOptions {
  /** The account that registers the App (a user or an organisation); the github organisation by default. */
  owner?: string;
}

/** The App a code was exchanged for, with the client secret GitHub shows only then. */
export interface ConvertedManifest {
  app: RegisteredApp;
  clientSecret: string;
}

const codeLifetimeMs = 3_600_000;
const maxNameLength = 34;
const maxCallbackUrls = 10;

/** A problem with a value, or undefined when it is fine. */
type Check = (value: unknown) => string | undefined;

interface Field {
  check: Check;
  required?: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each field's problems, prefixed with its path (hook_attributes.url); unknown fields are problems too. */
function fieldProblems(value: Record<string, unknown>, fields: Record<string, Field>, prefix = ''): string[] {
  const unknown = Object.keys(value)
    .filter((key) => !(key in fields))
    .map((key) => `${prefix}${key} is not a manifest field`);
  const checked = Object.entries(fields).map(([key, field]) => {
    if (value[key] === undefined) return field.required ? `${prefix}${key} is required` : undefined;
    const problem = field.check(value[key]);
    return problem && `${prefix}${key} ${problem}`;
  });
  return [...unknown, ...checked.filter((p) => p !== undefined)];
}

const text: Check = (v) => (typeof v === 'string' ? undefined : 'must be a string');
const flag: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');

const httpUrl: Check = (v) => {
  if (typeof v !== 'string' || !URL.canParse(v)) return 'must be a full http(s) URL';
  return ['http:', 'https:'].includes(new URL(v).protocol) ? undefined : 'must be a full http(s) URL';
};

/** Lower-case, every run of other characters than letters and digits one dash, none at either end: My App! → my-app. */
export function appSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const appName: Check = (v) => {
  if (typeof v !== 'string') return 'must be a string';
  if (v.length > maxNameLength) return `is too long (maximum is ${maxNameLength} characters)`;
  return appSlug(v) ? undefined : 'must contain a letter or a digit';
};

const callbackUrls: Check = (v) => {
  if (!Array.isArray(v)) return 'must be a list of URLs';
  if (v.length > maxCallbackUrls) return `may hold at most ${maxCallbackUrls} URLs`;
  return v.map(httpUrl).find((problem) => problem !== undefined);
};

/** Access levels by permission, as the description's app-permissions schema has them. */
function permissionLevels(): Record<string, string[]> {
  const schema = openApi().components.schemas['app-permissions'] as { properties: Record<string, { enum?: string[] }> };
  return Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, property.enum ?? []]));
}

const permissions: Check = (v) => {
  if (!isObject(v)) return 'must map permission names to read or write';
  const levels = permissionLevels();
  const wrong = Object.entries(v).map(([name, level]) => {
    const allowed = levels[name];
    if (!allowed) return `${name} is not a permission`;
    return typeof level === 'string' && allowed.includes(level) ? undefined : `${name} must be ${allowed.join(' or ')}`;
  });
  const problems = wrong.filter((p) => p !== undefined);
  return problems.length ? `has problems: ${problems.join(', ')}` : undefined;
};

/** The events an App can subscribe to: those whose webhooks the description says GitHub sends to Apps. */
function appEvents(): Set<string> {
  const doc = openApi();
  const hooks = Object.values(doc['x-webhooks'] ?? doc.webhooks ?? {}).map((hook) => hook.post as { operationId: string; 'x-github'?: { 'supported-webhook-types'?: string[] } } | undefined);
  const forApps = hooks.filter((op) => op?.['x-github']?.['supported-webhook-types']?.includes('app'));
  return new Set(forApps.map((op) => op!.operationId.split('/')[0]!.replace(/-/g, '_')));
}

const events: Check = (v) => {
  if (!Array.isArray(v) || !v.every((e) => typeof e === 'string')) return 'must be a list of event names';
  const known = appEvents();
  const unknown = v.filter((e) => !known.has(e));
  return unknown.length ? `has events an App cannot subscribe to: ${unknown.join(', ')}` : undefined;
};

const hookFields: Record<string, Field> = { url: { check: httpUrl, required: true }, active: { check: flag } };

const hook: Check = (v) => {
  if (!isObject(v)) return 'must be an object with a url';
  const problems = fieldProblems(v, hookFields, 'hook_attributes.');
  return problems.length ? `has problems: ${problems.join(', ')}` : undefined;
};

const manifestFields: Record<string, Field> = {
  name: { check: appName, required: true },
  url: { check: httpUrl, required: true },
  hook_attributes: { check: hook, required: true },
  description: { check: text },
  redirect_url: { check: httpUrl },
  callback_urls: { check: callbackUrls },
  setup_url: { check: httpUrl },
  public: { check: flag },
  request_oauth_on_install: { check: flag },
  setup_on_update: { check: flag },
  default_permissions: { check: permissions },
  default_events: { check: events },
};

/** The manifest, if GitHub's page would take it; else throws saying everything that is wrong. */
export function validManifest(manifest: unknown): AppManifest {
  const problems = isObject(manifest) ? fieldProblems(manifest, manifestFields) : ['it must be a JSON object'];
  if (problems.length) throw new Error(`Invalid GitHub App manifest: ${problems.join('; ')}`);
  return structuredClone(manifest) as unknown as AppManifest;
}

/**
 * What clicking "Create GitHub App" does: the manifest kept for an hour of the
 * fake's clock under a new code, which the conversion redeems. Throws for an
 * invalid manifest or an unknown owner.
 */
export function createAppFromManifest(store: Store, manifest: unknown, options: ManifestOptions = {}): string {
  const valid = validManifest(manifest);
  const owner = options.owner === undefined ? undefined : store.user(options.owner).login;
  const code = randomBytes(20).toString('hex');
  store.clock.tick();
  store.appManifests.set(code, { manifest: valid, owner, expiresAt: store.clock.now().getTime() + codeLifetimeMs });
  return code;
}

/**
 * Registers the App of the code's manifest and spends the code: its name's
 * slug, its default permissions and events, its webhook URL (signed with the
 * App's new webhook secret). `unknown` for a code never issued, spent or
 * expired; `taken` when an App already has the slug (the code stays).
 */
export function convertManifest(store: Store, code: string): ConvertedManifest | 'unknown' | 'taken' {
  const pending = store.appManifests.get(code);
  if (!pending || store.clock.now().getTime() >= pending.expiresAt) {
    store.appManifests.delete(code);
    return 'unknown';
  }
  const { manifest, owner } = pending;
  const slug = appSlug(manifest.name);
  if (store.apps.has(slug)) return 'taken';
  store.appManifests.delete(code);
  const app = registerApp(store, {
    slug,
    name: manifest.name,
    owner,
    // Where GitHub has `admin`, the fake's permissions keep it as given.
    permissions: (manifest.default_permissions ?? {}) as Permissions,
    events: manifest.default_events ?? [],
    description: manifest.description,
    url: manifest.url,
    webhook: { url: manifest.hook_attributes.url },
    webhookActive: manifest.hook_attributes.active,
  });
  return { app, clientSecret: randomBytes(20).toString('hex') };
}
