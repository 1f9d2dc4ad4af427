import { describe, expect, it } from 'vitest';
import { parseWeeklyWindow, parseWeeklyWindows } from '../../../src/core/windows/parse-weekly-window.ts';

describe('parseWeeklyWindow accepts', () => {
  it.each<[string, number[], string, string]>([
    ['Tue-Thu 09:00-16:00', [2, 3, 4], '09:00', '16:00'],
    ['Mon,Wed,Fri 10:00-12:30', [1, 3, 5], '10:00', '12:30'],
    ['Mon, Wed, Fri 10:00-12:30', [1, 3, 5], '10:00', '12:30'],
    ['Mon-Fri 22:00-02:00', [1, 2, 3, 4, 5], '22:00', '02:00'],
    ['Sat 00:00-24:00', [6], '00:00', '24:00'],
    ['Fri-Mon 08:00-18:00', [1, 5, 6, 7], '08:00', '18:00'],
    ['Sun-Mon 23:00-01:00', [1, 7], '23:00', '01:00'],
    ['Mon-Sun 00:00-24:00', [1, 2, 3, 4, 5, 6, 7], '00:00', '24:00'],
    ['Mon-Tue,Thu 07:15-07:45', [1, 2, 4], '07:15', '07:45'],
    ['tue-THU 9:00-16:00', [2, 3, 4], '09:00', '16:00'],
    ['  Tue - Thu   09:00 - 16:00  ', [2, 3, 4], '09:00', '16:00'],
    // What describeWindow writes parses back.
    ['Tue–Thu 09:00–16:00', [2, 3, 4], '09:00', '16:00'],
    ['Sat 23:59-00:00', [6], '23:59', '00:00'],
  ])('%j', (text, days, start, end) => {
    const result = parseWeeklyWindow(text);
    if (!result.ok) throw new Error(result.error.message);
    const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    expect({ days: result.window.days, start: clock(result.window.startMinute), end: clock(result.window.endMinute) }).toEqual({ days, start, end });
    expect(result.window.text).toBe(text.trim());
  });

  it('keeps the day groups as written, wrapping ranges included', () => {
    const result = parseWeeklyWindow('Fri-Mon,Wed 08:00-18:00');
    expect(result.ok && result.window.dayGroups).toEqual([
      { from: 5, to: 1 },
      { from: 3, to: 3 },
    ]);
  });
});

