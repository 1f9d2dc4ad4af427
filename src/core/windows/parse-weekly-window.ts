import { tokenize, type Token } from './window-tokens.ts';
import { daysFromTo, weekdayName, weekdayNamed, WEEKDAY_NAMES, type Weekday } from './weekdays.ts';
import type { DayGroup, WeeklyWindow, WindowSpecError } from './weekly-window.ts';

export type WindowParse = { ok: true; window: WeeklyWindow } | { ok: false; error: WindowSpecError };

const EXAMPLE = '`Tue-Thu 09:00-16:00`';
const HOURS_EXAMPLE = '`09:00-16:00`';

/** Thrown inside the parser only; parseWeeklyWindow turns it into an error value. */
class SpecError extends Error {
  readonly column: number;
  constructor(column: number, message: string) {
    super(message);
    this.column = column;
  }
}

function fail(column: number, message: string): never {
  throw new SpecError(column, message);
}

/** Reads tokens front to back; `endColumn` is where "the end of the text" is reported. */
class Cursor {
  private index = 0;
  private readonly tokens: Token[];
  readonly endColumn: number;
  constructor(tokens: Token[], endColumn: number) {
    this.tokens = tokens;
    this.endColumn = endColumn;
  }
  peek(): Token | undefined {
    return this.tokens[this.index];
  }
  next(): Token {
    return this.tokens[this.index++]!;
  }
  /** The next token if it is of `kind` (consumed), else undefined (not consumed). */
  take(kind: Token['kind']): Token | undefined {
    return this.peek()?.kind === kind ? this.next() : undefined;
  }
  columnHere(): number {
    return this.peek()?.column ?? this.endColumn;
  }
}

function dayOf(token: Token): Weekday {
  const day = weekdayNamed(token.text);
  if (day !== undefined) return day;
  const prefix = weekdayNamed(token.text.slice(0, 3));
  // "Monday", "Tues": the intent is clear, the spelling is not the one the spec uses.
  if (prefix !== undefined) fail(token.column, `unknown day \`${token.text}\` at column ${token.column}: write days with three letters, e.g. \`${weekdayName(prefix)}\``);
  const names = WEEKDAY_NAMES.slice(0, -1).join(', ');
  return fail(token.column, `unknown day \`${token.text}\` at column ${token.column}: use ${names} or Sun`);
}

interface WrittenGroup {
  group: DayGroup;
  text: string;
  column: number;
}

/** One day or a range: `Tue` or `Tue-Thu`. */
function readDayGroup(cursor: Cursor): WrittenGroup {
  const first = cursor.next();
  const from = dayOf(first);
  const dash = cursor.take('dash');
  if (!dash) return { group: { from, to: from }, text: first.text, column: first.column };
  const last = cursor.take('word');
  if (!last) fail(dash.column, `missing day after \`-\` at column ${dash.column}: write a range of days like \`Tue-Thu\``);
  const to = dayOf(last);
  const text = `${first.text}-${last.text}`;
  if (to === from) {
    fail(first.column, `day range \`${text}\` at column ${first.column} starts and ends on the same day: write \`${weekdayName(from)}\` for one day or \`Mon-Sun\` for every day`);
  }
  return { group: { from, to }, text, column: first.column };
}

/** Days and ranges separated by commas; each day at most once, so that a typo does not hide. */
function readDays(cursor: Cursor): DayGroup[] {
  const first = cursor.peek()!;
  if (first.kind === 'time') fail(first.column, `missing days at column ${first.column}: start with the days, e.g. ${EXAMPLE}`);
  if (first.kind !== 'word') fail(first.column, `unexpected \`${first.text}\` at column ${first.column}: a window is days then hours, e.g. ${EXAMPLE}`);
  const seen = new Map<Weekday, WrittenGroup>();
  const groups: DayGroup[] = [];
  for (;;) {
    const written = readDayGroup(cursor);
    for (const day of daysFromTo(written.group.from, written.group.to)) {
      const earlier = seen.get(day);
      if (earlier) {
        fail(written.column, `day \`${weekdayName(day)}\` is listed twice: in \`${earlier.text}\` at column ${earlier.column} and in \`${written.text}\` at column ${written.column}`);
      }
      seen.set(day, written);
    }
    groups.push(written.group);
    const comma = cursor.take('comma');
    if (!comma) return groups;
    if (cursor.peek()?.kind !== 'word') fail(comma.column, `missing day after \`,\` at column ${comma.column}: write a day or a range of days there, or drop the comma`);
  }
}

