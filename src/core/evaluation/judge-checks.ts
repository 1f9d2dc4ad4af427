import { unknownVerdict, type CheckContext, type CheckVerdict } from '../checks/check-kind.ts';
import { evaluateCheckKind } from '../checks/registry.ts';
import type { CheckConfig, ReadinessConfig } from '../config/schema.ts';
import type { CheckResult } from '../model/check-result.ts';
import { code, rich } from '../model/rich-text.ts';
import type { Waiver } from '../model/waiver.ts';
import { applicability } from './applicability.ts';

/** An "if applicable" check that does not apply is shown, with the reason, and never blocks. */
function verdict(check: CheckConfig, context: CheckContext): CheckVerdict {
  const applies = applicability(check.when, context.snapshot);
  if (applies.applies === 'unknown') return unknownVerdict(applies.problem);
  if (!applies.applies) return { outcome: 'skipped', summary: rich`Does not apply: ${applies.because}` };
  return evaluateCheckKind(check, context);
}

type Heading = Pick<CheckResult, 'id' | 'name' | 'section' | 'required'>;

/** What a result says of the check itself, whatever the verdict. */
function heading({ id, name, section, required }: Heading): Heading {
  return { id, name, ...(section === undefined ? {} : { section }), required };
}

/** A waiver turns a check that does not pass into an accepted risk; a passing check needs none. */
function withWaiver(result: CheckResult, waiver: Waiver | undefined): CheckResult {
  if (!waiver || result.outcome === 'pass' || result.outcome === 'skipped') return result;
  const until = waiver.expiresAt ? ` until ${waiver.expiresAt.slice(0, 16).replace('T', ' ')} UTC` : '';
  return {
    ...heading(result),
    outcome: 'waived',
    summary: rich`Waived by ${waiver.login}${until}: ${code(waiver.reason)} — ${result.summary}`,
    waiver,
  };
}

/** Every check of the policy, in its order, judged on the evidence and the waivers that hold. */
export function judgeChecks(config: ReadinessConfig, context: CheckContext, waivers: ReadonlyMap<string, Waiver>): CheckResult[] {
  return config.checks.map((check) => {
    const result: CheckResult = { ...heading(check), ...verdict(check, context) };
    return withWaiver(result, waivers.get(check.id));
  });
}
