// How GitHub authenticates a GitHub App: as itself, with a JSON Web Token it
// signs (RS256) with its private key, on the endpoints whose reference says
// "You must use a JWT"; or as one of its installations, with an installation
// access token that the JWT mints (one hour, as the App's bot).
// https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app
//
// The claims are checked on the fake's clock, with GitHub's messages, which
// @octokit/auth-app recognises: on the `exp` and `iat` ones it reads the
// answer's Date header and signs again for GitHub's time, so a client on the
// real clock finds the fake's.
import { randomBytes, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { TokenGrant, Tokens } from './auth.ts';
import { notAccessible } from './auth.ts';
import type { OpenApiOperation } from './openapi.ts';
import type { Reply } from './routes/types.ts';
import { installationCovers } from './state/apps.ts';
import type { AppRegistration } from './state/apps.ts';
import type { Store } from './state/store.ts';

export interface Caller {
  /** What rate limits and ETags are kept by: the token, or `jwt:<app id>` for an App's JWT. */
  token: string;
  grant: TokenGrant;
}

/** A credential GitHub refuses outright, whatever the request. */
export interface Refusal {
  status: 401 | 404;
  message: string;
}

/** What an Authorization header comes to; `unrecognised`: it names no one; undefined: there is none. */
export type Identified = { caller: Caller } | { refusal: Refusal } | { unrecognised: true } | undefined;

const undecodable: Refusal = { status: 401, message: 'A JSON web token could not be decoded' };
const expired: Refusal = { status: 401, message: "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires" };
const tooLong: Refusal = { status: 401, message: "'Expiration time' claim ('exp') is too far in the future" };
const issuedLater: Refusal = { status: 401, message: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued" };

/** GitHub takes `iat` up to a minute ahead of its clock, and `exp` no more than 10 minutes ahead of it. */
const iatLeewaySeconds = 60;
const maxLifetimeSeconds = 600;

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The App named by `iss`: its id (a number, or digits) or its client id. */
function issuer(store: Store, iss: unknown): AppRegistration | Refusal {
  if (iss === undefined || iss === null) return { status: 401, message: "Missing 'issuer' claim ('iss') in assertion" };
  const numeric = (typeof iss === 'number' && Number.isInteger(iss)) || (typeof iss === 'string' && /^\d+$/.test(iss));
  const clientId = typeof iss === 'string' && /^Iv[0-9A-Za-z.]+$/.test(iss);
  if (!numeric && !clientId) return { status: 401, message: "'Issuer' claim ('iss') must be an Integer" };
  const found = numeric ? store.appRegistrations.get(Number(iss)) : [...store.appRegistrations.values()].find((r) => r.clientId === iss);
  return found ?? { status: 404, message: 'Integration not found' };
}

/** Checks a JWT as GitHub does: its form, the App it names, the App's signature, then its times. */
export function verifyAppJwt(store: Store, jwt: string): AppRegistration | Refusal {
  const [headerPart, claimsPart, signaturePart, extra] = jwt.split('.');
  if (headerPart === undefined || claimsPart === undefined || signaturePart === undefined || extra !== undefined) return undecodable;
  const header = decodePart(headerPart);
  const claims = decodePart(claimsPart);
  if (!header || !claims || header.alg !== 'RS256') return undecodable;
  const app = issuer(store, claims.iss);
  if ('status' in app) return app;
  if (!verify('RSA-SHA256', Buffer.from(`${headerPart}.${claimsPart}`), app.publicKey, Buffer.from(signaturePart, 'base64url'))) return undecodable;
  const now = store.clock.epochSeconds();
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > now + iatLeewaySeconds) return issuedLater;
  if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= now) return expired;
  if (exp > now + maxLifetimeSeconds) return tooLong;
  return app;
}

/**
 * Who a request's Authorization header names: a known token (refused once
 * an installation token has expired), or a registered App's JWT (Bearer, three
 * dot-separated parts).
 */
export function identify(tokens: Tokens, store: Store, header: string | undefined): Identified {
  if (header === undefined) return undefined;
  const known = tokens.identify(header);
  if (known) {
    const expiresAt = known.grant.app?.expiresAt;
    if (expiresAt !== undefined && store.clock.now().getTime() >= expiresAt) return { refusal: { status: 401, message: 'Bad credentials' } };
    return { caller: known };
  }
  const jwt = /^bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (jwt === undefined || jwt.split('.').length !== 3) return { unrecognised: true };
  const app = verifyAppJwt(store, jwt);
  if ('status' in app) return { refusal: app };
  return { caller: { token: `jwt:${app.appId}`, grant: { actor: app.botLogin, permissions: {}, kind: 'app', app: { appId: app.appId } } } };
}

