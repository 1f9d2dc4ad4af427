import type { Weekday } from './weekdays.ts';

/** Days as the spec wrote them: one day (`from === to`) or a range that may wrap past Sunday. */
export interface DayGroup {
  from: Weekday;
  to: Weekday;
}

/**
 * A window that recurs every week, on the wall clock of a time zone given separately: on each
 * of `days` it opens at `startMinute` and closes at `endMinute`. When `endMinute <= startMinute`
 * it closes the next day (`Mon 22:00-02:00` runs into Tuesday and belongs to Monday).
 */
export interface WeeklyWindow {
  /** The spec as written, trimmed. */
  text: string;
  /** The days as written, for describing the window the way its author put it. */
  dayGroups: DayGroup[];
  /** The days the window starts on, Monday first, each once. */
  days: Weekday[];
  /** Minutes after local midnight, 0..1439. */
  startMinute: number;
  /** Minutes after local midnight, 1..1440 (1440 is `24:00`, the end of the day). */
  endMinute: number;
}

export const crossesMidnight = (window: WeeklyWindow): boolean => window.endMinute <= window.startMinute;

/** A spec problem: what is wrong, and the 1-based column it is at (the message names it too). */
export interface WindowSpecError {
  column: number;
  message: string;
}
