import type { Logger } from '../gate/logger.ts';

export type Fields = Record<string, string | number | boolean | null | undefined>;

export interface StructuredLogger extends Logger {
  /** The same log with these fields on every line (a delivery, an installation, a PR). */
  with(fields: Fields): StructuredLogger;
  error(message: string): void;
}

type Level = 'debug' | 'info' | 'warning' | 'error';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warning: 2, error: 3 };

/**
 * One JSON object a line, as log collectors read them: time, level, message and the fields of
 * the work it belongs to. A group of the job log becomes a field of the lines inside it.
 */
export function jsonLogger(write: (line: string) => void, minimum: Level = 'info', fields: Fields = {}, now: () => Date = () => new Date()): StructuredLogger {
  const groups: string[] = [];
  const line = (level: Level, msg: string) => {
    if (ORDER[level] < ORDER[minimum]) return;
    write(`${JSON.stringify({ time: now().toISOString(), level, msg, ...fields, ...(groups.length > 0 ? { group: groups.at(-1) } : {}) })}\n`);
  };
  return {
    debug: (message) => line('debug', message),
    info: (message) => line('info', message),
    warning: (message) => line('warning', message),
    error: (message) => line('error', message),
    startGroup: (name) => groups.push(name),
    endGroup: () => groups.pop(),
    with: (more) => jsonLogger(write, minimum, { ...fields, ...more }, now),
  };
}
