import { resolveGermanDate } from './german-date.resolver';
import { addDays, toIsoDate } from './date-parts';

const zone = 'Europe/Berlin';
// Thursday 26 November 2026, 15:00 in Berlin.
const now = new Date('2026-11-26T14:00:00Z');

const ok = (text: string, expected: string, at: Date = now) => ({ text, expected, at });
const no = (text: string, at: Date = now) => ({ text, expected: undefined, at });

const FRIDAY = new Date('2026-11-27T09:00:00Z');
const NEW_YEARS_EVE = new Date('2026-12-31T20:00:00Z');
const SUNDAY = new Date('2026-11-29T10:00:00Z');
const LATE_EVENING = new Date('2026-11-26T23:30:00Z'); // 00:30 on Friday 27th in Berlin
const SATURDAY = new Date('2026-11-28T10:00:00Z');

describe('resolveGermanDate', () => {
  it.each([
    // relative days, any case, umlaut-free spellings
    ok('heute', '2026-11-26'),
    ok('Heute', '2026-11-26'),
    ok('morgen', '2026-11-27'),
    ok('MORGEN', '2026-11-27'),
    ok('übermorgen', '2026-11-28'),
    ok('uebermorgen', '2026-11-28'),
    ok('Übermorgen.', '2026-11-28'),
    ok('heute', '2026-11-27', LATE_EVENING),
    // weekdays: next occurrence strictly after today
    ok('Freitag', '2026-11-27'),
    ok('am Freitag', '2026-11-27'),
    ok('Donnerstag', '2026-12-03'),
    ok('Mittwoch', '2026-12-02'),
    ok('Sonntag', '2026-11-29'),
    ok('Sonnabend', '2026-11-28'),
    ok('Montag', '2026-11-30'),
    ok('Freitag', '2026-12-04', FRIDAY),
    ok('heute Freitag', '2026-11-27', FRIDAY),
    ok('Freitag nachmittag', '2026-11-27'),
    ok('Freitag morgen', '2026-11-27'),
    ok('morgen Freitag', '2026-11-27'),
    ok('morgen früh', '2026-11-27'),
    // nächsten / kommenden / diesen / übernächsten
    ok('nächsten Freitag', '2026-11-27'),
    ok('naechsten Freitag', '2026-11-27'),
    ok('kommenden Montag', '2026-11-30'),
    ok('nächsten Donnerstag', '2026-12-03'),
    ok('diesen Freitag', '2026-11-27'),
    ok('diesen Freitag', '2026-11-27', FRIDAY),
    ok('diesen Donnerstag', '2026-11-26'),
    ok('übernächsten Freitag', '2026-12-04'),
    // weeks
    ok('Freitag nächste Woche', '2026-12-04'),
    ok('nächste Woche Freitag', '2026-12-04'),
    ok('Montag nächste Woche', '2026-11-30'),
    ok('nächste Woche Montag', '2026-11-30'),
    ok('Freitag in der nächsten Woche', '2026-12-04'),
    ok('diese Woche Freitag', '2026-11-27'),
    ok('diese Woche Dienstag', '2026-12-01'),
    ok('Freitag übernächste Woche', '2026-12-11'),
    ok('Freitag in zwei Wochen', '2026-12-11'),
    ok('nächste Woche Montag', '2026-11-30', SUNDAY),
    ok('Freitag nächste Woche', '2027-01-08', NEW_YEARS_EVE),
    // periods
    ok('in zwei Wochen', '2026-12-10'),
    ok('in 2 Wochen', '2026-12-10'),
    ok('in einer Woche', '2026-12-03'),
    ok('in 3 Tagen', '2026-11-29'),
    ok('in drei Tagen', '2026-11-29'),
    ok('in einem Tag', '2026-11-27'),
    ok('in einem Monat', '2026-12-26'),
    ok('in 10 Tagen', '2027-01-10', NEW_YEARS_EVE),
    ok('in zwölf Tagen', '2026-12-08'),
    ok('in vierzehn Tagen', '2026-12-10'),
    ok('in 3 Wochen', '2026-12-17'),
    ok('in drei Wochen', '2026-12-17'),
    ok('in 10 Wochen', '2027-02-04'),
    ok('in einer Woche', '2027-01-07', NEW_YEARS_EVE),
    // a day plus days or weeks: a weekday counts from its next occurrence, today included
    ok('Montag in einer Woche', '2026-12-07'),
    ok('am Montag in einer Woche', '2026-12-07'),
    ok('Montag in 1 Woche', '2026-12-07'),
    ok('in einer Woche am Montag', '2026-12-07'),
    ok('Dienstag in einer Woche', '2026-12-08'),
    ok('Freitag in einer Woche', '2026-12-04'),
    ok('Donnerstag in einer Woche', '2026-12-03'),
    ok('Freitag in 2 Wochen', '2026-12-11'),
    ok('Freitag in zwei Wochen', '2026-12-18', SATURDAY),
    ok('Freitag in zwei Wochen', '2026-12-11', FRIDAY),
    ok('Freitag in acht Tagen', '2026-12-04'),
    ok('Freitag in 14 Tagen', '2026-12-11'),
    ok('Sonntag in drei Tagen', '2026-11-29'),
    ok('Dienstag übernächste Woche', '2026-12-08'),
    ok('Montag in einer Woche', '2027-01-11', NEW_YEARS_EVE),
    ok('heute in einer Woche', '2026-12-03'),
    ok('heute in acht Tagen', '2026-12-03'),
    ok('heute in einer Woche', '2027-01-07', NEW_YEARS_EVE),
    ok('morgen in einer Woche', '2026-12-04'),
    ok('morgen in zwei Wochen', '2026-12-11'),
    ok('morgen in zwei Wochen', '2027-01-15', NEW_YEARS_EVE),
    ok('übermorgen in einer Woche', '2026-12-05'),
    ok('in zwei Wochen ab morgen', '2026-12-11'),
    ok('zwei Tage nach Freitag', '2026-11-29'),
    ok('einen Tag vor Freitag', '2026-11-26'),
    ok('eine Woche nach dem 5. Dezember', '2026-12-12'),
    ok('drei Tage vor dem 24. Dezember', '2026-12-21'),
    ok('eine Woche nach dem 30.12.', '2027-01-06', new Date('2026-12-29T10:00:00Z')),
    ok('Freitag in ner Woche', '2026-12-04'),
    ok('Montag in acht Tagen', '2026-12-07'),
    // short weekdays, fillers and a spaced numeric date
    ok('Mo, 7.12.', '2026-12-07'),
    ok('Fr.', '2026-11-27'),
    ok('Do', '2026-12-03'),
    ok('10. 12.', '2026-12-10'),
    ok('gleich morgen', '2026-11-27'),
    ok('am besten Freitag', '2026-11-27'),
    ok('diesen Freitag noch', '2026-11-27'),
    // day and month
    ok('5. Dezember', '2026-12-05'),
    ok('am 5. Dezember', '2026-12-05'),
    ok('5.Dezember', '2026-12-05'),
    ok('am fünften Dezember', '2026-12-05'),
    ok('am fuenften Dezember', '2026-12-05'),
    ok('der erste Dezember', '2026-12-01'),
    ok('am dritten Januar', '2027-01-03'),
    ok('am einunddreißigsten Dezember', '2026-12-31'),
    ok('am einunddreissigsten Dezember', '2026-12-31'),
    ok('am zwanzigsten Dezember', '2026-12-20'),
    ok('am siebten Dezember', '2026-12-07'),
    ok('am siebenten Dezember', '2026-12-07'),
    // the month as a spoken ordinal, as "12.3." is read aloud
    ok('am zwölften Dritten', '2027-03-12'),
    ok('am zwoelften dritten', '2027-03-12'),
    ok('der erste Zwölfte', '2026-12-01'),
    ok('am fünften zwölften 2027', '2027-12-05'),
    ok('am 12. Dritten', '2027-03-12'),
    ok('5 Dez', '2026-12-05'),
    ok('5. Dez.', '2026-12-05'),
    ok('5ten Dezember', '2026-12-05'),
    ok('12. Maerz', '2027-03-12'),
    ok('12. März', '2027-03-12'),
    ok('Freitag, 5. Dezember', '2026-12-05'),
    ok('Freitag den 11.12.', '2026-12-11'),
    ok('5. Dezember 2027', '2027-12-05'),
    ok('am fünften', '2026-12-05'),
    ok('am 28.', '2026-11-28'),
    ok('am 26.', '2026-11-26'),
    ok('am 31.', '2026-12-31'),
    // past rule
    ok('5. Januar', '2027-01-05'),
    ok('5. Januar', '2027-01-05', NEW_YEARS_EVE),
    ok('26. November', '2026-11-26'),
    ok('25. November', '2027-11-25'),
    ok('06.11.', '2027-11-06'),
    ok('06.11.2025', '2027-11-06'),
    ok('6.11.26', '2027-11-06'),
    ok('06.12.2023', '2026-12-06'),
    ok('5. Dezember 2023', '2026-12-05'),
    ok('29.02.2024', '2028-02-29'),
    ok('29. Februar', '2028-02-29'),
    ok('30.12.2026', '2026-12-30'),
    ok('02.01.27', '2027-01-02'),
    ok('2.1.2028', '2028-01-02'),
    ok('31.12.', '2026-12-31', NEW_YEARS_EVE),
    ok('30.12.', '2027-12-30', NEW_YEARS_EVE),
    // ISO
    ok('2026-12-05', '2026-12-05'),
    ok('2025-12-05', '2026-12-05'),
    ok('2026-12-05T10:00:00', '2026-12-05'),
    ok('2026-12-05T10:00:00.000Z', '2026-12-05'),
    ok('2026-12-05T23:30:00Z', '2026-12-06'),
    ok('2026-11-26 09:00', '2026-11-26'),
    // garbage, impossible dates and vague words: a question back
    no(''),
    no('   '),
    no('blabla'),
    no('32.13.'),
    no('31.04.'),
    no('Feb 30'),
    no('30. Februar'),
    no('am zwölften dreizehnten'),
    no('am dreißigsten Zweiten'),
    no('29.02.2027'),
    no('2026-02-30'),
    no('2026-13-01'),
    no('2026-12-05T25:00:00'),
    no('gestern'),
    no('irgendwann'),
    no('zwei Tage vor morgen'),
    no('Montag in einer'),
    no('Freitag in zwei Wochen in drei Tagen'),
    no('am 32.'),
    no('5'),
    no('Freitag Samstag'),
    no('in Wochen'),
    no('in zwei Jahren'),
    no('morgen übermorgen'),
    no('🎉📅'),
    no('Freitag 🎉'),
    no('x'.repeat(500)),
    no('5. Dezember '.repeat(40)),
    no('5. Dezember 12345'),
    no('5. Dezember 2027 extra'),
  ])('$text → $expected', ({ text, expected, at }) => {
    const result = resolveGermanDate(text, { now: at, zone });
    if (expected === undefined) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('LANGUAGE.DATE_NOT_UNDERSTOOD');
      }
    } else {
      expect(result.ok && toIsoDate(result.value)).toBe(expected);
    }
  });
});

