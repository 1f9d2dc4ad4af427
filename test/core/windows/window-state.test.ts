import { describe, expect, it } from 'vitest';
import type { FreezeSpec } from '../../../src/core/windows/freezes.ts';
import { parseWeeklyWindows } from '../../../src/core/windows/parse-weekly-window.ts';
import type { WeeklyWindow } from '../../../src/core/windows/weekly-window.ts';
import { parseWindowPolicy, type WindowPolicySpec } from '../../../src/core/windows/window-policy.ts';
import { nextChangeAt, windowState, type WindowState } from '../../../src/core/windows/window-state.ts';

/** The state for windows and freezes as a config writes them. */
function stateAt(when: string[], zone: string, now: string, freezes: WindowPolicySpec['freezes'] = []): WindowState {
  const parsed = parseWindowPolicy({ when, zone, freezes });
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('; '));
  return windowState(parsed.policy.windows, parsed.policy.zone, parsed.policy.freezes, now);
}

/** A state in one line, so that a table row reads as the expectation: "open until …", "outside, opens …". */
function summary(state: WindowState): string {
  if (state.open) return `open until ${state.closesAt ?? 'never'}`;
  const why = state.freeze ? `frozen (${state.freeze.reason} until ${state.freeze.to})` : state.reason;
  return `${why}, opens ${state.opensAt ?? 'never'}`;
}

function windowsOf(when: string[]): WeeklyWindow[] {
  const parsed = parseWeeklyWindows(when);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('; '));
  return parsed.windows;
}

// December 2026: Mon 7, Tue 8, Wed 9, Thu 10, Fri 11, Sat 12, Sun 13, Mon 14, Tue 15. Berlin is UTC+1.
describe('windowState: open or not at an instant', () => {
  it.each<[string[], string, string, string]>([
    [['Tue-Thu 09:00-16:00'], 'Europe/Berlin', '2026-12-08T07:59:59Z', 'outside, opens 2026-12-08T08:00:00Z'],
    [['Tue-Thu 09:00-16:00'], 'Europe/Berlin', '2026-12-08T08:00:00Z', 'open until 2026-12-08T15:00:00Z'],
    [['Tue-Thu 09:00-16:00'], 'Europe/Berlin', '2026-12-08T09:30:00+01:00', 'open until 2026-12-08T15:00:00Z'],
    [['Tue-Thu 09:00-16:00'], 'Europe/Berlin', '2026-12-08T14:59:59.999Z', 'open until 2026-12-08T15:00:00Z'],
    [['Tue-Thu 09:00-16:00'], 'Europe/Berlin', '2026-12-08T15:00:00Z', 'outside, opens 2026-12-09T08:00:00Z'],
    [['Tue-Thu 09:00-16:00'], 'Europe/Berlin', '2026-12-10T12:00:00Z', 'open until 2026-12-10T15:00:00Z'],
    [['Tue-Thu 09:00-16:00'], 'Europe/Berlin', '2026-12-10T15:00:00Z', 'outside, opens 2026-12-15T08:00:00Z'],
    [['Tue-Thu 09:00-16:00'], 'Europe/Berlin', '2026-12-12T12:00:00Z', 'outside, opens 2026-12-15T08:00:00Z'],
    // Tuesday 00:30 in Berlin is still Monday in UTC: the zone's day is what counts.
    [['Tue-Thu 09:00-16:00'], 'Europe/Berlin', '2026-12-07T23:30:00Z', 'outside, opens 2026-12-08T08:00:00Z'],
    [['Mon,Wed,Fri 10:00-12:30'], 'UTC', '2026-12-07T11:00:00Z', 'open until 2026-12-07T12:30:00Z'],
    [['Mon,Wed,Fri 10:00-12:30'], 'UTC', '2026-12-08T11:00:00Z', 'outside, opens 2026-12-09T10:00:00Z'],
    [['Mon,Wed,Fri 10:00-12:30'], 'UTC', '2026-12-11T12:30:00Z', 'outside, opens 2026-12-14T10:00:00Z'],
    [['Mon-Fri 10:00-18:00'], 'Asia/Kolkata', '2026-12-14T04:29:00Z', 'outside, opens 2026-12-14T04:30:00Z'],
    [['Mon-Fri 10:00-18:00'], 'Asia/Kolkata', '2026-12-14T12:29:00Z', 'open until 2026-12-14T12:30:00Z'],
  ])('%j in %s at %s: %s', (specs, zone, now, expected) => {
    expect(summary(stateAt(specs, zone, now))).toBe(expected);
  });
});

