import { rich } from '../model/rich-text.ts';
import { todo } from '../model/todo.ts';
import { describeWindowState } from '../windows/describe-window-state.ts';
import { formatInZone } from '../windows/describe-window.ts';
import { parseWindowPolicy, type WindowPolicySpec } from '../windows/window-policy.ts';
import { nextChangeAt, windowState } from '../windows/window-state.ts';
import type { CheckContext, CheckVerdict } from './check-kind.ts';

/**
 * Merging only inside the release window and outside every freeze, by GitHub's clock (the
 * evaluation's). Outside, the check is pending and says when the window opens; a scheduled run
 * turns the status when it does (the evaluation's reconsiderAt is the next change).
 */
export function evaluateWindow(spec: WindowPolicySpec, context: CheckContext): CheckVerdict {
  // The policy was checked when it was read; a spec that does not parse here is the gate's bug.
  const parsed = parseWindowPolicy(spec);
  if (!parsed.ok) throw new Error(`window check: ${parsed.errors[0]!.message}`);
  const { windows, zone, freezes } = parsed.policy;
  const state = windowState(windows, zone, freezes, context.snapshot.evaluatedAt);
  const text = describeWindowState(state, windows, zone);
  if (state.open) return { outcome: 'pass', summary: rich`${text}`, evidence: [{ kind: 'clock', name: "GitHub's clock", url: null, writer: null }] };
  const opens = state.opensAt ? ` It opens ${formatInZone(state.opensAt, zone)}.` : ' It does not open within a year.';
  return {
    outcome: 'pending',
    summary: rich`${text}`,
    fix: state.reason === 'freeze' ? rich`Wait for the freeze to end, or waive the check with a reason (an emergency fix).${opens}` : rich`Merge inside the release window.${opens}`,
    todos: [todo({ kind: 'author' }, rich`Merge inside the release window${state.opensAt ? ` (next: ${formatInZone(state.opensAt, zone)})` : ''}`)],
    blocker: state.reason === 'freeze' ? 'a release freeze' : 'the release window',
  };
}

/** When the window check's verdict changes by the clock alone; null when it never does within a year. */
export function windowChangesAt(spec: WindowPolicySpec, evaluatedAt: string): string | null {
  const parsed = parseWindowPolicy(spec);
  if (!parsed.ok) return null;
  const { windows, zone, freezes } = parsed.policy;
  return nextChangeAt(windowState(windows, zone, freezes, evaluatedAt));
}
