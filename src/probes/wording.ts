/**
 * How a probe's detail shows durations, sizes and values. Everything the server controls goes
 * through `shown`, so that a hostile answer cannot put control characters or a page of text into
 * the report.
 */

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}

export function size(bytes: number): string {
  if (bytes >= 1024 && bytes % 1024 === 0) return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** Text the server chose, cut to `max` characters, control characters replaced. */
export function clean(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  return printable.length > max ? `${printable.slice(0, max - 1)}…` : printable;
}

/** A JSON value as JSON, e.g. "ok" with its quotes, cut short when long. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return clean(JSON.stringify(value), 80);
}
