import { formatInTimeZone } from 'date-fns-tz';
import fc from 'fast-check';
import {
  addLocalDays,
  isLocalDate,
  isoWeekdayOf,
  isValidTimeZone,
  localDateOf,
  wallTimeToInstant,
} from './local-date';

describe('local dates', () => {
  it.each`
    value           | valid
    ${'2026-06-15'} | ${true}
    ${'2028-02-29'} | ${true}
    ${'2026-02-29'} | ${false}
    ${'2026-6-15'}  | ${false}
    ${'15.06.2026'} | ${false}
  `('$value is a local date: $valid', ({ value, valid }) => {
    expect(isLocalDate(value)).toBe(valid);
  });

  it('does calendar arithmetic across DST and month ends', () => {
    expect(addLocalDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addLocalDays('2026-03-01', -1)).toBe('2026-02-28');
    expect([isoWeekdayOf('2026-06-15'), isoWeekdayOf('2026-06-21')]).toEqual([1, 7]);
  });

  it('reads and writes wall time in a zone', () => {
    expect(localDateOf(new Date('2026-06-14T22:30:00Z'), 'Europe/Berlin')).toBe('2026-06-15');
    expect(wallTimeToInstant('2026-06-15', 9 * 60 + 30, 'Europe/Berlin').toISOString()).toBe(
      '2026-06-15T07:30:00.000Z',
    );
    expect(wallTimeToInstant('2026-10-24', 1440, 'Europe/Berlin').toISOString()).toBe(
      '2026-10-24T22:00:00.000Z',
    );
  });

  it.each`
    date            | wall       | instant
    ${'2026-03-29'} | ${'01:59'} | ${'2026-03-29T00:59:00.000Z'}
    ${'2026-03-29'} | ${'02:00'} | ${'2026-03-29T01:00:00.000Z'}
    ${'2026-03-29'} | ${'02:30'} | ${'2026-03-29T01:30:00.000Z'}
    ${'2026-03-29'} | ${'03:00'} | ${'2026-03-29T01:00:00.000Z'}
    ${'2026-10-25'} | ${'02:30'} | ${'2026-10-25T01:30:00.000Z'}
    ${'2026-10-25'} | ${'03:00'} | ${'2026-10-25T02:00:00.000Z'}
  `(
    '$date $wall (skipped: after the jump; repeated: the second) is $instant',
    ({ date, wall, instant }) => {
      const [h, m] = (wall as string).split(':').map(Number);
      expect(wallTimeToInstant(date, h * 60 + m, 'Europe/Berlin').toISOString()).toBe(instant);
    },
  );

  it.each`
    zone               | valid
    ${'Europe/Berlin'} | ${true}
    ${'UTC'}           | ${true}
    ${'Europe/Bärlin'} | ${false}
    ${'Mars/Olympus'}  | ${false}
    ${'CET'}           | ${false}
  `('$zone is a valid IANA zone: $valid', ({ zone, valid }) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

describe('localDateOf remembered per quarter hour', () => {
  const zones = [
    'Europe/Berlin',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/St_Johns',
    'Pacific/Chatham',
    'UTC',
  ];

  it('always equals the zone’s own calendar date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const instant = new Date(ms);
          expect(localDateOf(instant, zone)).toBe(formatInTimeZone(instant, zone, 'yyyy-MM-dd'));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
