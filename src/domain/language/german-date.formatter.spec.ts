import fc from 'fast-check';
import { formatInTimeZone } from 'date-fns-tz';
import { de } from 'date-fns/locale/de';
import { formatGermanLocalTime } from './german-date.formatter';
import { formatGermanDate, formatGermanTime } from './german-instant.formatter';

const zone = 'Europe/Berlin';

describe('formatGermanDate / formatGermanTime', () => {
  it.each([
    ['2026-12-05T09:00:00Z', 'Samstag, 5. Dezember', '10 Uhr'],
    ['2026-12-04T13:30:00Z', 'Freitag, 4. Dezember', '14:30 Uhr'],
    ['2027-03-01T07:05:00Z', 'Montag, 1. März', '8:05 Uhr'],
    // 23:30 UTC is already the next day in Berlin
    ['2026-11-26T23:30:00Z', 'Freitag, 27. November', '0:30 Uhr'],
    ['2026-10-25T00:30:00Z', 'Sonntag, 25. Oktober', '2:30 Uhr'],
    ['2026-10-25T01:30:00Z', 'Sonntag, 25. Oktober', '2:30 Uhr'],
  ])('%s → %s, %s', (iso, day, time) => {
    expect(formatGermanDate(new Date(iso), zone)).toBe(day);
    expect(formatGermanTime(new Date(iso), zone)).toBe(time);
  });

  it('adds the year on request', () => {
    expect(formatGermanDate(new Date('2027-12-05T09:00:00Z'), zone, { withYear: true })).toBe(
      'Sonntag, 5. Dezember 2027',
    );
  });

  it('speaks a wall time', () => {
    expect(formatGermanLocalTime({ hour: 9, minute: 0 })).toBe('9 Uhr');
    expect(formatGermanLocalTime({ hour: 14, minute: 5 })).toBe('14:05 Uhr');
  });

  it('speaks every day as date-fns renders it in German, in any zone, with and without the year', () => {
    const zones = [
      'Europe/Berlin',
      'Europe/Vienna',
      'Europe/Zurich',
      'America/New_York',
      'Asia/Kathmandu',
      'Pacific/Chatham',
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        fc.boolean(),
        (instant, zone, withYear) => {
          const pattern = withYear ? 'EEEE, d. MMMM yyyy' : 'EEEE, d. MMMM';
          expect(formatGermanDate(instant, zone, { withYear })).toBe(
            formatInTimeZone(instant, zone, pattern, { locale: de }),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
