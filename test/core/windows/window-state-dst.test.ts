import { describe, expect, it } from 'vitest';
import { parseWindowPolicy, type WindowPolicySpec } from '../../../src/core/windows/window-policy.ts';
import { windowState, type WindowState } from '../../../src/core/windows/window-state.ts';

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

/*
 * The DST rules (Boundary in zoned-time.ts): a boundary in a skipped hour falls at the jump;
 * an ambiguous start is its first instant and an ambiguous end its second, so a window is one
 * unbroken stretch as long as its wall-clock hours.
 *   Europe/Berlin:    2027-03-28 02:00 CET → 03:00 CEST at 01:00Z; 2026-10-25 03:00 CEST → 02:00 CET at 01:00Z.
 *   America/New_York: 2027-03-14 02:00 EST → 03:00 EDT at 07:00Z; 2026-11-01 02:00 EDT → 01:00 EST at 06:00Z.
 */
type Row = [string, string, string, string];

describe('Europe/Berlin springs forward on Sunday 2027-03-28', () => {
  it.each<Row>([
    // A window that includes the skipped hour is an hour shorter in real time: 01:00 CET to 04:00 CEST.
    ['Sun 01:00-04:00', '2027-03-27T23:59:00Z', 'outside, opens 2027-03-28T00:00:00Z', 'just before'],
    ['Sun 01:00-04:00', '2027-03-28T00:59:00Z', 'open until 2027-03-28T02:00:00Z', '01:59 CET'],
    ['Sun 01:00-04:00', '2027-03-28T01:00:00Z', 'open until 2027-03-28T02:00:00Z', '03:00 CEST, right after the jump'],
    // A start in the skipped hour opens at the jump.
    ['Sun 02:30-05:00', '2027-03-28T00:30:00Z', 'outside, opens 2027-03-28T01:00:00Z', 'start at 02:30, which does not exist'],
    ['Sun 02:30-05:00', '2027-03-28T01:00:00Z', 'open until 2027-03-28T03:00:00Z', 'the jump'],
    // An end in the skipped hour closes at the jump.
    ['Sat 22:00-02:30', '2027-03-28T00:59:00Z', 'open until 2027-03-28T01:00:00Z', 'end at 02:30, which does not exist'],
    ['Sat 22:00-02:30', '2027-03-28T01:00:00Z', 'outside, opens 2027-04-03T20:00:00Z', 'after the jump; next Saturday is CEST'],
    // A window wholly inside the skipped hour does not happen that Sunday.
    ['Sun 02:00-02:45', '2027-03-21T01:30:00Z', 'open until 2027-03-21T01:45:00Z', 'the Sunday before (CET)'],
    ['Sun 02:00-02:45', '2027-03-27T12:00:00Z', 'outside, opens 2027-04-04T00:00:00Z', 'skips to the Sunday after (CEST)'],
    // A whole day is 23 hours long.
    ['Sun 00:00-24:00', '2027-03-27T23:00:00Z', 'open until 2027-03-28T22:00:00Z', 'the short day'],
    // opensAt across the change: Monday 09:00 is 07:00Z, no longer 08:00Z.
    ['Mon-Fri 09:00-17:00', '2027-03-26T16:00:00Z', 'outside, opens 2027-03-29T07:00:00Z', 'Friday 17:00 CET'],
    ['Mon-Fri 09:00-17:00', '2027-03-29T07:00:00Z', 'open until 2027-03-29T15:00:00Z', 'Monday 09:00 CEST'],
  ])('%s at %s: %s (%s)', (spec, now, expected) => {
    expect(summary(stateAt([spec], 'Europe/Berlin', now))).toBe(expected);
  });
});

describe('Europe/Berlin falls back on Sunday 2026-10-25', () => {
  it.each<Row>([
    // An end in the repeated hour is its second 02:30: the window runs through both passes.
    ['Sat 22:00-02:30', '2026-10-24T20:00:00Z', 'open until 2026-10-25T01:30:00Z', 'Saturday 22:00 CEST'],
    ['Sat 22:00-02:30', '2026-10-25T00:45:00Z', 'open until 2026-10-25T01:30:00Z', '02:45 CEST: past 02:30 on the clock, yet open'],
    ['Sat 22:00-02:30', '2026-10-25T01:15:00Z', 'open until 2026-10-25T01:30:00Z', '02:15 CET, the second pass'],
    ['Sat 22:00-02:30', '2026-10-25T01:30:00Z', 'outside, opens 2026-10-31T21:00:00Z', 'the second 02:30; next Saturday is CET'],
    // A start in the repeated hour is its first 02:30.
    ['Sun 02:30-05:00', '2026-10-25T00:29:00Z', 'outside, opens 2026-10-25T00:30:00Z', 'just before the first 02:30'],
    ['Sun 02:30-05:00', '2026-10-25T01:00:00Z', 'open until 2026-10-25T04:00:00Z', '02:00 CET: before 02:30 on the clock, yet open'],
    // A window inside the repeated hour lasts from its first start to its second end: 90 minutes, not 30.
    ['Sun 02:00-02:30', '2026-10-25T00:00:00Z', 'open until 2026-10-25T01:30:00Z', 'the first 02:00'],
    ['Sun 02:00-02:30', '2026-10-25T00:45:00Z', 'open until 2026-10-25T01:30:00Z', '02:45 CEST'],
    // A whole day is 25 hours long.
    ['Sun 00:00-24:00', '2026-10-24T22:00:00Z', 'open until 2026-10-25T23:00:00Z', 'the long day'],
    ['Mon-Fri 09:00-17:00', '2026-10-23T15:00:00Z', 'outside, opens 2026-10-26T08:00:00Z', 'Friday 17:00 CEST'],
  ])('%s at %s: %s (%s)', (spec, now, expected) => {
    expect(summary(stateAt([spec], 'Europe/Berlin', now))).toBe(expected);
  });
});

