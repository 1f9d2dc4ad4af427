import { describe, expect, it } from 'vitest';
import { mergeIntervals, subtractIntervals, type Interval } from '../../../src/core/windows/intervals.ts';

const spans = (...pairs: [number, number][]): Interval[] => pairs.map(([start, end]) => ({ start, end }));

describe('mergeIntervals', () => {
  it.each<[Interval[], Interval[]]>([
    [spans(), spans()],
    [spans([5, 7], [1, 3]), spans([1, 3], [5, 7])],
    [spans([1, 3], [3, 5]), spans([1, 5])],
    [spans([1, 4], [2, 3]), spans([1, 4])],
    [spans([1, 4], [2, 6], [8, 9]), spans([1, 6], [8, 9])],
    [spans([2, 2], [3, 1]), spans()],
  ])('%j → %j', (given, merged) => {
    expect(mergeIntervals(given)).toEqual(merged);
  });
});

describe('subtractIntervals', () => {
  it.each<[Interval[], Interval[], Interval[]]>([
    [spans([0, 10]), spans(), spans([0, 10])],
    [spans([0, 10]), spans([3, 5]), spans([0, 3], [5, 10])],
    [spans([0, 10]), spans([-5, 3]), spans([3, 10])],
    [spans([0, 10]), spans([8, 15]), spans([0, 8])],
    [spans([0, 10]), spans([-1, 11]), spans()],
    [spans([0, 10]), spans([0, 10]), spans()],
    [spans([0, 10], [20, 30]), spans([5, 25]), spans([0, 5], [25, 30])],
    [spans([0, 10]), spans([2, 4], [3, 6], [8, 9]), spans([0, 2], [6, 8], [9, 10])],
    [spans([0, 10]), spans([10, 12], [-2, 0]), spans([0, 10])],
  ])('%j minus %j → %j', (kept, removed, result) => {
    expect(subtractIntervals(kept, removed)).toEqual(result);
  });
});
