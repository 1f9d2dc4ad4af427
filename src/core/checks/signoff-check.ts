import type { CheckOf } from '../config/schema.ts';
import type { EvidenceSource } from '../model/evidence-source.ts';
import { code, joined, rich, user } from '../model/rich-text.ts';
import { todo } from '../model/todo.ts';
import type { CheckContext, CheckKindModule, CheckVerdict } from './check-kind.ts';

/** A manual item of the checklist, attested by a role's sign-off. */
function evaluateSignoffItem(check: CheckOf<'signoff'>, context: CheckContext): CheckVerdict {
  const role = context.roles.get(check.signoff);
  if (!role) return { outcome: 'unknown', summary: rich`Role ${code(check.signoff)} is not declared`, blocker: 'config' };
  const attested = { role: role.role };
  if (role.outcome === 'skipped') return { ...attested, outcome: 'skipped', summary: rich`Does not apply: the ${role.role} sign-off does not apply (${role.because})` };
  if (role.outcome === 'unknown') return { ...attested, outcome: 'unknown', summary: rich`Cannot tell whether ${role.role} has signed off`, blocker: `cannot read ${role.role} sign-off` };
  if (role.outcome === 'pass') {
    const evidence = role.signatures.map((signature): EvidenceSource => ({ kind: 'sign-off', name: role.role, url: signature.commentUrl, writer: signature.login }));
    return { ...attested, outcome: 'pass', summary: rich`Attested by ${joined(role.signatures.map((signature) => user(signature.login)), ', ')} (${role.role})`, evidence };
  }
  // No fix of its own: the role's line under "What is missing" gives the command.
  return { ...attested, outcome: 'pending', summary: rich`Waiting for ${code(`/signoff ${role.role}`)}`, todos: [todo({ kind: 'role', role: role.role })] };
}

export const signoffCheck: CheckKindModule<'signoff'> = {
  sources: () => ['comments'],
  evaluate: evaluateSignoffItem,
};
