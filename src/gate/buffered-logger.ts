import type { Logger } from './logger.ts';

type Line = { level: 'info' | 'debug' | 'warning'; message: string };

/**
 * A PR's log, kept until its work ends and then written as one group: PRs judged side by side
 * would otherwise interleave their lines in the job log.
 */
export function bufferedLogger(): Logger & { flushInto(log: Logger, group: string): void } {
  const lines: Line[] = [];
  return {
    info: (message) => lines.push({ level: 'info', message }),
    debug: (message) => lines.push({ level: 'debug', message }),
    warning: (message) => lines.push({ level: 'warning', message }),
    // A PR's work opens no groups of its own: its lines already form one.
    startGroup: () => {},
    endGroup: () => {},
    flushInto(log, group) {
      log.startGroup(group);
      for (const line of lines) log[line.level](line.message);
      log.endGroup();
    },
  };
}
