import { describe, expect, it } from 'vitest';
import { parseFreezes } from '../../../src/core/windows/freezes.ts';
import { isoOf, parseInstant } from '../../../src/core/windows/iso-instant.ts';

describe('parseInstant accepts timestamps with an offset', () => {
  it.each([
    ['2026-12-18T17:00:00Z', '2026-12-18T17:00:00Z'],
    ['2026-12-18T18:00:00+01:00', '2026-12-18T17:00:00Z'],
    ['2026-12-18T12:00-05:00', '2026-12-18T17:00:00Z'],
    ['2026-12-18 18:00:00+01:00', '2026-12-18T17:00:00Z'],
    ['2026-12-18t17:00:00z', '2026-12-18T17:00:00Z'],
    ['2026-12-18T17:00:00.250Z', '2026-12-18T17:00:00.250Z'],
    ['2026-12-18T17:00:00.123456789Z', '2026-12-18T17:00:00.123Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00Z'],
    ['2026-12-18T22:30:00+05:30', '2026-12-18T17:00:00Z'],
  ])('%j → %s', (text, expected) => {
    const result = parseInstant(text);
    expect(result.ok && isoOf(result.instant)).toBe(expected);
  });
});

describe('parseInstant refuses', () => {
  const howTo = 'write a date, a time and `Z` or an offset, e.g. `2026-12-18T18:00:00+01:00` or `2026-12-18T17:00:00Z`';
  const unreal = 'is not a real date and time: check the month, day, hours, minutes and offset';
  it.each([
    ['2026-12-18T18:00:00', `\`2026-12-18T18:00:00\` has no offset: ${howTo}`],
    ['2026-12-18T18:00', `\`2026-12-18T18:00\` has no offset: ${howTo}`],
    ['2026-12-18', `\`2026-12-18\` has no offset: ${howTo}`],
    ['18 Dec 2026 18:00 CET', `\`18 Dec 2026 18:00 CET\` is not an ISO 8601 timestamp: ${howTo}`],
    ['2026-12-18T18:00:00+0100', `\`2026-12-18T18:00:00+0100\` is not an ISO 8601 timestamp: ${howTo}`],
    ['', `\`\` is not an ISO 8601 timestamp: ${howTo}`],
    ['2026-02-30T00:00:00Z', `\`2026-02-30T00:00:00Z\` ${unreal}`],
    ['2027-02-29T00:00:00Z', `\`2027-02-29T00:00:00Z\` ${unreal}`],
    ['2026-13-01T00:00:00Z', `\`2026-13-01T00:00:00Z\` ${unreal}`],
    ['2026-12-18T24:00:00Z', `\`2026-12-18T24:00:00Z\` ${unreal}`],
    ['2026-12-18T23:60:00Z', `\`2026-12-18T23:60:00Z\` ${unreal}`],
    ['2026-12-18T23:00:60Z', `\`2026-12-18T23:00:60Z\` ${unreal}`],
    ['2026-12-18T23:00:00+25:00', `\`2026-12-18T23:00:00+25:00\` ${unreal}`],
  ])('%j', (text, message) => {
    expect(parseInstant(text)).toEqual({ ok: false, message });
  });
});

describe('parseFreezes', () => {
  it('reads freezes as instants, in the order given', () => {
    expect(
      parseFreezes([
        { from: '2026-12-18T18:00:00+01:00', to: '2027-01-04T08:00:00+01:00', reason: ' year-end ' },
        { from: '2026-11-26T00:00:00Z', to: '2026-11-27T00:00:00Z', reason: 'Black Friday' },
      ]),
    ).toEqual({
      ok: true,
      freezes: [
        { from: Date.parse('2026-12-18T17:00:00Z'), to: Date.parse('2027-01-04T07:00:00Z'), reason: 'year-end' },
        { from: Date.parse('2026-11-26T00:00:00Z'), to: Date.parse('2026-11-27T00:00:00Z'), reason: 'Black Friday' },
      ],
    });
  });

  it('accepts no freezes', () => {
    expect(parseFreezes([])).toEqual({ ok: true, freezes: [] });
  });

  it.each([
    [
      { from: '2026-12-18T18:00:00', to: '2027-01-04T08:00:00Z', reason: 'year-end' },
      [{ index: 0, field: 'from', message: expect.stringMatching(/^`2026-12-18T18:00:00` has no offset: /) }],
    ],
    [
      { from: '2026-12-18T18:00:00Z', to: '2027-01-04', reason: 'year-end' },
      [{ index: 0, field: 'to', message: expect.stringMatching(/^`2027-01-04` has no offset: /) }],
    ],
    [
      { from: '2027-01-04T08:00:00Z', to: '2026-12-18T18:00:00Z', reason: 'year-end' },
      [{ index: 0, field: null, message: 'the freeze ends (`2026-12-18T18:00:00Z`) before it starts (`2027-01-04T08:00:00Z`): `from` must be earlier than `to`' }],
    ],
    [
      // Equal ends: a freeze of no time is a mistake, not a no-op.
      { from: '2026-12-18T18:00:00+01:00', to: '2026-12-18T17:00:00Z', reason: 'year-end' },
      [{ index: 0, field: null, message: 'the freeze ends (`2026-12-18T17:00:00Z`) before it starts (`2026-12-18T18:00:00+01:00`): `from` must be earlier than `to`' }],
    ],
    [
      { from: 'soon', to: 'later', reason: '  ' },
      [
        { index: 0, field: 'from', message: expect.stringMatching(/^`soon` is not an ISO 8601 timestamp/) },
        { index: 0, field: 'to', message: expect.stringMatching(/^`later` is not an ISO 8601 timestamp/) },
        { index: 0, field: 'reason', message: 'empty reason: say why merging stops, e.g. `year-end freeze`' },
      ],
    ],
  ])('refuses %j', (spec, errors) => {
    expect(parseFreezes([spec])).toEqual({ ok: false, errors });
  });

  it('reports every bad freeze with its index', () => {
    const result = parseFreezes([
      { from: '2026-12-18T18:00:00Z', to: '2027-01-04T08:00:00Z', reason: 'fine' },
      { from: '2026-12-18T18:00', to: '2027-01-04T08:00:00Z', reason: 'no offset' },
      { from: '2026-12-18T18:00:00Z', to: '2027-01-04T08:00:00Z', reason: '' },
    ]);
    expect(result.ok ? [] : result.errors.map((error) => [error.index, error.field])).toEqual([
      [1, 'from'],
      [2, 'reason'],
    ]);
  });
});
