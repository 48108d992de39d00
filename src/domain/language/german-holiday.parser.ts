import { addDays, compareDateParts, DateParts } from './date-parts';
import { easterSunday } from './easter-sunday';
import { ordinalValue } from './german-number.words';

/** Where a holiday falls in a given year. */
type InYear = (year: number) => DateParts;

const fixed =
  (month: number, day: number): InYear =>
  (year) => ({ year, month, day });
const afterEaster =
  (days: number): InYear =>
  (year) =>
    addDays(easterSunday(year), days);

// The holidays callers name, by their words joined without spaces (umlaut-free, lower case).
// "Weihnachten" is the first feast day, as "an Weihnachten" is mostly meant. "Abend" is a day
// part and may have been dropped already: "am Heiligen Abend" arrives as "heiligen".
// prettier-ignore
const HOLIDAYS = new Map<string, InYear>([
  ...['heiligabend', 'heiligerabend', 'heiligenabend', 'heiliger', 'heiligen', 'weihnachtsabend']
    .map((w): [string, InYear] => [w, fixed(12, 24)]),
  ...['weihnachten', 'weihnacht', 'weihnachtstag', 'weihnachtsfeiertag']
    .map((w): [string, InYear] => [w, fixed(12, 25)]),
  ...['silvester', 'sylvester', 'silvesterabend', 'silvestertag']
    .map((w): [string, InYear] => [w, fixed(12, 31)]),
  ...['neujahr', 'neujahrstag'].map((w): [string, InYear] => [w, fixed(1, 1)]),
  ['karfreitag', afterEaster(-2)],
  ...['ostern', 'ostersonntag', 'osterfeiertag'].map((w): [string, InYear] => [w, afterEaster(0)]),
  ['ostermontag', afterEaster(1)],
  ...['himmelfahrt', 'christihimmelfahrt'].map((w): [string, InYear] => [w, afterEaster(39)]),
  ...['pfingsten', 'pfingstsonntag', 'pfingstfeiertag'].map((w): [string, InYear] => [w, afterEaster(49)]),
  ['pfingstmontag', afterEaster(50)],
  ['fronleichnam', afterEaster(60)],
]);

// "erster/zweiter Weihnachtstag", "2. Osterfeiertag": the feast days that come in pairs.
const SECOND_DAYS = new Map<string, InYear>([
  ['weihnachtstag', fixed(12, 26)],
  ['weihnachtsfeiertag', fixed(12, 26)],
  ['osterfeiertag', afterEaster(1)],
  ['pfingstfeiertag', afterEaster(50)],
]);

const ordinalOf = (word: string): number | undefined =>
  /^\d\.$/.test(word) ? Number(word[0]) : ordinalValue(word);

/** Which day of the year a holiday's words name, if they name one. */
const holidayOf = (words: readonly string[]): InYear | undefined => {
  const nth = words.length > 1 ? ordinalOf(words[0]) : undefined;
  const key = (nth === undefined ? words : words.slice(1)).join('');
  if (nth === undefined || nth === 1) return HOLIDAYS.get(key);
  return nth === 2 ? SECOND_DAYS.get(key) : undefined;
};

/**
 * A holiday by its name ("Heiligabend", "zweiter Weihnachtstag", "Silvester 2027", "Ostern"),
 * as the next occurrence today or later, as any other date; a year said in the past moves on
 * as well. Undefined when the words name no holiday.
 */
export const parseGermanHoliday = (
  words: readonly string[],
  today: DateParts,
): DateParts | undefined => {
  const last = words[words.length - 1];
  const yearSaid = last !== undefined && /^\d{4}$/.test(last) ? Number(last) : undefined;
  const name = yearSaid === undefined ? words : words.slice(0, -1);
  if (name.length === 0 || name.length > 3) return undefined;
  const inYear = holidayOf(name);
  if (!inYear) return undefined;
  for (let year = Math.max(yearSaid ?? today.year, today.year); ; year++) {
    const day = inYear(year);
    if (compareDateParts(day, today) >= 0) return day;
  }
};
