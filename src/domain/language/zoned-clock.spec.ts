import { instantFromWallClock, todayIn, wallClockAt } from './zoned-clock';

describe('zoned clock', () => {
  it('reads the wall clock and today in the branch zone', () => {
    const at = new Date('2026-11-26T23:30:00Z');
    expect(wallClockAt(at, 'Europe/Berlin')).toEqual({
      date: { year: 2026, month: 11, day: 27 },
      time: { hour: 0, minute: 30 },
    });
    expect(todayIn(at, 'Europe/Berlin')).toEqual({ year: 2026, month: 11, day: 27 });
    expect(todayIn(at, 'America/New_York')).toEqual({ year: 2026, month: 11, day: 26 });
    expect(todayIn(at, 'America/New_York')).toEqual({ year: 2026, month: 11, day: 26 });
  });

  it('throws for an unknown zone: that is configuration, not a caller', () => {
    expect(() => wallClockAt(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });

  it('refuses an invalid instant as a bug', () => {
    expect(() => wallClockAt(new Date(NaN), 'Europe/Berlin')).toThrow(RangeError);
  });

  it('every wall minute of both Berlin change days of 2026 and 2027 maps back or is a gap', () => {
    for (const [y, m, d] of [
      [2026, 3, 29],
      [2026, 10, 25],
      [2027, 3, 28],
      [2027, 10, 31],
    ]) {
      let gaps = 0;
      for (let minute = 0; minute < 24 * 60; minute += 15) {
        const time = { hour: Math.floor(minute / 60), minute: minute % 60 };
        const r = instantFromWallClock({ year: y, month: m, day: d }, time, 'Europe/Berlin');
        if (!r.ok) {
          gaps++;
          expect(time.hour).toBe(2);
          continue;
        }
        expect(wallClockAt(r.value, 'Europe/Berlin')).toEqual({
          date: { year: y, month: m, day: d },
          time,
        });
      }
      expect(gaps).toBe(m === 3 ? 4 : 0);
    }
  });

  it('answers the same whichever offset the zone saw last', () => {
    const berlin = (y: number, m: number, d: number, hour: number, minute = 0) =>
      instantFromWallClock({ year: y, month: m, day: d }, { hour, minute }, 'Europe/Berlin');
    const iso = (r: ReturnType<typeof berlin>) => (r.ok ? r.value.toISOString() : r.error.code);
    for (let round = 0; round < 2; round++) {
      expect(iso(berlin(2026, 7, 1, 10))).toBe('2026-07-01T08:00:00.000Z');
      expect(iso(berlin(2026, 10, 25, 2, 30))).toBe('2026-10-25T00:30:00.000Z');
      expect(iso(berlin(2026, 12, 1, 10))).toBe('2026-12-01T09:00:00.000Z');
      expect(iso(berlin(2026, 10, 25, 2, 30))).toBe('2026-10-25T00:30:00.000Z');
      expect(iso(berlin(2027, 3, 28, 2, 30))).toBe('LANGUAGE.TIME_SKIPPED_BY_CLOCK_CHANGE');
      expect(iso(berlin(2027, 3, 28, 3, 0))).toBe('2027-03-28T01:00:00.000Z');
      expect(iso(berlin(2027, 10, 31, 2, 0))).toBe('2027-10-31T00:00:00.000Z');
    }
  });

  it('picks the earlier of two repeated readings in other zones too', () => {
    // New York falls back on 2026-11-01 at 02:00 EDT → 01:00 EST; 01:30 happens twice.
    const r = instantFromWallClock(
      { year: 2026, month: 11, day: 1 },
      { hour: 1, minute: 30 },
      'America/New_York',
    );
    expect(r.ok && r.value.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});