describe('parseWeeklyWindow refuses', () => {
  it.each<[string, number, string]>([
    ['', 1, 'empty window: write days then hours, e.g. `Tue-Thu 09:00-16:00`'],
    ['   ', 1, 'empty window: write days then hours, e.g. `Tue-Thu 09:00-16:00`'],
    ['Tus-Thu 09:00-16:00', 1, 'unknown day `Tus` at column 1: use Mon, Tue, Wed, Thu, Fri, Sat or Sun'],
    ['Tue-Thx 09:00-16:00', 5, 'unknown day `Thx` at column 5: use Mon, Tue, Wed, Thu, Fri, Sat or Sun'],
    ['Monday 09:00-16:00', 1, 'unknown day `Monday` at column 1: write days with three letters, e.g. `Mon`'],
    ['Tues,Thurs 09:00-16:00', 1, 'unknown day `Tues` at column 1: write days with three letters, e.g. `Tue`'],
    ['09:00-16:00', 1, 'missing days at column 1: start with the days, e.g. `Tue-Thu 09:00-16:00`'],
    ['* 09:00-16:00', 1, 'unexpected `*` at column 1: a window is days then hours, e.g. `Tue-Thu 09:00-16:00`'],
    ['Tue-Thu', 8, 'missing hours at column 8: add them after the days, e.g. `Tue-Thu 09:00-16:00`'],
    ['Tue- 09:00-16:00', 4, 'missing day after `-` at column 4: write a range of days like `Tue-Thu`'],
    ['Tue, 09:00-16:00', 4, 'missing day after `,` at column 4: write a day or a range of days there, or drop the comma'],
    ['Mon Wed 09:00-16:00', 5, 'unexpected `Wed` at column 5: separate days with `,` (e.g. `Mon,Wed`) and put the hours after them'],
    ['Mon; 09:00-16:00', 4, 'unexpected `;` at column 4: expected hours after the days, e.g. `09:00-16:00`'],
    ['Mon-Mon 09:00-16:00', 1, 'day range `Mon-Mon` at column 1 starts and ends on the same day: write `Mon` for one day or `Mon-Sun` for every day'],
    ['Mon-Wed,Tue 09:00-16:00', 9, 'day `Tue` is listed twice: in `Mon-Wed` at column 1 and in `Tue` at column 9'],
    ['Fri-Mon,Sun-Tue 09:00-16:00', 9, 'day `Sun` is listed twice: in `Fri-Mon` at column 1 and in `Sun-Tue` at column 9'],
    ['Mon,mon 09:00-16:00', 5, 'day `Mon` is listed twice: in `Mon` at column 1 and in `mon` at column 5'],
    ['Tue 0900-1600', 5, 'time `0900` at column 5: write HH:MM on a 24-hour clock, e.g. `09:00`'],
    ['Tue 9-16', 5, 'time `9` at column 5: write HH:MM on a 24-hour clock, e.g. `09:00`'],
    ['Tue 09:0-16:00', 5, 'time `09:0` at column 5: write HH:MM on a 24-hour clock, e.g. `09:00`'],
    ['Tue 9am-4pm', 5, 'time `9` at column 5: write HH:MM on a 24-hour clock, e.g. `09:00`'],
    ['Tue 25:00-26:00', 5, 'time `25:00` at column 5: hours go from 00 to 23 (and `24:00` ends a day)'],
    ['Tue 09:00-24:30', 11, 'time `24:30` at column 11: hours go from 00 to 23 (and `24:00` ends a day)'],
    ['Tue 09:60-16:00', 5, 'time `09:60` at column 5: minutes go from 00 to 59'],
    ['Tue 24:00-06:00', 5, 'time `24:00` at column 5 can only end a window: start the day at `00:00`'],
    ['Tue 09:00', 10, 'missing end time at column 10: write the hours as a range, e.g. `09:00-16:00`'],
    ['Tue 09:00 16:00', 11, 'missing end time at column 11: write the hours as a range, e.g. `09:00-16:00`'],
    ['Tue 09:00-', 10, 'missing end time after `-` at column 10: write the hours as a range, e.g. `09:00-16:00`'],
    ['Tue 09:00-09:00', 5, 'hours `09:00-09:00` at column 5 start and end at the same time: for a whole day write `00:00-24:00`'],
    ['Tue 00:00-00:00', 5, 'hours `00:00-00:00` at column 5 start and end at the same time: for a whole day write `00:00-24:00`'],
    ['Tue 09:00-16:00 Europe/Berlin', 17, 'unexpected `Europe` at column 17 after the hours: a window is days then hours, e.g. `Tue-Thu 09:00-16:00`'],
    ['Tue 09:00-16:00; Thu 10:00-11:00', 16, 'unexpected `;` at column 16 after the hours: give each window as its own entry of the list'],
    ['Tue 09:00-12:00, 13:00-16:00', 16, 'unexpected `,` at column 16 after the hours: give each window as its own entry of the list'],
  ])('%j at column %i', (text, column, message) => {
    expect(parseWeeklyWindow(text)).toEqual({ ok: false, error: { column, message } });
    // The column the message names is the column reported (the empty spec names none).
    if (text.trim() !== '') expect(message).toContain(`at column ${column}`);
  });
});

describe('parseWeeklyWindows', () => {
  it('parses every entry in order', () => {
    const result = parseWeeklyWindows(['Mon-Thu 09:00-16:00', 'Fri 09:00-12:00']);
    expect(result.ok && result.windows.map((window) => window.text)).toEqual(['Mon-Thu 09:00-16:00', 'Fri 09:00-12:00']);
  });

  it('reports the error of each bad entry with its index', () => {
    expect(parseWeeklyWindows(['Mon 09:00-10:00', 'Tus 09:00-10:00', 'Wed 09:00'])).toEqual({
      ok: false,
      errors: [
        { index: 1, column: 1, message: 'unknown day `Tus` at column 1: use Mon, Tue, Wed, Thu, Fri, Sat or Sun' },
        { index: 2, column: 10, message: 'missing end time at column 10: write the hours as a range, e.g. `09:00-16:00`' },
      ],
    });
  });

  it('refuses an empty list: a check that can never pass', () => {
    expect(parseWeeklyWindows([])).toEqual({ ok: false, errors: [{ index: null, column: 1, message: 'no window: give at least one, e.g. `Tue-Thu 09:00-16:00`' }] });
  });
});
