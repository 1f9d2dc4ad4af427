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

/** Every placeholder login left in the policy, in document order. */
export function placeholderLogins(config: ReadinessConfig): Placeholder[] {
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
