import { describe, expect, it } from 'vitest';
import { describeHours, describeWindow, describeWindows, formatInZone } from '../../../src/core/windows/describe-window.ts';
import { parseWeeklyWindow, parseWeeklyWindows } from '../../../src/core/windows/parse-weekly-window.ts';
import type { WeeklyWindow } from '../../../src/core/windows/weekly-window.ts';

function windowsOf(when: string[]): WeeklyWindow[] {
  const parsed = parseWeeklyWindows(when);
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('; '));
  return parsed.windows;
}

describe('describeWindow', () => {
  it.each([
    ['Tue-Thu 09:00-16:00', 'Europe/Berlin', 'Tue–Thu 09:00–16:00 Europe/Berlin'],
    ['mon,wed , FRI 10:00-12:30', 'UTC', 'Mon, Wed, Fri 10:00–12:30 UTC'],
    ['Fri-Mon,Wed 8:00-18:00', 'America/New_York', 'Fri–Mon, Wed 08:00–18:00 America/New_York'],
    ['Sat 00:00-24:00', 'Asia/Kolkata', 'Sat 00:00–24:00 Asia/Kolkata'],
    ['Mon-Fri 22:00-02:00', 'UTC', 'Mon–Fri 22:00–02:00 UTC'],
  ])('%j in %s reads %j', (spec, zone, text) => {
    expect(describeWindow(windowsOf([spec])[0]!, zone)).toBe(text);
  });

  it.each(['Tue-Thu 09:00-16:00', 'Fri-Mon,Wed 8:00-18:00', 'Mon-Fri 22:00-02:00', 'Sat 00:00-24:00'])('%j: what it writes parses back to the same window', (spec) => {
    const window = windowsOf([spec])[0]!;
    const again = parseWeeklyWindow(describeHours(window));
    expect(again.ok && { ...again.window, text: window.text }).toEqual(window);
  });

  it('writes several windows with the zone once', () => {
    expect(describeWindows(windowsOf(['Tue-Thu 09:00-16:00', 'Sat 10:00-12:00']), 'Europe/Berlin')).toBe('Tue–Thu 09:00–16:00; Sat 10:00–12:00 Europe/Berlin');
  });
});

describe('formatInZone', () => {
  it.each<[string | number, string, string]>([
    ['2026-12-08T08:00:00Z', 'Europe/Berlin', 'Tue 2026-12-08 09:00 Europe/Berlin (08:00 UTC)'],
    [Date.parse('2026-12-08T08:00:00Z'), 'Europe/Berlin', 'Tue 2026-12-08 09:00 Europe/Berlin (08:00 UTC)'],
    ['2026-12-08T09:00:00+01:00', 'Europe/Berlin', 'Tue 2026-12-08 09:00 Europe/Berlin (08:00 UTC)'],
    // The UTC part names its date when that differs from the zone's.
    ['2026-12-07T23:30:00Z', 'Europe/Berlin', 'Tue 2026-12-08 00:30 Europe/Berlin (Mon 2026-12-07 23:30 UTC)'],
    ['2026-12-08T03:00:00Z', 'America/New_York', 'Mon 2026-12-07 22:00 America/New_York (Tue 2026-12-08 03:00 UTC)'],
    ['2026-12-08T08:00:00Z', 'Asia/Kolkata', 'Tue 2026-12-08 13:30 Asia/Kolkata (08:00 UTC)'],
    ['2026-12-08T08:00:00Z', 'UTC', 'Tue 2026-12-08 08:00 UTC'],
    // The two 02:30s of a fall-back night read the same locally; the UTC part tells them apart.
    ['2026-10-25T00:30:00Z', 'Europe/Berlin', 'Sun 2026-10-25 02:30 Europe/Berlin (00:30 UTC)'],
    ['2026-10-25T01:30:00Z', 'Europe/Berlin', 'Sun 2026-10-25 02:30 Europe/Berlin (01:30 UTC)'],
    ['2027-03-28T01:00:00Z', 'Europe/Berlin', 'Sun 2027-03-28 03:00 Europe/Berlin (01:00 UTC)'],
    ['2026-12-18T16:59:30Z', 'Europe/Berlin', 'Fri 2026-12-18 17:59:30 Europe/Berlin (16:59:30 UTC)'],
  ])('%j in %s', (instant, zone, text) => {
    expect(formatInZone(instant, zone)).toBe(text);
  });

  it('refuses a timestamp without an offset', () => {
    expect(() => formatInZone('2026-12-08T09:00:00', 'Europe/Berlin')).toThrow(/has no offset/);
  });
});
