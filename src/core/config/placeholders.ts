import type { ReadinessConfig } from './schema.ts';

/**
 * The logins the templates leave for a person to fill in (`your-security-lead`, `your-dba`):
 * a role that names only these can never be signed, so `validate` says so before it ships.
 */
const PLACEHOLDER = /^your-/i;

export interface Placeholder {
  /** Where in the document, e.g. ['signoffs', 'security', 'users', 0]. */
  path: (string | number)[];
  message: string;
}

/**
 * Names reserved for examples (RFC 2606, RFC 6761): the templates' endpoints are written with
 * them, and a probe of one can only ever be `unknown`, blocking every release until replaced.
 */
const EXAMPLE_HOST = /(^|\.)(example\.(com|net|org)|example|test|invalid)$/i;

function exampleHost(host: string): boolean {
  return EXAMPLE_HOST.test(host.replace(/\.$/, ''));
}

/** Every probe of an example host, in document order. */
function placeholderEndpoints(config: ReadinessConfig): Placeholder[] {
  const found: Placeholder[] = [];
  config.checks.forEach((check, index) => {
    const probe = check.probe;
    if (!probe) return;
    if ('tls' in probe) {
      if (exampleHost(probe.tls.host)) found.push({ path: ['checks', index, 'probe', 'tls', 'host'], message: `\`${probe.tls.host}\` is a placeholder from a template (a name reserved for examples): replace it with the host whose certificate the release depends on` });
      return;
    }
    const host = URL.canParse(probe.url) ? new URL(probe.url).hostname : '';
    if (exampleHost(host)) found.push({ path: ['checks', index, 'probe', 'url'], message: `\`${probe.url}\` is a placeholder from a template (\`${host}\` is reserved for examples): replace it with your service's endpoint, or the probe can never pass` });
  });
  return found;
}

/** Every placeholder left from a template (logins, endpoints), in document order. */
export function placeholders(config: ReadinessConfig): Placeholder[] {
  return [...placeholderLogins(config), ...placeholderEndpoints(config)];
}

/** Every placeholder login left in the policy, in document order. */
function placeholderLogins(config: ReadinessConfig): Placeholder[] {
  const found: Placeholder[] = [];
  for (const [role, settings] of Object.entries(config.signoffs)) {
    settings.users?.forEach((login, index) => {
      if (PLACEHOLDER.test(login)) {
        found.push({ path: ['signoffs', role, 'users', index], message: `\`${login}\` is a placeholder from a template: replace it with the GitHub login of someone who signs off \`${role}\` (or use \`teams:\` / \`permission:\`)` });
      }
    });
  }
  for (const [context, accounts] of Object.entries(config.writers)) {
    accounts.forEach((login, index) => {
      if (PLACEHOLDER.test(login)) found.push({ path: ['writers', context, index], message: `\`${login}\` is a placeholder from a template: replace it with the account that writes \`${context}\`` });
    });
  }
  return found;
}