describe('windowState: windows that cross midnight or wrap the week', () => {
  it.each<[string[], string, string]>([
    // Sunday is not a day of this window, so Monday 01:00 is outside: the night belongs to its start day.
    [['Mon-Fri 22:00-02:00'], '2026-12-07T01:00:00Z', 'outside, opens 2026-12-07T22:00:00Z'],
    [['Mon-Fri 22:00-02:00'], '2026-12-07T22:00:00Z', 'open until 2026-12-08T02:00:00Z'],
    [['Mon-Fri 22:00-02:00'], '2026-12-08T01:59:00Z', 'open until 2026-12-08T02:00:00Z'],
    [['Mon-Fri 22:00-02:00'], '2026-12-08T12:00:00Z', 'outside, opens 2026-12-08T22:00:00Z'],
    [['Mon-Fri 22:00-02:00'], '2026-12-12T01:00:00Z', 'open until 2026-12-12T02:00:00Z'],
    [['Mon-Fri 22:00-02:00'], '2026-12-12T02:00:00Z', 'outside, opens 2026-12-14T22:00:00Z'],
    [['Mon-Fri 22:00-02:00'], '2026-12-12T23:00:00Z', 'outside, opens 2026-12-14T22:00:00Z'],
    [['Fri-Mon 08:00-18:00'], '2026-12-13T12:00:00Z', 'open until 2026-12-13T18:00:00Z'],
    [['Fri-Mon 08:00-18:00'], '2026-12-14T17:59:00Z', 'open until 2026-12-14T18:00:00Z'],
    [['Fri-Mon 08:00-18:00'], '2026-12-14T18:00:00Z', 'outside, opens 2026-12-18T08:00:00Z'],
    [['Fri-Mon 08:00-18:00'], '2026-12-09T12:00:00Z', 'outside, opens 2026-12-11T08:00:00Z'],
    [['Sun 22:00-02:00'], '2026-12-14T01:00:00Z', 'open until 2026-12-14T02:00:00Z'],
    [['Sun 22:00-02:00'], '2026-12-13T21:00:00Z', 'outside, opens 2026-12-13T22:00:00Z'],
    [['Sat 00:00-24:00'], '2026-12-12T00:00:00Z', 'open until 2026-12-13T00:00:00Z'],
    [['Sat 00:00-24:00'], '2026-12-11T23:59:00Z', 'outside, opens 2026-12-12T00:00:00Z'],
    // Windows that touch or overlap are one stretch: closesAt is when merging really stops.
    [['Sat 00:00-24:00', 'Sun 00:00-24:00'], '2026-12-12T12:00:00Z', 'open until 2026-12-14T00:00:00Z'],
    [['Fri 23:00-01:00', 'Sat 01:00-02:00'], '2026-12-11T23:30:00Z', 'open until 2026-12-12T02:00:00Z'],
    [['Mon-Fri 09:00-12:00', 'Mon-Fri 11:00-17:00'], '2026-12-14T09:30:00Z', 'open until 2026-12-14T17:00:00Z'],
    [['Mon-Sun 00:00-24:00'], '2026-12-14T09:30:00Z', 'open until never'],
  ])('%j in UTC at %s: %s', (specs, now, expected) => {
    expect(summary(stateAt(specs, 'UTC', now))).toBe(expected);
  });

  it('names the window open now, the first listed when several are', () => {
    const specs = ['Mon-Fri 09:00-12:00', 'Mon-Fri 11:00-17:00'];
    expect(stateAt(specs, 'UTC', '2026-12-14T11:30:00Z')).toMatchObject({ open: true, window: 'Mon–Fri 09:00–12:00 UTC' });
    expect(stateAt(specs, 'UTC', '2026-12-14T12:30:00Z')).toMatchObject({ open: true, window: 'Mon–Fri 11:00–17:00 UTC' });
  });
});

