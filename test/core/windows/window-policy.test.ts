import { describe, expect, it } from 'vitest';
import { parseWindowPolicy } from '../../../src/core/windows/window-policy.ts';

describe('parseWindowPolicy', () => {
  it('checks windows, zone and freezes into what windowState takes', () => {
    const result = parseWindowPolicy({ when: ['Tue-Thu 09:00-16:00'], zone: 'europe/berlin', freezes: [{ from: '2026-12-18T18:00:00+01:00', to: '2027-01-04T08:00:00+01:00', reason: 'year-end' }] });
    expect(result.ok && { days: result.policy.windows.map((window) => window.days), zone: result.policy.zone, freezes: result.policy.freezes }).toEqual({
      days: [[2, 3, 4]],
      zone: 'Europe/Berlin',
      freezes: [{ from: Date.parse('2026-12-18T17:00:00Z'), to: Date.parse('2027-01-04T07:00:00Z'), reason: 'year-end' }],
    });
  });

  it('takes no freezes', () => {
    const result = parseWindowPolicy({ when: ['Mon 09:00-10:00'], zone: 'UTC' });
    expect(result.ok && result.policy.freezes).toEqual([]);
  });

  it('reports every problem at its path', () => {
    const result = parseWindowPolicy({
      when: ['Tue-Thu 09:00-16:00', 'Tus 09:00-10:00'],
      zone: 'Europe/Berln',
      freezes: [
        { from: '2026-12-18T18:00:00', to: '2027-01-04T08:00:00Z', reason: 'year-end' },
        { from: '2027-01-04T08:00:00Z', to: '2026-12-18T18:00:00Z', reason: 'backwards' },
      ],
    });
    expect(result.ok ? [] : result.errors.map(({ path, column }) => [path, column])).toEqual([
      [['when', 1], 1],
      [['zone'], null],
      [['freezes', 0, 'from'], null],
      [['freezes', 1], null],
    ]);
  });

  it('reports an empty list of windows at `when`', () => {
    const result = parseWindowPolicy({ when: [], zone: 'UTC' });
    expect(result.ok ? [] : result.errors).toEqual([{ path: ['when'], column: 1, message: 'no window: give at least one, e.g. `Tue-Thu 09:00-16:00`' }]);
  });
});
