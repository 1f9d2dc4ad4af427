import { parseFreezes, type Freeze, type FreezeSpec } from './freezes.ts';
import { parseWeeklyWindows } from './parse-weekly-window.ts';
import { parseTimeZone } from './time-zone-name.ts';
import type { WeeklyWindow } from './weekly-window.ts';

/** A `window` check as the config writes it. */
export interface WindowPolicySpec {
  when: readonly string[];
  zone: string;
  freezes?: readonly FreezeSpec[];
}

/** The same, checked: what windowState takes. */
export interface WindowPolicy {
  windows: WeeklyWindow[];
  zone: string;
  freezes: Freeze[];
}

/** A problem, at its place in the spec (`['when', 1]`, `['freezes', 0, 'from']`) and, in a window, its column. */
export interface WindowPolicyError {
  path: (string | number)[];
  column: number | null;
  message: string;
}

export type WindowPolicyParse = { ok: true; policy: WindowPolicy } | { ok: false; errors: WindowPolicyError[] };

/** Checks all three parts and reports every problem at once, each where it is. */
export function parseWindowPolicy(spec: WindowPolicySpec): WindowPolicyParse {
  const windows = parseWeeklyWindows(spec.when);
  const zone = parseTimeZone(spec.zone);
  const freezes = parseFreezes(spec.freezes ?? []);
  const errors: WindowPolicyError[] = [
    ...(windows.ok ? [] : windows.errors.map(({ index, column, message }) => ({ path: index === null ? ['when'] : ['when', index], column, message }))),
    ...(zone.ok ? [] : [{ path: ['zone'], column: null, message: zone.message }]),
    ...(freezes.ok ? [] : freezes.errors.map(({ index, field, message }) => ({ path: field === null ? ['freezes', index] : ['freezes', index, field], column: null, message }))),
  ];
  if (!windows.ok || !zone.ok || !freezes.ok) return { ok: false, errors };
  return { ok: true, policy: { windows: windows.windows, zone: zone.zone, freezes: freezes.freezes } };
}
