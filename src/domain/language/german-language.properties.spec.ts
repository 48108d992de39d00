import fc from 'fast-check';
import { resolveGermanDate } from './german-date.resolver';
import { resolveGermanDateTime } from './german-date-time.resolver';
import { resolveGermanTime } from './german-time.resolver';
import { compareLocalDates, isValidLocalDate, toIsoDate } from './local-date';
import { toClockString } from './local-time';
import { todayIn, wallClockAt } from './zoned-clock';

const zone = 'Europe/Berlin';
// Any moment from 2025 to 2029, DST days included.
const anyNow = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2029, 11, 31) })
  .map((ms) => new Date(ms));
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August'];
const MORE_MONTHS = ['September', 'Oktober', 'November', 'Dezember'];
const monthName = (m: number): string => [...MONTHS, ...MORE_MONTHS][m - 1];
const pad = (n: number): string => String(n).padStart(2, '0');

describe('German date and time properties', () => {
  it('a resolved date is today or later and keeps day and month', () => {
    fc.assert(
      fc.property(
        anyNow,
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.integer({ min: 2000, max: 2030 }), { nil: undefined }),
        (now, day, month, year) => {
          const text = year === undefined ? `${day}.${month}.` : `${day}.${month}.${year}`;
          const result = resolveGermanDate(text, { now, zone });
          const today = todayIn(now, zone);
          if (!result.ok) {
            // only impossible dates are refused
            const leap = year === undefined ? 2028 : year;
            return !isValidLocalDate(leap, month, day);
          }
          const d = result.value;
          return compareLocalDates(d, today) >= 0 && d.day === day && d.month === month;
        },
      ),
    );
  });

  it('spoken and written dates agree', () => {
    fc.assert(
      fc.property(
        anyNow,
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        (now, d, m) => {
          const written = resolveGermanDate(`${pad(d)}.${pad(m)}.`, { now, zone });
          const spoken = resolveGermanDate(`am ${d}. ${monthName(m)}`, { now, zone });
          return written.ok && spoken.ok && toIsoDate(written.value) === toIsoDate(spoken.value);
        },
      ),
    );
  });

  it('a resolved instant shows the same wall time in the zone (outside the spring gap)', () => {
    fc.assert(
      fc.property(
        anyNow,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (now, h, m) => {
          const result = resolveGermanDateTime('morgen', `${pad(h)}:${pad(m)}`, { now, zone });
          if (!result.ok)
            return result.error.code === 'LANGUAGE.TIME_SKIPPED_BY_CLOCK_CHANGE' && h === 2;
          const wall = wallClockAt(result.value.instant, zone);
          return (
            toIsoDate(wall.date) === toIsoDate(result.value.date) &&
            toClockString(wall.time) === `${pad(h)}:${pad(m)}`
          );
        },
      ),
    );
  });

  it('a 24-hour time after noon is taken as said', () => {
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const result = resolveGermanTime(`${h}:${pad(m)} Uhr`);
        return result.ok && result.value.hour === h && result.value.minute === m;
      }),
    );
  });

  it('a weekday is always within the next seven days, never today', () => {
    const weekdays = [
      'Montag',
      'Dienstag',
      'Mittwoch',
      'Donnerstag',
      'Freitag',
      'Samstag',
      'Sonntag',
    ];
    fc.assert(
      fc.property(anyNow, fc.constantFrom(...weekdays), (now, weekday) => {
        const result = resolveGermanDate(weekday, { now, zone });
        const today = todayIn(now, zone);
        if (!result.ok) return false;
        const ahead = compareLocalDates(result.value, today);
        return ahead >= 1 && ahead <= 7;
      }),
    );
  });

  it('never throws on arbitrary text and answers a value', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.string({ maxLength: 40 }),
        (a, b) => {
          const now = new Date('2026-11-26T14:00:00Z');
          const results = [
            resolveGermanDate(a, { now, zone }),
            resolveGermanTime(a),
            resolveGermanDateTime(a, b, { now, zone }),
            resolveGermanDateTime(a, '', { now, zone }),
          ];
          return results.every((r) => typeof r.ok === 'boolean');
        },
      ),
    );
  });
});