/** `HH:MM` on a 24-hour clock as minutes after midnight; `24:00` (1440) only as an end. */
function minutesOf(token: Token, role: 'start' | 'end'): number {
  const { text, column } = token;
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) fail(column, `time \`${text}\` at column ${column}: write HH:MM on a 24-hour clock, e.g. \`09:00\``);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) fail(column, `time \`${text}\` at column ${column}: minutes go from 00 to 59`);
  if (hours === 24 && minutes === 0) {
    if (role === 'start') fail(column, `time \`${text}\` at column ${column} can only end a window: start the day at \`00:00\``);
    return 24 * 60;
  }
  if (hours > 23) fail(column, `time \`${text}\` at column ${column}: hours go from 00 to 23 (and \`24:00\` ends a day)`);
  return hours * 60 + minutes;
}

function readHours(cursor: Cursor): [number, number] {
  const after = cursor.peek();
  if (!after) fail(cursor.endColumn, `missing hours at column ${cursor.endColumn}: add them after the days, e.g. ${EXAMPLE}`);
  if (after.kind === 'word') fail(after.column, `unexpected \`${after.text}\` at column ${after.column}: separate days with \`,\` (e.g. \`Mon,Wed\`) and put the hours after them`);
  if (after.kind !== 'time') fail(after.column, `unexpected \`${after.text}\` at column ${after.column}: expected hours after the days, e.g. ${HOURS_EXAMPLE}`);
  const start = cursor.next();
  const startMinute = minutesOf(start, 'start');
  const dash = cursor.take('dash');
  if (!dash) fail(cursor.columnHere(), `missing end time at column ${cursor.columnHere()}: write the hours as a range, e.g. ${HOURS_EXAMPLE}`);
  const end = cursor.take('time');
  if (!end) fail(dash.column, `missing end time after \`-\` at column ${dash.column}: write the hours as a range, e.g. ${HOURS_EXAMPLE}`);
  const endMinute = minutesOf(end, 'end');
  if (startMinute === endMinute) {
    fail(start.column, `hours \`${start.text}-${end.text}\` at column ${start.column} start and end at the same time: for a whole day write \`00:00-24:00\``);
  }
  return [startMinute, endMinute];
}

function readWindow(text: string): WeeklyWindow {
  const cursor = new Cursor(tokenize(text), text.length + 1);
  if (!cursor.peek()) fail(1, `empty window: write days then hours, e.g. ${EXAMPLE}`);
  const dayGroups = readDays(cursor);
  const [startMinute, endMinute] = readHours(cursor);
  const extra = cursor.peek();
  if (extra) {
    const hint = extra.kind === 'comma' || extra.text === ';' ? 'give each window as its own entry of the list' : `a window is days then hours, e.g. ${EXAMPLE}`;
    fail(extra.column, `unexpected \`${extra.text}\` at column ${extra.column} after the hours: ${hint}`);
  }
  const days = [...new Set(dayGroups.flatMap((group) => daysFromTo(group.from, group.to)))].sort((a, b) => a - b);
  return { text: text.trim(), dayGroups, days, startMinute, endMinute };
}

/**
 * Parses one weekly window: days (`Tue`, `Tue-Thu`, `Mon,Wed,Fri`, `Fri-Mon` wrapping the week),
 * then hours `HH:MM-HH:MM` on a 24-hour clock (`22:00-02:00` crosses midnight, `00:00-24:00` is
 * the whole day). Day names are three letters, any case. The error names the column.
 */
export function parseWeeklyWindow(text: string): WindowParse {
  try {
    return { ok: true, window: readWindow(text) };
  } catch (error) {
    if (error instanceof SpecError) return { ok: false, error: { column: error.column, message: error.message } };
    throw error;
  }
}

/** A problem in one entry of a list of windows (`index` into the list), or in the list itself (`index` null). */
export interface WindowListError extends WindowSpecError {
  index: number | null;
}

export type WindowListParse = { ok: true; windows: WeeklyWindow[] } | { ok: false; errors: WindowListError[] };

/** Several windows (merging is allowed inside any of them); every entry's error, not only the first. */
export function parseWeeklyWindows(texts: readonly string[]): WindowListParse {
  // An empty list would be a check that can never pass: almost certainly a mistake.
  if (texts.length === 0) return { ok: false, errors: [{ index: null, column: 1, message: `no window: give at least one, e.g. ${EXAMPLE}` }] };
  const parsed = texts.map(parseWeeklyWindow);
  const errors = parsed.flatMap((result, index) => (result.ok ? [] : [{ index, ...result.error }]));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, windows: parsed.map((result) => (result as { window: WeeklyWindow }).window) };
}
