import { linearRegex } from '../config/linear-regex.ts';
import { readJsonPath } from '../json/json-path.ts';
import { firstNumberText, isNumberText, numberValue } from './read-number.ts';

/** Where a report holds its figure (`metric-json`, `metric-pattern`, or neither). */
export type MetricLocation =
  /** The first number in the report's text. */
  | { kind: 'first-number' }
  /** A dot path into the report as JSON, such as `results.p95_ms`; a number segment indexes an array. */
  | { kind: 'json'; path: string }
  /** An RE2 regular expression run on the report's text: its first group (or the whole match) holds the number. */
  | { kind: 'pattern'; pattern: string };

/** The figure a report holds, or exactly what keeps it from holding one. */
export type MetricReading = { ok: true; value: number } | { ok: false; message: string };

/** Returns a message when `path` is not a dot path such as `results.p95_ms`, else null. */
export function jsonPathProblem(path: string): string | null {
  if (path === '' || path.split('.').some((segment) => segment === '')) return `\`${path}\` is not a dot path such as \`results.p95_ms\` (no empty parts)`;
  return null;
}

const fail = (message: string): MetricReading => ({ ok: false, message });

/** A report's own text, shown short and on one line (JSON escapes control characters). */
function quoted(text: string): string {
  const json = JSON.stringify(text);
  return json.length <= 42 ? json : `${json.slice(0, 40)}…"`;
}

function finite(value: number, written: string, where: string): MetricReading {
  return Number.isFinite(value) ? { ok: true, value } : fail(`${where}: ${written} is not a finite number`);
}

/** The first number in `text`, which `where` names for the message. */
function fromText(text: string, where: string): MetricReading {
  const written = firstNumberText(text);
  if (written === null) return fail(`${where} holds no number`);
  return finite(numberValue(written), written, where);
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return quoted(value);
  return String(value);
}

function fromJson(text: string, path: string, file: string): MetricReading {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail(`${file} is not JSON, so \`${path}\` was not read`);
  }
  const found = readJsonPath(document, path.split('.'));
  if (!found.found) return fail(`${file} has no \`${path}\``);
  const where = `\`${path}\` in ${file}`;
  const { value } = found;
  // JSON.parse reads 1e999 as Infinity: a figure no comparison can use.
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : fail(`${where} is not a finite number`);
  // Some tools write their figures as strings: "7.4" counts, "7.4 ms" or "fast" does not.
  if (typeof value === 'string' && isNumberText(value)) return finite(numberValue(value.trim()), value.trim(), where);
  return fail(`${where} is ${describeJson(value)}, not a number`);
}

/**
 * The figure in a report measured in the CI job (`metric-file`): at a JSON path, in the first
 * group of a pattern, or the first number of the text. `file` names the report in messages.
 */
export function readMetricReport(text: string, location: MetricLocation, file: string): MetricReading {
  switch (location.kind) {
    case 'json':
      return fromJson(text, location.path, file);
    case 'pattern': {
      const found = linearRegex(location.pattern).capture(text);
      if (found === null) return fail(`${file} has no match for \`${location.pattern}\``);
      return fromText(found, `the match of \`${location.pattern}\` in ${file} (${quoted(found)})`);
    }
    case 'first-number':
      return fromText(text, file);
  }
}
