import { describe, expect, it } from 'vitest';
import { describeWindowState } from '../../../src/core/windows/describe-window-state.ts';
import { parseWindowPolicy, type WindowPolicySpec } from '../../../src/core/windows/window-policy.ts';
import { windowState } from '../../../src/core/windows/window-state.ts';

/** The line the check would show at `now`, for windows and freezes as a config writes them. */
function lineAt(when: string[], zone: string, now: string, freezes: WindowPolicySpec['freezes']): string {
  const parsed = parseWindowPolicy({ when, zone, freezes });
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('; '));
  const { windows, freezes: checked } = parsed.policy;
  return describeWindowState(windowState(windows, parsed.policy.zone, checked, now), windows, parsed.policy.zone);
}

const specs = ['Tue-Thu 09:00-16:00'];
const zone = 'Europe/Berlin';

describe('describeWindowState', () => {
  it.each<[string, string[], { from: string; to: string; reason: string }[], string]>([
    ['2026-12-08T10:00:00Z', specs, [], 'Inside the release window (Tue–Thu 09:00–16:00 Europe/Berlin) until Tue 2026-12-08 16:00 Europe/Berlin (15:00 UTC)'],
    ['2026-12-10T16:00:00Z', specs, [], 'Outside the release window (Tue–Thu 09:00–16:00 Europe/Berlin); next opens Tue 2026-12-15 09:00 Europe/Berlin (08:00 UTC)'],
    [
      '2026-12-08T10:00:00Z',
      specs,
      [{ from: '2026-12-07T00:00:00+01:00', to: '2026-12-09T12:00:00+01:00', reason: 'year-end freeze' }],
      'Frozen (year-end freeze) until Wed 2026-12-09 12:00 Europe/Berlin (11:00 UTC)',
    ],
    [
      '2026-12-12T10:00:00Z',
      specs,
      [{ from: '2026-12-12T00:00:00+01:00', to: '2026-12-14T00:00:00+01:00', reason: 'migration' }],
      'Frozen (migration) until Mon 2026-12-14 00:00 Europe/Berlin (Sun 2026-12-13 23:00 UTC); next opens Tue 2026-12-15 09:00 Europe/Berlin (08:00 UTC)',
    ],
    [
      '2026-12-08T10:00:00Z',
      specs,
      [{ from: '2026-12-01T00:00:00Z', to: '2028-01-01T00:00:00Z', reason: 'moratorium' }],
      'Frozen (moratorium) until Sat 2028-01-01 01:00 Europe/Berlin (00:00 UTC); does not open within 366 days',
    ],
    ['2026-12-08T10:00:00Z', ['Mon-Sun 00:00-24:00'], [], 'Inside the release window (Mon–Sun 00:00–24:00 Europe/Berlin) until at least 366 days from now'],
    ['2026-12-08T10:00:00Z', ['Mon 09:00-10:00', 'Fri 09:00-10:00'], [], 'Outside the release window (Mon 09:00–10:00; Fri 09:00–10:00 Europe/Berlin); next opens Fri 2026-12-11 09:00 Europe/Berlin (08:00 UTC)'],
  ])('at %s with %j', (now, given, freezes, text) => {
    expect(lineAt(given, zone, now, freezes)).toBe(text);
  });
});
