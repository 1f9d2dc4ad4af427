import { DAY_MS, MINUTE_MS, weekdayOfDay } from './weekdays.ts';
import { crossesMidnight, type WeeklyWindow } from './weekly-window.ts';
import { instantAt, localTimeAt } from './zoned-time.ts';

/** One opening of a weekly window, in real time; `window` is its index in the list. */
export interface Occurrence {
  start: number;
  end: number;
  window: number;
}

/**
 * Every opening of `windows` in `zone` that overlaps [from, to), by start. Each local date is
 * turned into instants on its own, so that each opening follows the offset of its own day
 * (a window is 09:00-16:00 on the wall clock the week after a DST change as well). An opening
 * the skipped hour swallows entirely is left out (see Boundary in zoned-time.ts).
 */
export function occurrencesBetween(windows: readonly WeeklyWindow[], zone: string, from: number, to: number): Occurrence[] {
  // From the day before `from`'s local date: an opening that crossed midnight may still run.
  const firstDay = Math.floor(localTimeAt(from, zone) / DAY_MS) - 1;
  const lastDay = Math.floor(localTimeAt(to, zone) / DAY_MS);
  const found: Occurrence[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const weekday = weekdayOfDay(day);
    windows.forEach((window, index) => {
      if (!window.days.includes(weekday)) return;
      const endDay = crossesMidnight(window) ? day + 1 : day;
      const start = instantAt(day * DAY_MS + window.startMinute * MINUTE_MS, zone, 'start');
      const end = instantAt(endDay * DAY_MS + window.endMinute * MINUTE_MS, zone, 'end');
      if (end > start && end > from && start < to) found.push({ start, end, window: index });
    });
  }
  return found.sort((a, b) => a.start - b.start || a.window - b.window);
}