describe('resolveGermanDate: a phrase naming no single day asks back with the days it could mean', () => {
  const days = (text: string, expected: string[], at: Date = now) => ({ text, expected, at });

  it.each([
    days('nächste Woche', [
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]),
    days('irgendwann nächste Woche', [
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]),
    days('Anfang nächster Woche', ['2026-11-30', '2026-12-01']),
    days('Anfang der nächsten Woche', ['2026-11-30', '2026-12-01']),
    days('Anfang nächster Woche', ['2027-01-04', '2027-01-05'], NEW_YEARS_EVE),
    days('Mitte nächster Woche', ['2026-12-01', '2026-12-02', '2026-12-03']),
    days('Ende nächster Woche', ['2026-12-04', '2026-12-05']),
    days('Ende der Woche', ['2026-11-27', '2026-11-28']),
    days('Ende dieser Woche', ['2026-11-27', '2026-11-28']),
    // this week's beginning has passed: the caller means the next one
    days('Anfang der Woche', ['2026-11-30', '2026-12-01']),
    days('diese Woche', ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']),
    days('diese Woche', ['2026-11-29'], SUNDAY),
    days(
      'nächste Woche',
      [
        '2026-11-30',
        '2026-12-01',
        '2026-12-02',
        '2026-12-03',
        '2026-12-04',
        '2026-12-05',
        '2026-12-06',
      ],
      SUNDAY,
    ),
    days('am Wochenende', ['2026-11-28', '2026-11-29']),
    days('übernächste Woche Anfang', ['2026-12-07', '2026-12-08']),
    days('Anfang Januar', [
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
      '2027-01-09',
      '2027-01-10',
    ]),
    days('Ende Dezember', ['2026-12-31'], NEW_YEARS_EVE),
    days('Ende des Monats', ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']),
    days('im November', ['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']),
    // both readings of "in acht Tagen": a week, or eight days
    days('in acht Tagen', ['2026-12-03', '2026-12-04']),
    // a weekday that is not the day so many days ahead: both are named
    days('Freitag in drei Tagen', ['2026-11-27', '2026-11-29']),
    // either of two days
    days('morgen oder übermorgen', ['2026-11-27', '2026-11-28']),
    days('Samstag oder Freitag', ['2026-11-27', '2026-11-28']),
    days('Freitag oder Anfang nächster Woche', ['2026-11-27', '2026-11-30', '2026-12-01']),
  ])('$text → $expected', ({ text, expected, at }) => {
    const result = resolveGermanDate(text, { now: at, zone });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('LANGUAGE.DATE_AMBIGUOUS');
    expect('days' in result.error && result.error.days.map(toIsoDate)).toEqual(expected);
  });

  it.each([
    ['irgendwann im Januar', '2027-01-01', '2027-01-31', 31],
    ['Januar', '2027-01-01', '2027-01-31', 31],
    ['Dezember', '2026-12-01', '2026-12-31', 31],
    ['nächsten Monat', '2026-12-01', '2026-12-31', 31],
    ['Anfang nächsten Monats', '2026-12-01', '2026-12-10', 10],
    ['Anfang des Monats', '2026-12-01', '2026-12-10', 10],
    ['Mitte Dezember', '2026-12-11', '2026-12-20', 10],
    ['im Februar', '2027-02-01', '2027-02-28', 28],
  ])('%s → %s … %s', (text, first, last, count) => {
    const result = resolveGermanDate(text, { now, zone });
    const named = !result.ok && 'days' in result.error ? result.error.days.map(toIsoDate) : [];
    expect(named).toHaveLength(count);
    expect([named[0], named[named.length - 1]]).toEqual([first, last]);
  });

  // How each is asked back: the sentences of LANGUAGE.DATE_AMBIGUOUS at the edge.
  it.each([
    ['Anfang nächster Woche', '2026-11-30', 2],
    ['Mitte nächster Woche', '2026-12-01', 3],
    ['nächste Woche', '2026-11-30', 7],
    ['irgendwann im Januar', '2027-01-01', 31],
  ])('asks "%s" back with the days from %s on, %i of them', (text, first, count) => {
    const result = resolveGermanDate(text, { now, zone });
    const [year, month, day] = first.split('-').map(Number);
    const expected = Array.from({ length: count }, (_, i) =>
      toIsoDate(addDays({ year, month, day }, i)),
    );
    expect(!result.ok && 'days' in result.error && result.error.days.map(toIsoDate)).toEqual(
      expected,
    );
  });
});
