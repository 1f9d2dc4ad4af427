import { describe, expect, it } from 'vitest';
import { parsePercent } from '../../../src/core/coverage/describe-coverage.ts';

describe('parsePercent', () => {
  it.each<[string, number | null]>([
    ['Coverage 84.21%', 84.21],
    ['84 %', 84],
    ['84.2%', 84.2],
    ['Coverage: 84.21 %', 84.21],
    ['coverage: 79.99% (-0.4%)', 79.99],
    ['Coverage: 84,2 %', 84.2],
    ['line coverage 100%', 100],
    ['100.0%', 100],
    ['0% covered', 0],
    ['coverage-84%', 84],
    ['Lines: 1,234 of 1,466 (84.17%)', 84.17],
    ['84.2\u00a0%', 84.2],
    ['no coverage', null],
    ['', null],
    ['84.2 percent', null],
    ['150%', null],
    ['100.01%', null],
    ['1234.5%', null],
    ['-3%', null],
    ['(-0.4%) now 79.99%', null],
    ['+0.4% → 80.1%', null],
    ['\u22123%', null],
  ])('%j → %s', (text, expected) => {
    expect(parsePercent(text)).toBe(expected);
  });
});
