import { resolveGermanDate } from './german-date.resolver';
import { resolveGermanDateTime } from './german-date-time.resolver';
import { toIsoDate } from './date-parts';
import { easterSunday } from './easter-sunday';

const zone = 'Europe/Berlin';
// Monday 7 December 2026, 11:00 in Berlin.
const DECEMBER = new Date('2026-12-07T10:00:00Z');
// Friday 25 December 2026 (the first feast day itself), 12:00 in Berlin.
const CHRISTMAS_DAY = new Date('2026-12-25T11:00:00Z');
// Saturday 2 January 2027.
const JANUARY = new Date('2027-01-02T11:00:00Z');
// Thursday 26 November 2026.
const NOVEMBER = new Date('2026-11-26T14:00:00Z');

const dayOf = (text: string, now: Date) => {
  const r = resolveGermanDate(text, { now, zone });
  return r.ok ? toIsoDate(r.value) : undefined;
};

describe('holidays by name: the next occurrence, today or later', () => {
  it.each`
    said                               | now              | day
    ${'Heiligabend'}                   | ${DECEMBER}      | ${'2026-12-24'}
    ${'an Heiligabend'}                | ${DECEMBER}      | ${'2026-12-24'}
    ${'am Heiligen Abend'}             | ${DECEMBER}      | ${'2026-12-24'}
    ${'Heiliger Abend'}                | ${DECEMBER}      | ${'2026-12-24'}
    ${'Weihnachten'}                   | ${DECEMBER}      | ${'2026-12-25'}
    ${'an Weihnachten'}                | ${DECEMBER}      | ${'2026-12-25'}
    ${'erster Weihnachtstag'}          | ${DECEMBER}      | ${'2026-12-25'}
    ${'am ersten Weihnachtsfeiertag'}  | ${DECEMBER}      | ${'2026-12-25'}
    ${'1. Weihnachtstag'}              | ${DECEMBER}      | ${'2026-12-25'}
    ${'zweiter Weihnachtstag'}         | ${DECEMBER}      | ${'2026-12-26'}
    ${'am zweiten Weihnachtsfeiertag'} | ${DECEMBER}      | ${'2026-12-26'}
    ${'2. Weihnachts-Feiertag'}        | ${DECEMBER}      | ${'2026-12-26'}
    ${'Silvester'}                     | ${DECEMBER}      | ${'2026-12-31'}
    ${'an Silvester'}                  | ${DECEMBER}      | ${'2026-12-31'}
    ${'Neujahr'}                       | ${DECEMBER}      | ${'2027-01-01'}
    ${'an Neujahr'}                    | ${DECEMBER}      | ${'2027-01-01'}
    ${'Neujahrstag'}                   | ${DECEMBER}      | ${'2027-01-01'}
    ${'Weihnachten'}                   | ${CHRISTMAS_DAY} | ${'2026-12-25'}
    ${'Heiligabend'}                   | ${CHRISTMAS_DAY} | ${'2027-12-24'}
    ${'Heiligabend'}                   | ${JANUARY}       | ${'2027-12-24'}
    ${'Silvester 2025'}                | ${DECEMBER}      | ${'2026-12-31'}
    ${'Silvester 2027'}                | ${DECEMBER}      | ${'2027-12-31'}
    ${'Neujahr 2027'}                  | ${DECEMBER}      | ${'2027-01-01'}
    ${'Ostern'}                        | ${DECEMBER}      | ${'2027-03-28'}
    ${'Ostersonntag'}                  | ${DECEMBER}      | ${'2027-03-28'}
    ${'Ostermontag'}                   | ${DECEMBER}      | ${'2027-03-29'}
    ${'Karfreitag'}                    | ${DECEMBER}      | ${'2027-03-26'}
    ${'Christi Himmelfahrt'}           | ${DECEMBER}      | ${'2027-05-06'}
    ${'Pfingsten'}                     | ${DECEMBER}      | ${'2027-05-16'}
    ${'Pfingstmontag'}                 | ${DECEMBER}      | ${'2027-05-17'}
    ${'zweiter Pfingstfeiertag'}       | ${DECEMBER}      | ${'2027-05-17'}
    ${'Fronleichnam'}                  | ${DECEMBER}      | ${'2027-05-27'}
    ${'Heiligabend'}                   | ${NOVEMBER}      | ${'2026-12-24'}
  `('$said → $day', ({ said, now, day }) => {
    expect(dayOf(said, now)).toBe(day);
  });

  it.each(['dritter Weihnachtstag', 'Weihnachtsmarkt', 'Heiligabend Silvester', 'Ostern 99'])(
    '%j names no holiday: asked back',
    (said) => {
      expect(dayOf(said, DECEMBER)).toBeUndefined();
    },
  );

  it('with a time in one phrase', () => {
    const r = resolveGermanDateTime('Heiligabend um 10 Uhr', '', { now: DECEMBER, zone });
    expect(r.ok && r.value.instant.toISOString()).toBe('2026-12-24T09:00:00.000Z');
  });
});

describe('Easter Sunday (anonymous Gregorian algorithm)', () => {
  it.each`
    year    | day
    ${1818} | ${'1818-03-22'}
    ${1943} | ${'1943-04-25'}
    ${2000} | ${'2000-04-23'}
    ${2019} | ${'2019-04-21'}
    ${2024} | ${'2024-03-31'}
    ${2025} | ${'2025-04-20'}
    ${2026} | ${'2026-04-05'}
    ${2027} | ${'2027-03-28'}
    ${2028} | ${'2028-04-16'}
    ${2038} | ${'2038-04-25'}
    ${2285} | ${'2285-03-22'}
  `('$year: $day', ({ year, day }) => {
    expect(toIsoDate(easterSunday(year))).toBe(day);
  });
});
