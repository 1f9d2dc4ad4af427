import { describe, expect, it } from 'vitest';
import { instantAt, localTimeAt, offsetAt } from '../../../src/core/windows/zoned-time.ts';

/** A wall-clock time written as ISO without offset, as local milliseconds. */
const local = (text: string) => Date.parse(`${text}Z`);
const iso = (instant: number) => new Date(instant).toISOString().replace('.000Z', 'Z');

describe('localTimeAt', () => {
  it.each([
    ['2026-12-08T08:00:00Z', 'Europe/Berlin', '2026-12-08T09:00'],
    ['2026-07-08T08:00:00Z', 'Europe/Berlin', '2026-07-08T10:00'],
    // Midnight reads 00:00 of the new day, never 24:00 of the old one.
    ['2026-12-07T23:00:00Z', 'Europe/Berlin', '2026-12-08T00:00'],
    ['2026-12-08T08:00:00Z', 'Asia/Kolkata', '2026-12-08T13:30'],
    ['2026-12-08T08:00:00Z', 'UTC', '2026-12-08T08:00'],
    ['2027-03-28T00:59:59Z', 'Europe/Berlin', '2027-03-28T01:59:59'],
    ['2027-03-28T01:00:00Z', 'Europe/Berlin', '2027-03-28T03:00'],
    ['2026-10-25T00:30:00Z', 'Europe/Berlin', '2026-10-25T02:30'],
    ['2026-10-25T01:30:00Z', 'Europe/Berlin', '2026-10-25T02:30'],
    ['2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01T01:30'],
    ['2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01T01:30'],
    ['2026-12-08T08:00:00.250Z', 'America/New_York', '2026-12-08T03:00:00.250'],
  ])('%s in %s reads %s', (instant, zone, wallClock) => {
    expect(localTimeAt(Date.parse(instant), zone)).toBe(local(wallClock));
  });

  it('gives the offset in force', () => {
    expect(offsetAt(Date.parse('2027-03-28T00:59:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(offsetAt(Date.parse('2027-03-28T01:00:00Z'), 'Europe/Berlin')).toBe(7_200_000);
    expect(offsetAt(Date.parse('2026-11-01T06:00:00Z'), 'America/New_York')).toBe(-18_000_000);
  });
});

describe('instantAt', () => {
  it.each<[string, string, string, string, string]>([
    // An ordinary time is one instant, whichever boundary it is.
    ['2026-12-08T09:00', 'Europe/Berlin', '2026-12-08T08:00:00Z', '2026-12-08T08:00:00Z', 'winter'],
    ['2026-07-08T09:00', 'Europe/Berlin', '2026-07-08T07:00:00Z', '2026-07-08T07:00:00Z', 'summer'],
    ['2026-12-08T09:00', 'Asia/Kolkata', '2026-12-08T03:30:00Z', '2026-12-08T03:30:00Z', 'no DST, half-hour offset'],
    ['2027-03-28T02:30', 'Asia/Kolkata', '2027-03-27T21:00:00Z', '2027-03-27T21:00:00Z', 'no DST on a European DST day'],
    ['2027-03-28T02:30', 'UTC', '2027-03-28T02:30:00Z', '2027-03-28T02:30:00Z', 'UTC'],
    // Spring forward: the skipped hour is the moment of the jump, for either boundary.
    ['2027-03-28T02:30', 'Europe/Berlin', '2027-03-28T01:00:00Z', '2027-03-28T01:00:00Z', 'Berlin skips 02:00-03:00'],
    ['2027-03-28T02:00', 'Europe/Berlin', '2027-03-28T01:00:00Z', '2027-03-28T01:00:00Z', 'the first skipped minute'],
    ['2027-03-28T02:59', 'Europe/Berlin', '2027-03-28T01:00:00Z', '2027-03-28T01:00:00Z', 'the last skipped minute'],
    ['2027-03-28T03:00', 'Europe/Berlin', '2027-03-28T01:00:00Z', '2027-03-28T01:00:00Z', 'the first time after the jump'],
    ['2027-03-28T01:59', 'Europe/Berlin', '2027-03-28T00:59:00Z', '2027-03-28T00:59:00Z', 'the last time before the jump'],
    ['2027-03-14T02:30', 'America/New_York', '2027-03-14T07:00:00Z', '2027-03-14T07:00:00Z', 'New York skips 02:00-03:00'],
    // Fall back: an ambiguous time starts at its first instant and ends at its second.
    ['2026-10-25T02:30', 'Europe/Berlin', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', 'Berlin repeats 02:00-03:00'],
    ['2026-10-25T02:00', 'Europe/Berlin', '2026-10-25T00:00:00Z', '2026-10-25T01:00:00Z', 'the first repeated minute'],
    ['2026-10-25T03:00', 'Europe/Berlin', '2026-10-25T02:00:00Z', '2026-10-25T02:00:00Z', 'the first time after the repeat'],
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', 'New York repeats 01:00-02:00'],
    // Odd zones: a 30-minute DST shift, and DST changes at midnight.
    ['2026-10-04T02:15', 'Australia/Lord_Howe', '2026-10-03T15:30:00Z', '2026-10-03T15:30:00Z', 'Lord Howe skips 02:00-02:30'],
    ['2027-04-04T01:45', 'Australia/Lord_Howe', '2027-04-03T14:45:00Z', '2027-04-03T15:15:00Z', 'Lord Howe repeats 01:30-02:00'],
    ['2026-09-06T00:00', 'America/Santiago', '2026-09-06T04:00:00Z', '2026-09-06T04:00:00Z', 'Santiago skips midnight'],
    ['2026-04-04T23:30', 'America/Santiago', '2026-04-05T02:30:00Z', '2026-04-05T03:30:00Z', 'Santiago repeats 23:00-24:00'],
  ])('%s in %s: start %s, end %s (%s)', (wallClock, zone, start, end) => {
    expect(iso(instantAt(local(wallClock), zone, 'start'))).toBe(start);
    expect(iso(instantAt(local(wallClock), zone, 'end'))).toBe(end);
  });
});
