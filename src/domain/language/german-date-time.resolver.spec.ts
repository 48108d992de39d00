import { resolveGermanDateTime } from './german-date-time.resolver';
import { toIsoDate } from './date-parts';
import { OpeningWindow, toClockString } from './local-time';

const zone = 'Europe/Berlin';
const now = new Date('2026-11-26T14:00:00Z'); // Thursday 15:00 in Berlin
const salon = (): OpeningWindow[] => [{ from: '09:00', to: '18:00' }];
const ctx = { now, zone, openingHoursFor: salon };

type Case = { date: string; time: string; expected: string; instant: string; at?: Date };
const c = (date: string, time: string, expected: string, instant: string, at?: Date): Case => ({
  date,
  time,
  expected,
  instant,
  at,
});

describe('resolveGermanDateTime', () => {
  it.each([
    c('morgen', 'halb drei', '2026-11-27 14:30', '2026-11-27T13:30:00.000Z'),
    c('Freitag', '10 Uhr', '2026-11-27 10:00', '2026-11-27T09:00:00.000Z'),
    c('5. Dezember', 'viertel nach zehn', '2026-12-05 10:15', '2026-12-05T09:15:00.000Z'),
    c('06.11.2025', '14:30', '2027-11-06 14:30', '2027-11-06T13:30:00.000Z'),
    // one phrase, either text, either order
    c('morgen um halb drei', '', '2026-11-27 14:30', '2026-11-27T13:30:00.000Z'),
    c('', 'morgen um halb drei', '2026-11-27 14:30', '2026-11-27T13:30:00.000Z'),
    c('um drei am Freitag', '', '2026-11-27 15:00', '2026-11-27T14:00:00.000Z'),
    c('Freitag nachmittags um drei', '', '2026-11-27 15:00', '2026-11-27T14:00:00.000Z'),
    c('Freitag morgen um zehn', '', '2026-11-27 10:00', '2026-11-27T09:00:00.000Z'),
    c('Freitag morgen um halb sieben', '', '2026-11-27 06:30', '2026-11-27T05:30:00.000Z'),
    c('Freitag abends um halb sieben', '', '2026-11-27 18:30', '2026-11-27T17:30:00.000Z'),
    c('2024-02-29T10:00:00', '', '2028-02-29 10:00', '2028-02-29T09:00:00.000Z'),
    c('morgen früh um neun', '', '2026-11-27 09:00', '2026-11-27T08:00:00.000Z'),
    c('nächsten Freitag 14 Uhr', '', '2026-11-27 14:00', '2026-11-27T13:00:00.000Z'),
    c('am 5. Dezember um 10:30 Uhr', '', '2026-12-05 10:30', '2026-12-05T09:30:00.000Z'),
    c('5.12. 14.30', '', '2026-12-05 14:30', '2026-12-05T13:30:00.000Z'),
    c('übermorgen viertel vor elf', '', '2026-11-28 10:45', '2026-11-28T09:45:00.000Z'),
    c('5. Dezember 2026 um 9', '', '2026-12-05 09:00', '2026-12-05T08:00:00.000Z'),
    c('2026-12-05 um 10 Uhr', '', '2026-12-05 10:00', '2026-12-05T09:00:00.000Z'),
    c('am Montag, den 7.12. um 11:00 Uhr', '', '2026-12-07 11:00', '2026-12-07T10:00:00.000Z'),
    c('nächste Woche Dienstag um 10', '', '2026-12-01 10:00', '2026-12-01T09:00:00.000Z'),
    c('morgen am Nachmittag um drei', '', '2026-11-27 15:00', '2026-11-27T14:00:00.000Z'),
    c('Freitag um 5', '', '2026-11-27 17:00', '2026-11-27T16:00:00.000Z'),
    c('in zwei Wochen um viertel nach neun', '', '2026-12-10 09:15', '2026-12-10T08:15:00.000Z'),
    c('MORGEN UM HALB DREI', '', '2026-11-27 14:30', '2026-11-27T13:30:00.000Z'),
    // a day plus weeks or days, with the time in either text
    c('Montag in einer Woche', '10 Uhr', '2026-12-07 10:00', '2026-12-07T09:00:00.000Z'),
    c('Montag in einer Woche um 10', '', '2026-12-07 10:00', '2026-12-07T09:00:00.000Z'),
    c('um 10 Uhr Montag in einer Woche', '', '2026-12-07 10:00', '2026-12-07T09:00:00.000Z'),
    c('heute in einer Woche um 10', '', '2026-12-03 10:00', '2026-12-03T09:00:00.000Z'),
    c('morgen in zwei Wochen um halb drei', '', '2026-12-11 14:30', '2026-12-11T13:30:00.000Z'),
    c('Freitag in zwei Wochen um 11', '', '2026-12-11 11:00', '2026-12-11T10:00:00.000Z'),
    c('in 3 Tagen um 9', '', '2026-11-29 09:00', '2026-11-29T08:00:00.000Z'),
    c('zwei Tage nach Freitag', '12 Uhr', '2026-11-29 12:00', '2026-11-29T11:00:00.000Z'),
    // ISO date-times
    c('2026-12-05T10:00:00', '', '2026-12-05 10:00', '2026-12-05T09:00:00.000Z'),
    c('2026-12-05T09:00:00Z', '', '2026-12-05 10:00', '2026-12-05T09:00:00.000Z'),
    c('2026-07-05T10:00:00+02:00', '', '2027-07-05 10:00', '2027-07-05T08:00:00.000Z'),
    c('2023-12-05T10:00:00', '', '2026-12-05 10:00', '2026-12-05T09:00:00.000Z'),
    c('2026-12-05T10:00:00', '11:00', '2026-12-05 11:00', '2026-12-05T10:00:00.000Z'),
    c('Freitag', '2026-11-27T16:00:00', '2026-11-27 16:00', '2026-11-27T15:00:00.000Z'),
    // summer time is honoured far ahead
    c('15. Juni', '10 Uhr', '2027-06-15 10:00', '2027-06-15T08:00:00.000Z'),
    // DST days: a normal time on the change day
    c('29.03.2027', '10 Uhr', '2027-03-29 10:00', '2027-03-29T08:00:00.000Z'),
    c(
      'heute',
      '10 Uhr',
      '2026-03-29 10:00',
      '2026-03-29T08:00:00.000Z',
      new Date('2026-03-29T05:00:00Z'),
    ),
    c(
      'heute',
      '01:30',
      '2026-03-29 01:30',
      '2026-03-29T00:30:00.000Z',
      new Date('2026-03-29T00:00:00Z'),
    ),
    c(
      'heute',
      '03:00',
      '2026-03-29 03:00',
      '2026-03-29T01:00:00.000Z',
      new Date('2026-03-29T00:00:00Z'),
    ),
    c(
      'heute',
      '10 Uhr',
      '2026-10-25 10:00',
      '2026-10-25T09:00:00.000Z',
      new Date('2026-10-25T05:00:00Z'),
    ),
    // repeated hour: the earlier instant (summer time)
    c(
      'heute',
      '02:30',
      '2026-10-25 02:30',
      '2026-10-25T00:30:00.000Z',
      new Date('2026-10-24T22:00:00Z'),
    ),
    c(
      'heute',
      '03:00',
      '2026-10-25 03:00',
      '2026-10-25T02:00:00.000Z',
      new Date('2026-10-24T22:00:00Z'),
    ),
    c(
      'heute',
      '01:59',
      '2026-10-25 01:59',
      '2026-10-24T23:59:00.000Z',
      new Date('2026-10-24T22:00:00Z'),
    ),
    c(
      'morgen',
      '02:30',
      '2027-10-31 02:30',
      '2027-10-31T00:30:00.000Z',
      new Date('2027-10-30T10:00:00Z'),
    ),
    c(
      'Sonntag',
      '10 Uhr',
      '2027-03-28 10:00',
      '2027-03-28T08:00:00.000Z',
      new Date('2027-03-26T10:00:00Z'),
    ),
    // offsets across the clock changes: the wall time stays, the offset follows
    c(
      'heute in einer Woche',
      '10 Uhr',
      '2026-04-01 10:00',
      '2026-04-01T08:00:00.000Z',
      new Date('2026-03-25T10:00:00Z'),
    ),
    c(
      'Sonntag in einer Woche',
      '10 Uhr',
      '2026-11-01 10:00',
      '2026-11-01T09:00:00.000Z',
      new Date('2026-10-20T10:00:00Z'),
    ),
    c(
      'morgen in einer Woche',
      '02:30',
      '2026-10-25 02:30',
      '2026-10-25T00:30:00.000Z',
      new Date('2026-10-17T10:00:00Z'),
    ),
    // New Year's Eve
    c(
      'heute in einer Woche',
      '10 Uhr',
      '2027-01-07 10:00',
      '2027-01-07T09:00:00.000Z',
      new Date('2026-12-31T20:00:00Z'),
    ),
    c(
      'Montag in einer Woche um 9',
      '',
      '2027-01-11 09:00',
      '2027-01-11T08:00:00.000Z',
      new Date('2026-12-31T20:00:00Z'),
    ),
    c(
      '5. Januar',
      'halb zehn',
      '2027-01-05 09:30',
      '2027-01-05T08:30:00.000Z',
      new Date('2026-12-31T20:00:00Z'),
    ),
    c(
      'morgen',
      'zehn Uhr',
      '2027-01-01 10:00',
      '2027-01-01T09:00:00.000Z',
      new Date('2026-12-31T20:00:00Z'),
    ),
  ])('$date | $time → $expected', ({ date, time, expected, instant, at }) => {
    const result = resolveGermanDateTime(date, time, { ...ctx, now: at ?? now });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(`${toIsoDate(result.value.date)} ${toClockString(result.value.time)}`).toBe(expected);
      expect(result.value.instant.toISOString()).toBe(instant);
    }
  });

  it('refuses 02:30 on the spring change day: that wall time does not exist', () => {
    for (const [day, at] of [
      ['29.03.2026', '2026-03-01T10:00:00Z'],
      ['28.03.2027', '2027-03-01T10:00:00Z'],
    ]) {
      const result = resolveGermanDateTime(day, '02:30', { now: new Date(at), zone });
      expect(!result.ok && result.error.code).toBe('LANGUAGE.TIME_SKIPPED_BY_CLOCK_CHANGE');
    }
  });

  it('without opening hours reads "um drei" as 15:00', () => {
    const result = resolveGermanDateTime('morgen um drei', '', { now, zone });
    expect(result.ok && toClockString(result.value.time)).toBe('15:00');
  });

  it('asks when opening hours hold both readings', () => {
    const late = () => [{ from: '08:00', to: '22:00' }];
    const result = resolveGermanDateTime('morgen', 'um acht', { ...ctx, openingHoursFor: late });
    expect(!result.ok && 'readings' in result.error && result.error.readings).toEqual([
      { hour: 8, minute: 0 },
      { hour: 20, minute: 0 },
    ]);
  });

  it('asks opening hours for the resolved day', () => {
    const asked: string[] = [];
    resolveGermanDateTime('Samstag', 'um zwei', {
      ...ctx,
      openingHoursFor: (d) => (asked.push(toIsoDate(d)), []),
    });
    expect(asked).toEqual(['2026-11-28']);
  });

  describe('a phrase naming several days asks which, naming the open ones', () => {
    // Closed on Sundays.
    const closedSunday = {
      ...ctx,
      openingHoursFor: (d: { year: number; month: number; day: number }) =>
        new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() === 0 ? [] : salon(),
    };
    it.each([
      ['Anfang nächster Woche', '10 Uhr', ['2026-11-30', '2026-12-01']],
      ['Anfang nächster Woche um 10', '', ['2026-11-30', '2026-12-01']],
      [
        'nächste Woche',
        '',
        ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'],
      ],
      [
        'nächste Woche um 10',
        '',
        ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'],
      ],
      ['am Wochenende', '11 Uhr', ['2026-11-28']],
      ['in acht Tagen um 10', '', ['2026-12-03', '2026-12-04']],
      ['Ende der Woche', 'nachmittags um drei', ['2026-11-27', '2026-11-28']],
    ])('"%s" | "%s" → %j', (date, time, days) => {
      const result = resolveGermanDateTime(date, time, closedSunday);
      expect(!result.ok && result.error.code).toBe('LANGUAGE.DATE_AMBIGUOUS');
      expect(!result.ok && 'days' in result.error && result.error.days.map(toIsoDate)).toEqual(
        days,
      );
    });

    it('names the first and last open day of a week', () => {
      const result = resolveGermanDateTime('nächste Woche', '10 Uhr', closedSunday);
      const days = !result.ok && 'days' in result.error ? result.error.days.map(toIsoDate) : [];
      expect([days[0], days[days.length - 1], days.length]).toEqual([
        '2026-11-30',
        '2026-12-05',
        6,
      ]);
    });

    it('names the closed days too when the phrase means only closed days', () => {
      const closed = { ...ctx, openingHoursFor: () => [] };
      const result = resolveGermanDateTime('Anfang nächster Woche', '10 Uhr', closed);
      expect(!result.ok && 'days' in result.error && result.error.days.map(toIsoDate)).toEqual([
        '2026-11-30',
        '2026-12-01',
      ]);
    });
  });

  it.each([
    ['', '', 'LANGUAGE.DATE_NOT_UNDERSTOOD'],
    ['blabla', '10 Uhr', 'LANGUAGE.DATE_NOT_UNDERSTOOD'],
    ['blabla um zehn', '', 'LANGUAGE.DATE_NOT_UNDERSTOOD'],
    ['morgen', 'blabla', 'LANGUAGE.TIME_NOT_UNDERSTOOD'],
    ['morgen', '', 'LANGUAGE.TIME_NOT_UNDERSTOOD'],
    ['heute abend', '', 'LANGUAGE.TIME_NOT_UNDERSTOOD'],
    ['morgen um blabla', '', 'LANGUAGE.TIME_NOT_UNDERSTOOD'],
    ['5. Dezember 2026', '', 'LANGUAGE.TIME_NOT_UNDERSTOOD'],
    ['2026-12-05', '', 'LANGUAGE.TIME_NOT_UNDERSTOOD'],
    ['2026-02-30T10:00:00', '', 'LANGUAGE.DATE_NOT_UNDERSTOOD'],
    ['Freitag', '15 Uhr morgens', 'LANGUAGE.TIME_NOT_UNDERSTOOD'],
    ['morgen um drei übermorgen um vier', '', 'LANGUAGE.TIME_NOT_UNDERSTOOD'],
    ['Freitag morgen', '', 'LANGUAGE.TIME_NOT_UNDERSTOOD'],
    ['morgen um '.repeat(20), '', 'LANGUAGE.DATE_NOT_UNDERSTOOD'],
    ['😀 um 10', '', 'LANGUAGE.DATE_NOT_UNDERSTOOD'],
    // Words beside a day that are no time: which day is meant is the question, not the time.
    ['vor Weihnachten', '', 'LANGUAGE.DATE_NOT_UNDERSTOOD'],
    ['kurz nach Silvester', '', 'LANGUAGE.DATE_NOT_UNDERSTOOD'],
    ['Samstag vor Weihnachten', '', 'LANGUAGE.DATE_NOT_UNDERSTOOD'],
    ['Tag vor Heiligabend', '', 'LANGUAGE.DATE_NOT_UNDERSTOOD'],
    ['Freitag nach 16 Uhr', '', 'LANGUAGE.TIME_NOT_UNDERSTOOD'],
    ['Heiligabend um', '', 'LANGUAGE.TIME_NOT_UNDERSTOOD'],
  ])('"%s" | "%s" → %s', (date, time, code) => {
    const result = resolveGermanDateTime(date, time, ctx);
    expect(!result.ok && result.error.code).toBe(code);
  });
});
