export type InstantParse = { ok: true; instant: number } | { ok: false; message: string };

// Date and time, optional seconds and fraction, then the offset, which is required: without it
// the text names a different instant in every time zone (Date.parse would take the runner's).
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE_TIME_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/i;

const EXAMPLE = '`2026-12-18T18:00:00+01:00` or `2026-12-18T17:00:00Z`';

/** An ISO 8601 timestamp with `Z` or a `±HH:MM` offset, as epoch milliseconds. */
export function parseInstant(text: string): InstantParse {
  const trimmed = text.trim();
  const match = ISO_WITH_OFFSET.exec(trimmed);
  if (!match) {
    const what = DATE_TIME_WITHOUT_OFFSET.test(trimmed) ? 'has no offset' : 'is not an ISO 8601 timestamp';
    return { ok: false, message: `\`${trimmed}\` ${what}: write a date, a time and \`Z\` or an offset, e.g. ${EXAMPLE}` };
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((field) => Number(field ?? 0)) as [number, number, number, number, number, number];
  // Date.parse rolls 2026-02-30 over to March and takes 24:00; a deadline should say what it means.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const real = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
  if (!real || !/^(z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i.test(match[7]!)) {
    return { ok: false, message: `\`${trimmed}\` is not a real date and time: check the month, day, hours, minutes and offset` };
  }
  return { ok: true, instant: Date.parse(trimmed.replace(' ', 'T')) };
}

/** An instant as the ISO text the rest of the gate writes: UTC, no milliseconds when there are none. */
export const isoOf = (instant: number): string => new Date(instant).toISOString().replace('.000Z', 'Z');
