/**
 * Why a request got no answer at all, and what to change: the runner's DNS, a refused or cut
 * connection, a certificate it does not trust, a timeout, a proxy it does or does not use.
 *
 * Octokit turns a fetch that fails into a RequestError (status 500, no response) whose `cause`
 * is fetch's TypeError, whose own `cause` is the socket's error with its `code`
 * (@octokit/request's fetch wrapper); a timeout is the AbortSignal's TimeoutError.
 */

export type NetworkEnv = Readonly<Record<string, string | undefined>>;

interface NoAnswer {
  message: string;
  fix: string;
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const CUT = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const UNREACHABLE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
// OpenSSL's verification errors, as Node names them (https://nodejs.org/api/tls.html#x509-certificate-error-codes).
const UNTRUSTED = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT']);

/** The `code` and `name` of each error along the cause chain, outermost first. */
function causes(error: unknown): { codes: string[]; names: string[] } {
  const codes: string[] = [];
  const names: string[] = [];
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, name, cause } = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (typeof name === 'string') names.push(name);
    current = cause;
  }
  return { codes, names };
}

/** The URL the request went to, when the error carries it (a RequestError's `request`). */
function requestUrl(error: unknown): URL | null {
  const url = (error as { request?: { url?: unknown } } | null)?.request?.url;
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether NO_PROXY names the host: `*`, the host itself, or a domain it is under (`corp.example`, `.corp.example`, `*.corp.example`). */
function excluded(hostname: string, noProxy: string | undefined): boolean {
  const name = hostname.toLowerCase();
  return (noProxy ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.toLowerCase().replace(/:\d+$/, ''))
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const domain = entry.replace(/^\*?\./, '');
      return name === domain || name.endsWith(`.${domain}`);
    });
}

/** What a proxy set in the environment did to this request, when one is set; never its credentials. */
function proxyNote(url: URL | null, env: NetworkEnv): string {
  const secure = url === null || url.protocol === 'https:';
  const variable = secure ? 'HTTPS_PROXY' : 'HTTP_PROXY';
  const value = env[variable] || env[variable.toLowerCase()];
  if (!value) return '';
  // Its host only: the value may hold a user and password. Proxies are often given without a scheme.
  let proxy = '';
  try {
    const { host } = new URL(value.includes('://') ? value : `http://${value}`);
    if (host) proxy = ` (${host})`;
  } catch {
    // Not a URL: named by its variable only.
  }
  // Node's fetch reads the proxy variables only when asked to (https://nodejs.org/api/cli.html#node_use_env_proxy1).
  const enabled = env['NODE_USE_ENV_PROXY'] === '1' || /(^|\s)--use-env-proxy\b/.test(env['NODE_OPTIONS'] ?? '');
  if (!enabled) return ` ${variable} is set${proxy} but Node's fetch does not use it: if the runner must go through that proxy, set NODE_USE_ENV_PROXY=1 in the step's env.`;
  if (url && excluded(url.hostname, env['NO_PROXY'] || env['no_proxy'])) return ` ${variable} is set${proxy}, but NO_PROXY names ${url.hostname}: the request went direct.`;
  return ` The request went through the proxy${proxy} from ${variable}: check that it is up and lets the runner reach ${url?.hostname ?? 'GitHub'}.`;
}

/** The cause, and the change that would let the request through. */
function diagnose(codes: string[], names: string[], host: string, env: NetworkEnv): string {
  const code = codes.find((c) => DNS.has(c) || CUT.has(c) || UNREACHABLE.has(c) || TIMEOUT.has(c) || UNTRUSTED.has(c) || c.startsWith('CERT_') || c.startsWith('ERR_TLS_') || c === 'ECONNREFUSED');
  if (code === 'EAI_AGAIN') return `The runner's DNS gave no answer for ${host} (a temporary failure): re-run the job; if it recurs, check the runner's DNS and GITHUB_API_URL.`;
  if (code && DNS.has(code)) return `${host} does not resolve: check GITHUB_API_URL (on GitHub Enterprise Server, https://<your GHES host>/api/v3) and the runner's DNS, then re-run the job.`;
  if (code === 'ECONNREFUSED') return `${host} refused the connection: check GITHUB_API_URL (its host and port) and that the server is up and reachable from the runner, then re-run the job.`;
  if (code && UNREACHABLE.has(code)) return `The runner has no route to ${host}: check its network and firewall, and GITHUB_API_URL, then re-run the job.`;
  if (code && CUT.has(code)) return `The connection to ${host} was cut before GitHub answered: a proxy or firewall on the way may be closing it; re-run the job.`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `The certificate ${host} presented is for another name: check that GITHUB_API_URL uses the server's own name.`;
  if (code === 'CERT_HAS_EXPIRED') return `The certificate of ${host} has expired: its administrator must renew it.`;
  if (code && (UNTRUSTED.has(code) || code.startsWith('CERT_') || code.startsWith('ERR_TLS_'))) {
    const extra = env['NODE_EXTRA_CA_CERTS'];
    return extra
      ? `The runner does not trust the certificate of ${host} (${code}), even with NODE_EXTRA_CA_CERTS=${extra}: that file must hold the CA that signed it (PEM).`
      : `The runner does not trust the certificate of ${host} (${code}): on GitHub Enterprise Server with a private CA (or behind a proxy that inspects TLS), set NODE_EXTRA_CA_CERTS to the CA's PEM file in the step's env, or NODE_USE_SYSTEM_CA=1 if the runner's system store trusts it.`;
  }
  if ((code && TIMEOUT.has(code)) || names.includes('TimeoutError')) return `${host} did not answer in time, after retries: check that the runner can reach it (firewall, proxy), or re-run the job if GitHub was slow.`;
  if (names.includes('AbortError')) return 'The request was cancelled before GitHub answered: re-run the job.';
  return 'Check that the runner can reach the API at GITHUB_API_URL (DNS, proxy, firewall), then re-run the job.';
}

/** A request that got no answer: where it went, why, and what to change. */
export function describeNoAnswer(error: unknown, firstLine: string, env: NetworkEnv): NoAnswer {
  const url = requestUrl(error);
  const { codes, names } = causes(error);
  const host = url?.host ?? 'GitHub';
  return {
    message: `no answer from GitHub${url ? ` at ${url.host}` : ''}: ${firstLine}`,
    fix: diagnose(codes, names, host, env) + proxyNote(url, env),
  };
}

/** Whether an error is one of the network's, with no HTTP status: a code the socket or TLS gave. */
export function isNetworkError(error: unknown): boolean {
  return causes(error).codes.some((code) => /^(E[A-Z]+|UND_ERR_[A-Z_]+|CERT_[A-Z_]+|ERR_TLS_[A-Z_]+)$/.test(code) || UNTRUSTED.has(code));
}