/** The endpoints GitHub serves only to an App's JWT: their reference says so. */
export function requiresJwt(op: OpenApiOperation): boolean {
  return /You must use a \[JWT\]/.test(op.description ?? '');
}

function isJwt(grant: TokenGrant | undefined): boolean {
  return grant?.app !== undefined && grant.app.installationId === undefined;
}

function refusal(status: number, message: string, documentationUrl = 'https://docs.github.com/rest'): Reply {
  return { status, body: { message, documentation_url: documentationUrl, status: String(status) } };
}

// The operations GitHub serves without a credential, by operationId: the
// manifest conversion, whose one-time code is the secret. Every other one
// answers 401 to a request without one.
const credentialFree = new Set(['apps/create-from-manifest']);

export function takesNoCredential(op: OpenApiOperation): boolean {
  return credentialFree.has(op.operationId);
}

/**
 * The caller, if its credential may call this operation at all (before any
 * permission is weighed), else GitHub's answer: to a refused credential; to
 * anything but a JWT on a JWT-only endpoint (GitHub tries to decode it as
 * one); to no credential; to a JWT anywhere else (an App acts on
 * repositories through an installation). An operation that takes no
 * credential admits a request with none (undefined) or with any GitHub
 * accepts, but not one that names no one.
 */
export function admitCredential(op: OpenApiOperation, identified: Identified, docsUrl: string): Caller | Reply | undefined {
  if (identified && 'refusal' in identified) return refusal(identified.refusal.status, identified.refusal.message);
  const caller = identified && 'caller' in identified ? identified.caller : undefined;
  if (takesNoCredential(op)) return identified && 'unrecognised' in identified ? refusal(401, 'Bad credentials') : caller;
  if (requiresJwt(op) && !isJwt(caller?.grant)) return refusal(undecodable.status, undecodable.message);
  if (!caller) return refusal(401, 'Bad credentials');
  if (isJwt(caller.grant) && !requiresJwt(op)) return refusal(403, notAccessible('app'), docsUrl);
  return caller;
}

const readMethods = new Set(['GET', 'HEAD']);

/**
 * An installation token reaches its installation's repositories (only those
 * it was minted for, if any). Outside them GitHub hides a private repository
 * (404) and lets a public one be read, not written (403).
 */
export function repositoryRefusal(store: Store, grant: TokenGrant, method: string, pathParams: Record<string, string>, docsUrl: string): Reply | undefined {
  const credential = grant.app;
  if (credential?.installationId === undefined || pathParams.owner === undefined || pathParams.repo === undefined) return undefined;
  const repo = store.repos.get(`${pathParams.owner}/${pathParams.repo}`.toLowerCase());
  const installation = store.installations.get(credential.installationId);
  if (!repo || !installation) return undefined;
  const covered = installationCovers(installation, repo) && (credential.repositories?.includes(repo.fullName) ?? true);
  if (covered) return undefined;
  if (repo.private) return refusal(404, 'Not Found', docsUrl);
  return readMethods.has(method) ? undefined : refusal(403, notAccessible('app'), docsUrl);
}

const tokenAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** ghs_ and 36 letters and digits, as GitHub's installation tokens are. */
export function newInstallationToken(): string {
  return `ghs_${[...randomBytes(36)].map((b) => tokenAlphabet[b % tokenAlphabet.length]).join('')}`;
}

/** Signs a JWT with an App's private key (PEM or KeyObject), RS256: what an App's code does, for tests. */
export function signAppJwt(privateKey: string | KeyObject, claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' }): string {
  const encode = (part: Record<string, unknown>) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const signingInput = `${encode(header)}.${encode(claims)}`;
  return `${signingInput}.${sign('RSA-SHA256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
}

/** The App an installation token acts for (what GitHub shows as performed_via_github_app), if the grant is one. */
export function installationApp(store: Store, grant: TokenGrant): string | undefined {
  return grant.app?.installationId === undefined ? undefined : store.appRegistrations.get(grant.app.appId)?.slug;
}