const freeze = (from: string, to: string, reason: string): FreezeSpec => ({ from, to, reason });

describe('windowState with freezes (Tue-Thu 09:00-16:00 Europe/Berlin)', () => {
  it.each<[FreezeSpec[], string, string]>([
    [[freeze('2026-12-07T00:00:00+01:00', '2026-12-14T00:00:00+01:00', 'release train')], '2026-12-08T09:00:00Z', 'frozen (release train until 2026-12-13T23:00:00Z), opens 2026-12-15T08:00:00Z'],
    // A freeze that ends inside a window: merging opens when the freeze ends, not at the window's start.
    [[freeze('2026-12-07T18:00:00+01:00', '2026-12-08T10:30:00+01:00', 'incident')], '2026-12-08T08:30:00Z', 'frozen (incident until 2026-12-08T09:30:00Z), opens 2026-12-08T09:30:00Z'],
    [[freeze('2026-12-07T18:00:00+01:00', '2026-12-08T10:30:00+01:00', 'incident')], '2026-12-08T09:30:00Z', 'open until 2026-12-08T15:00:00Z'],
    // A freeze that starts inside a window closes it early.
    [[freeze('2026-12-08T12:00:00+01:00', '2026-12-08T13:00:00+01:00', 'review')], '2026-12-08T08:30:00Z', 'open until 2026-12-08T11:00:00Z'],
    [[freeze('2026-12-08T12:00:00+01:00', '2026-12-08T13:00:00+01:00', 'review')], '2026-12-08T11:00:00Z', 'frozen (review until 2026-12-08T12:00:00Z), opens 2026-12-08T12:00:00Z'],
    [[freeze('2026-12-08T12:00:00+01:00', '2026-12-08T13:00:00+01:00', 'review')], '2026-12-08T12:00:00Z', 'open until 2026-12-08T15:00:00Z'],
    // Outside the windows a freeze is still the reason given: it is the more telling one.
    [[freeze('2026-12-12T00:00:00+01:00', '2026-12-14T12:00:00+01:00', 'migration')], '2026-12-12T12:00:00Z', 'frozen (migration until 2026-12-14T11:00:00Z), opens 2026-12-15T08:00:00Z'],
    [[freeze('2026-12-07T00:00:00Z', '2026-12-08T09:00:00+01:00', 'audit')], '2026-12-08T07:00:00Z', 'frozen (audit until 2026-12-08T08:00:00Z), opens 2026-12-08T08:00:00Z'],
    [[freeze('2026-12-08T16:00:00+01:00', '2026-12-20T00:00:00Z', 'year-end')], '2026-12-08T12:00:00Z', 'open until 2026-12-08T15:00:00Z'],
    // Chained freezes: the reason is the freeze covering now, the opening is after both.
    [
      [freeze('2026-12-07T00:00:00Z', '2026-12-10T12:00:00+01:00', 'first'), freeze('2026-12-10T11:00:00+01:00', '2026-12-15T10:00:00+01:00', 'second')],
      '2026-12-08T09:00:00Z',
      'frozen (first until 2026-12-10T11:00:00Z), opens 2026-12-15T09:00:00Z',
    ],
    // Two freezes cover now: the one that ends last is named.
    [
      [freeze('2026-12-07T00:00:00Z', '2026-12-09T00:00:00Z', 'short'), freeze('2026-12-07T00:00:00Z', '2026-12-11T00:00:00Z', 'long')],
      '2026-12-08T09:00:00Z',
      'frozen (long until 2026-12-11T00:00:00Z), opens 2026-12-15T08:00:00Z',
    ],
    // Starting exactly now freezes; ending exactly now does not.
    [[freeze('2026-12-08T10:00:00Z', '2026-12-08T11:00:00Z', 'deploy')], '2026-12-08T10:00:00Z', 'frozen (deploy until 2026-12-08T11:00:00Z), opens 2026-12-08T11:00:00Z'],
    [[freeze('2026-12-08T10:00:00Z', '2026-12-08T11:00:00Z', 'deploy')], '2026-12-08T11:00:00Z', 'open until 2026-12-08T15:00:00Z'],
    // Weeks ahead: past the first look (15 days), within the horizon.
    [[freeze('2026-12-01T00:00:00Z', '2027-02-01T00:00:00+01:00', 'audit season')], '2026-12-08T09:00:00Z', 'frozen (audit season until 2027-01-31T23:00:00Z), opens 2027-02-02T08:00:00Z'],
    // Nothing opens within the horizon (366 days): opensAt is null.
    [[freeze('2026-12-01T00:00:00Z', '2028-01-01T00:00:00Z', 'moratorium')], '2026-12-08T09:00:00Z', 'frozen (moratorium until 2028-01-01T00:00:00Z), opens never'],
  ])('%j at %s: %s', (freezes, now, expected) => {
    expect(summary(stateAt(['Tue-Thu 09:00-16:00'], 'Europe/Berlin', now, freezes))).toBe(expected);
  });

  it('closes an always-open window at the next freeze, and reopens after it', () => {
    const freezes = [freeze('2026-12-20T00:00:00Z', '2027-01-04T00:00:00Z', 'year-end')];
    expect(summary(stateAt(['Mon-Sun 00:00-24:00'], 'UTC', '2026-12-08T00:00:00Z', freezes))).toBe('open until 2026-12-20T00:00:00Z');
    expect(summary(stateAt(['Mon-Sun 00:00-24:00'], 'UTC', '2026-12-25T00:00:00Z', freezes))).toBe('frozen (year-end until 2027-01-04T00:00:00Z), opens 2027-01-04T00:00:00Z');
  });

  it('finds a closing weeks ahead', () => {
    const freezes = [freeze('2027-01-20T00:00:00Z', '2027-01-21T00:00:00Z', 'migration')];
    expect(summary(stateAt(['Mon-Sun 00:00-24:00'], 'UTC', '2026-12-08T00:00:00Z', freezes))).toBe('open until 2027-01-20T00:00:00Z');
  });

  it('finds an opening up to 366 days ahead, and not past it', () => {
    const freezes = (to: string) => [freeze('2026-12-01T00:00:00Z', to, 'long')];
    expect(summary(stateAt(['Mon-Sun 00:00-24:00'], 'UTC', '2026-12-08T00:00:00Z', freezes('2027-12-09T00:00:00Z')))).toBe('frozen (long until 2027-12-09T00:00:00Z), opens 2027-12-09T00:00:00Z');
    expect(summary(stateAt(['Mon-Sun 00:00-24:00'], 'UTC', '2026-12-08T00:00:00Z', freezes('2027-12-09T00:00:01Z')))).toBe('frozen (long until 2027-12-09T00:00:01Z), opens never');
  });
});

describe('nextChangeAt', () => {
  it('is closesAt when open and opensAt when not', () => {
    const windows = windowsOf(['Tue-Thu 09:00-16:00']);
    expect(nextChangeAt(windowState(windows, 'Europe/Berlin', [], '2026-12-08T10:00:00Z'))).toBe('2026-12-08T15:00:00Z');
    expect(nextChangeAt(windowState(windows, 'Europe/Berlin', [], '2026-12-08T16:00:00Z'))).toBe('2026-12-09T08:00:00Z');
    expect(nextChangeAt(windowState(windowsOf(['Mon-Sun 00:00-24:00']), 'UTC', [], '2026-12-08T16:00:00Z'))).toBeNull();
  });
});

describe('the clock', () => {
  it.each(['2026-12-08T09:00:00', 'now', ''])('refuses %j: a clock without an offset would be read in the runner’s zone', (now) => {
    expect(() => windowState(windowsOf(['Tue 09:00-16:00']), 'UTC', [], now)).toThrow(RangeError);
  });
});
