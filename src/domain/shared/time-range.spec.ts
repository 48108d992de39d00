import { TimeRange } from './time-range';

const T = Date.parse('2026-06-15T07:00:00Z');
const MIN = 60_000;

describe('TimeRange', () => {
  it.each([
    ['back to back', [0, 30], [30, 60], false],
    ['one minute shared', [0, 31], [30, 60], true],
    ['inside', [0, 60], [10, 20], true],
    ['apart', [0, 10], [20, 30], false],
  ])('%s: overlaps is %s', (_, a, b, expected) => {
    const x = TimeRange.ofMs(T + a[0] * MIN, T + a[1] * MIN);
    const y = TimeRange.ofMs(T + b[0] * MIN, T + b[1] * MIN);
    expect(x.overlaps(y)).toBe(expected);
    expect(y.overlaps(x)).toBe(expected);
  });

  it('ofMs and of build the same range', () => {
    expect(TimeRange.ofMs(T, T + 30 * MIN)).toEqual(
      TimeRange.of(new Date(T), new Date(T + 30 * MIN)),
    );
    expect(TimeRange.ofMs(T, T + 30 * MIN).minutes).toBe(30);
  });

  it.each([
    [T, T],
    [T + MIN, T],
    [T, Number.NaN],
  ])('refuses an empty or reversed range (%s .. %s)', (start, end) => {
    expect(() => TimeRange.ofMs(start, end)).toThrow(RangeError);
    expect(() => TimeRange.of(new Date(start), new Date(end))).toThrow(RangeError);
  });
});
