/** ISO weekday numbers: Monday is 1, Sunday is 7 (the order the week is written in specs). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** The weekday a three-letter name stands for, any case; undefined for anything else. */
export function weekdayNamed(name: string): Weekday | undefined {
  const index = WEEKDAY_NAMES.findIndex((day) => day.toLowerCase() === name.toLowerCase());
  return index < 0 ? undefined : ((index + 1) as Weekday);
}

export const weekdayName = (day: Weekday): string => WEEKDAY_NAMES[day - 1]!;

/** The days from `from` to `to` inclusive, wrapping past Sunday: Fri–Mon is Fri, Sat, Sun, Mon. */
export function daysFromTo(from: Weekday, to: Weekday): Weekday[] {
  const count = ((to - from + 7) % 7) + 1;
  return Array.from({ length: count }, (_, step) => (((from - 1 + step) % 7) + 1) as Weekday);
}

/** The weekday of a civil day counted from 1970-01-01, which was a Thursday. */
export function weekdayOfDay(dayNumber: number): Weekday {
  // 0 for Monday; the double modulo keeps days before 1970 non-negative.
  const sinceMonday = (((dayNumber + 3) % 7) + 7) % 7;
  return (sinceMonday + 1) as Weekday;
}
