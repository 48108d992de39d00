import fc from 'fast-check';
import { FreeStart } from './free-start';
import { spreadStarts } from './spread-starts';

const MIN = 60_000;
const BASE = Date.UTC(2026, 5, 15, 7);
const free = (minute: number, staffId = 'anna'): FreeStart => ({
  staffId,
  start: new Date(BASE + minute * MIN),
  end: new Date(BASE + (minute + 30) * MIN),
});
const minutes = (starts: FreeStart[]) => starts.map((s) => (s.start.getTime() - BASE) / MIN);
const minGap = (ms: number[]): number => {
  const sorted = [...ms].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, sorted[i] - sorted[i - 1]);
  return gap;
};

describe('spreadStarts', () => {
  it.each<[number[], number, number[]]>([
    [[], 3, []],
    [[0], 3, [0]],
    [[0, 15, 30, 45], 0, []],
    [[0, 15, 30, 45, 60, 75, 90, 105, 120], 3, [0, 60, 120]],
    [[0, 15, 30, 45, 60, 75, 90, 105, 120], 2, [0, 120]],
    [[0, 15, 30, 300, 315, 330], 3, [0, 30, 330]],
    [[30, 0, 15], 3, [0, 15, 30]],
    [[0, 15, 30, 45, 60, 75, 90, 105, 120, 135, 150, 165, 180, 480], 3, [0, 180, 480]],
  ])('%j choose %i → %j', (given, count, expected) => {
    expect(
      minutes(
        spreadStarts(
          given.map((m) => free(m)),
          count,
        ),
      ),
    ).toEqual(expected);
  });

  it('one start per time, the first candidate at that time keeps it', () => {
    const chosen = spreadStarts([free(0, 'ben'), free(0, 'anna'), free(60, 'anna')], 3);
    expect(chosen.map((s) => s.staffId)).toEqual(['ben', 'anna']);
  });

  const candidateSets = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), {
    minLength: 0,
    maxLength: 14,
  });

  it('chooses distinct candidates, the earliest first, as many as asked or there are', () => {
    fc.assert(
      fc.property(candidateSets, fc.integer({ min: 0, max: 5 }), (quarters, count) => {
        const given = quarters.map((q) => free(q * 15));
        const chosen = minutes(spreadStarts(given, count));
        const all = quarters.map((q) => q * 15);
        return (
          chosen.length === Math.min(count, all.length) &&
          new Set(chosen).size === chosen.length &&
          chosen.every((m) => all.includes(m)) &&
          (chosen.length === 0 || chosen[0] === Math.min(...all)) &&
          chosen.every((m, i) => i === 0 || chosen[i - 1] < m)
        );
      }),
    );
  });

  it('three starts lie as far apart as any three could (the smallest gap is the largest)', () => {
    fc.assert(
      fc.property(candidateSets, (quarters) => {
        const all = quarters.map((q) => q * 15);
        if (all.length < 3) return true;
        const chosen = minutes(
          spreadStarts(
            all.map((m) => free(m)),
            3,
          ),
        );
        let best = 0;
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++)
            for (let k = j + 1; k < all.length; k++)
              best = Math.max(best, minGap([all[i], all[j], all[k]]));
        return minGap(chosen) === best;
      }),
    );
  });
});
