import type { CheckConfig } from '../config/schema.ts';
import type { CheckContext, CheckKindModule, CheckVerdict } from './check-kind.ts';
import { profileLink } from './people.ts';

/** A manual item of the checklist, attested by a role's sign-off. */
function evaluateSignoffItem(check: CheckConfig, context: CheckContext): CheckVerdict {
  const role = context.roles.get(check.signoff!);
  if (!role) return { outcome: 'unknown', summary: `Role \`${check.signoff}\` is not declared`, blocker: 'config' };
  if (role.outcome === 'skipped') return { outcome: 'skipped', summary: `Does not apply: the ${role.role} sign-off does not apply (${role.because})` };
  if (role.outcome === 'unknown') return { outcome: 'unknown', summary: `Cannot tell whether ${role.role} has signed off`, blocker: `cannot read ${role.role} sign-off` };
  if (role.outcome === 'pass') {
    return { outcome: 'pass', summary: `Attested by ${role.signatures.map((s) => profileLink(s.login)).join(', ')} (${role.role})` };
  }
  // No fix of its own: the role's line under "What is missing" gives the command.
  return { outcome: 'pending', summary: `Waiting for sign-off: ${role.role}` };
}

export const signoffCheck: CheckKindModule = {
  sources: () => ['comments'],
  evaluate: evaluateSignoffItem,
};
