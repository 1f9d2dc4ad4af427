import { describe, expect, it } from 'vitest';
import { jsonLogger } from '../../src/server/json-logger.ts';

describe('jsonLogger', () => {
  it('writes one JSON object a line, with the fields of the work it belongs to', () => {
    const lines: string[] = [];
    const log = jsonLogger((line) => lines.push(line), 'info', { app: '1' }, () => new Date('2026-12-03T10:00:00Z'));
    const delivery = log.with({ delivery: 'abc', pr: 7 });
    delivery.debug('not shown below info');
    delivery.startGroup('Pull request #7');
    delivery.info('evaluated');
    delivery.endGroup();
    log.warning('a delivery was not handled');
    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { time: '2026-12-03T10:00:00.000Z', level: 'info', msg: 'evaluated', app: '1', delivery: 'abc', pr: 7, group: 'Pull request #7' },
      { time: '2026-12-03T10:00:00.000Z', level: 'warning', msg: 'a delivery was not handled', app: '1' },
    ]);
  });
});
