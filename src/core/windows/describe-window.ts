import { parseInstant } from './iso-instant.ts';
import { DAY_MS, weekdayName, weekdayOfDay } from './weekdays.ts';
import type { WeeklyWindow } from './weekly-window.ts';
import { localTimeAt } from './zoned-time.ts';

const pad = (value: number): string => String(value).padStart(2, '0');
const clock = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** The days and hours, with en dashes, as written (no zone): "Tue–Thu 09:00–16:00", "Mon, Wed 22:00–02:00". */
export function describeHours(window: WeeklyWindow): string {
  const days = window.dayGroups.map(({ from, to }) => (from === to ? weekdayName(from) : `${weekdayName(from)}–${weekdayName(to)}`)).join(', ');
  return `${days} ${clock(window.startMinute)}–${clock(window.endMinute)}`;
}

/** "Tue–Thu 09:00–16:00 Europe/Berlin". */
export const describeWindow = (window: WeeklyWindow, zone: string): string => `${describeHours(window)} ${zone}`;

/** Several windows, the zone once: "Tue–Thu 09:00–16:00; Sat 10:00–12:00 Europe/Berlin". */
export const describeWindows = (windows: readonly WeeklyWindow[], zone: string): string => `${windows.map(describeHours).join('; ')} ${zone}`;

/** "Tue 2026-12-08 09:00", seconds only when there are some (a freeze may end at 17:59:30). */
function wallClockText(local: number): string {
  const date = new Date(local);
  const seconds = date.getUTCSeconds();
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
  return `${weekdayName(weekdayOfDay(Math.floor(local / DAY_MS)))} ${date.toISOString().slice(0, 10)} ${time}`;
}

/**
 * An instant on the zone's clock and on UTC's: "Tue 2026-12-08 09:00 Europe/Berlin (08:00 UTC)".
 * The UTC part repeats the date when it differs ("(Mon 2026-12-07 23:30 UTC)"), and it tells
 * apart the two 02:30s of a fall-back night. A zone named UTC is written once.
 */
export function formatInZone(instant: string | number, zone: string): string {
  let at = instant;
  if (typeof at === 'string') {
    const parsed = parseInstant(at);
    if (!parsed.ok) throw new RangeError(parsed.message);
    at = parsed.instant;
  }
  const local = wallClockText(localTimeAt(at, zone));
  if (zone.toUpperCase() === 'UTC') return `${local} UTC`;
  const utc = wallClockText(at);
  const sameDate = utc.slice(0, 14) === local.slice(0, 14);
  return `${local} ${zone} (${sameDate ? utc.slice(15) : utc} UTC)`;
}
