import { DAY_MS } from './weekdays.ts';

/*
 * Wall-clock times are handled as "local milliseconds": the epoch milliseconds of a UTC clock
 * that shows the same date and time as the zone's clock. Civil arithmetic (next day, 09:00 of a
 * date) is then plain arithmetic; only the conversion to and from real instants needs the zone,
 * and Intl.DateTimeFormat is the one source of its rules (no library, no offset tables).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // h23, not h24: midnight must read 00, never 24 of the day before.
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall clock of `zone` at `instant`, as local milliseconds. */
export function localTimeAt(instant: number, zone: string): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) fields[part.type] = Number(part.value);
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = fields;
  // Intl shows whole seconds; the milliseconds carry over unchanged (no zone offsets by a fraction of a second).
  const milliseconds = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second) + milliseconds;
}

/** How far the zone's clock is ahead of UTC at `instant`, in milliseconds. */
export const offsetAt = (instant: number, zone: string): number => localTimeAt(instant, zone) - instant;

/**
 * Which instant a window boundary at a local time means, when the zone's clock shows it
 * twice (fall back) or never (spring forward):
 * - `start`: an ambiguous time is its earlier instant; `end`: its later one. A window is thus
 *   as long as its wall-clock hours say, and it is one unbroken stretch of time.
 * - A time that does not exist (the skipped hour) is the first instant after it, the moment the
 *   clock jumps, for a start and for an end alike: `02:30-04:00` on the day Berlin skips
 *   02:00-03:00 opens at 03:00, and a window wholly inside the skipped hour does not happen.
 */
export type Boundary = 'start' | 'end';

/** The instants at which the zone's clock shows `local`, earliest first: none, one or two. */
function instantsShowing(local: number, zone: string): number[] {
  // Every offset in force within a day of `local`; each gives a candidate that holds when the
  // zone's clock really shows `local` at it. No zone is ahead or behind UTC by a day or more.
  const offsets = new Set([offsetAt(local - DAY_MS, zone), offsetAt(local, zone), offsetAt(local + DAY_MS, zone)]);
  const instants = [...offsets].map((offset) => local - offset).filter((instant) => localTimeAt(instant, zone) === local);
  return [...new Set(instants)].sort((a, b) => a - b);
}

/** The first instant whose wall clock is past `local`, which lies in a skipped stretch. */
function firstInstantAfterGap(local: number, zone: string): number {
  const offsets = [offsetAt(local - DAY_MS, zone), offsetAt(local + DAY_MS, zone)];
  // Before the jump the clock is behind `local` and after it ahead: bisect (to the second,
  // transitions fall on whole seconds) for the first instant that is ahead.
  let behind = local - Math.max(...offsets);
  let ahead = local - Math.min(...offsets);
  if (!(localTimeAt(behind, zone) < local && localTimeAt(ahead, zone) > local)) return ahead;
  while (ahead - behind > 1000) {
    const middle = behind + Math.floor((ahead - behind) / 2000) * 1000;
    if (localTimeAt(middle, zone) > local) ahead = middle;
    else behind = middle;
  }
  return ahead;
}

/** The instant a window boundary at local time `local` falls on; see Boundary for the DST rules. */
export function instantAt(local: number, zone: string, boundary: Boundary): number {
  const instants = instantsShowing(local, zone);
  if (instants.length === 0) return firstInstantAfterGap(local, zone);
  return boundary === 'start' ? instants[0]! : instants.at(-1)!;
}