describe('America/New_York: 2027-03-14 forward, 2026-11-01 back', () => {
  it.each<Row>([
    ['Sun 01:00-04:00', '2027-03-14T07:30:00Z', 'open until 2027-03-14T08:00:00Z', '03:30 EDT, inside a window holding the skipped hour'],
    ['Sun 01:00-04:00', '2027-03-14T05:59:00Z', 'outside, opens 2027-03-14T06:00:00Z', '00:59 EST'],
    ['Sat 22:00-03:00', '2027-03-14T03:00:00Z', 'open until 2027-03-14T07:00:00Z', 'a four-hour night'],
    ['Sun 02:15-02:45', '2027-03-13T12:00:00Z', 'outside, opens 2027-03-21T06:15:00Z', 'wholly skipped: the next Sunday, EDT'],
    ['Mon-Fri 09:00-17:00', '2027-03-12T22:00:00Z', 'outside, opens 2027-03-15T13:00:00Z', 'Friday 17:00 EST'],
    ['Sat 20:00-01:30', '2026-11-01T00:00:00Z', 'open until 2026-11-01T06:30:00Z', 'Saturday 20:00 EDT; ends at the second 01:30'],
    ['Sat 20:00-01:30', '2026-11-01T06:15:00Z', 'open until 2026-11-01T06:30:00Z', '01:15 EST, the second pass'],
    ['Sat 20:00-01:30', '2026-11-01T06:30:00Z', 'outside, opens 2026-11-08T01:00:00Z', 'next Saturday 20:00 EST'],
    ['Sat 22:00-03:00', '2026-11-01T02:00:00Z', 'open until 2026-11-01T08:00:00Z', 'a six-hour night'],
    ['Mon-Fri 09:00-17:00', '2026-10-30T21:00:00Z', 'outside, opens 2026-11-02T14:00:00Z', 'Friday 17:00 EDT'],
  ])('%s at %s: %s (%s)', (spec, now, expected) => {
    expect(summary(stateAt([spec], 'America/New_York', now))).toBe(expected);
  });
});

describe('zones without DST keep their offset across the European and American changes', () => {
  it.each<[string, string, string, string]>([
    ['Asia/Kolkata', 'Mon-Fri 10:00-18:00', '2027-03-26T12:30:00Z', 'outside, opens 2027-03-29T04:30:00Z'],
    ['Asia/Kolkata', 'Mon-Fri 10:00-18:00', '2026-10-23T12:30:00Z', 'outside, opens 2026-10-26T04:30:00Z'],
    ['Asia/Kolkata', 'Sun 02:00-03:00', '2027-03-27T21:15:00Z', 'open until 2027-03-27T21:30:00Z'],
    ['UTC', 'Mon-Fri 09:00-17:00', '2027-03-26T17:00:00Z', 'outside, opens 2027-03-29T09:00:00Z'],
    ['UTC', 'Sun 02:00-03:00', '2026-10-25T02:30:00Z', 'open until 2026-10-25T03:00:00Z'],
    ['UTC', 'Sun 01:00-02:00', '2027-03-14T01:30:00Z', 'open until 2027-03-14T02:00:00Z'],
  ])('%s: %s at %s: %s', (zone, spec, now, expected) => {
    expect(summary(stateAt([spec], zone, now))).toBe(expected);
  });
});

describe('a freeze across a DST change', () => {
  it('opens at the first window after the freeze, on the new offset', () => {
    const freezes = [{ from: '2027-03-20T00:00:00+01:00', to: '2027-03-30T00:00:00+02:00', reason: 'quarter close' }];
    expect(summary(stateAt(['Mon-Fri 09:00-17:00'], 'Europe/Berlin', '2027-03-26T10:00:00Z', freezes))).toBe('frozen (quarter close until 2027-03-29T22:00:00Z), opens 2027-03-30T07:00:00Z');
  });
});
