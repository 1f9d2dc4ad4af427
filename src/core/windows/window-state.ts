import { describeWindow } from './describe-window.ts';
import type { Freeze } from './freezes.ts';
import { mergeIntervals, subtractIntervals } from './intervals.ts';
import { isoOf, parseInstant } from './iso-instant.ts';
import { DAY_MS } from './weekdays.ts';
import type { WeeklyWindow } from './weekly-window.ts';
import { occurrencesBetween } from './window-occurrences.ts';

/** How far ahead the next opening or closing is looked for; past it, the answer is null. */
export const HORIZON_DAYS = 366;

/** How far the first, cheap look goes: far enough for most next changes (each day costs Intl calls). */
const SHORT_LOOK_DAYS = 15;

export type WindowState =
  | {
      open: true;
      /** When merging next stops being allowed (the window ends or a freeze starts); null if not within the horizon. */
      closesAt: string | null;
      /** The window open now, described: "Tue–Thu 09:00–16:00 Europe/Berlin". */
      window: string;
    }
  | {
      open: false;
      /** When merging next becomes allowed (inside a window, outside every freeze); null if not within the horizon. */
      opensAt: string | null;
      /** `freeze` when a freeze covers now, even outside the windows: it is the more telling reason. */
      reason: 'outside' | 'freeze';
      /** The freeze covering now; of several, the one that ends last. */
      freeze?: { reason: string; to: string };
    };

function clockOf(nowIso: string): number {
  const now = parseInstant(nowIso);
  // The clock comes from GitHub, not from a person: a bad one is a bug, not a config error.
  if (!now.ok) throw new RangeError(`the clock: ${now.message}`);
  return now.instant;
}

/**
 * Whether merging is allowed at `nowIso`: inside one of the weekly `windows` on the wall
 * clock of `zone` and outside every freeze. Windows are [start, end) and freezes [from, to):
 * the first minute is in, the last instant is out. Windows that touch or overlap count as one
 * stretch, so `closesAt` is when merging really stops. DST rules: see Boundary in zoned-time.ts.
 */
export function windowState(windows: readonly WeeklyWindow[], zone: string, freezes: readonly Freeze[], nowIso: string): WindowState {
  const now = clockOf(nowIso);
  // Most answers lie within days: look a little ahead first, the whole horizon only if that does not settle it.
  return stateWithin(windows, zone, freezes, now, SHORT_LOOK_DAYS) ?? stateWithin(windows, zone, freezes, now, HORIZON_DAYS)!;
}

/** The state, if looking `days` ahead settles it; at the horizon it always does. */
function stateWithin(windows: readonly WeeklyWindow[], zone: string, freezes: readonly Freeze[], now: number, days: number): WindowState | undefined {
  const until = now + days * DAY_MS;
  const final = days >= HORIZON_DAYS;
  // A day past `until`, so that an opening that runs past it is seen as running past it.
  const occurrences = occurrencesBetween(windows, zone, now, until + DAY_MS);
  const frozen = freezes.map((freeze) => ({ start: freeze.from, end: freeze.to }));
  const allowed = subtractIntervals(mergeIntervals(occurrences), frozen);
  const current = allowed.find((interval) => interval.start <= now && now < interval.end);
  if (current) {
    if (current.end > until && !final) return undefined;
    const window = occurrences.find((occurrence) => occurrence.start <= now && now < occurrence.end)!;
    return { open: true, closesAt: current.end <= until ? isoOf(current.end) : null, window: describeWindow(windows[window.window]!, zone) };
  }
  const next = allowed.find((interval) => interval.start > now && interval.start <= until);
  if (!next && !final) return undefined;
  const opensAt = next ? isoOf(next.start) : null;
  const covering = freezes.filter((freeze) => freeze.from <= now && now < freeze.to).sort((a, b) => b.to - a.to)[0];
  if (!covering) return { open: false, opensAt, reason: 'outside' };
  return { open: false, opensAt, reason: 'freeze', freeze: { reason: covering.reason, to: isoOf(covering.to) } };
}

/** When the state next changes (closesAt when open, opensAt when not): when a scheduled run should evaluate again. */
export const nextChangeAt = (state: WindowState): string | null => (state.open ? state.closesAt : state.opensAt);
