import { monthValue, weekdayValue } from './german-calendar.words';
import { ordinalValue, cardinalValue } from './german-number.words';
import { addDays, DateParts } from './date-parts';
import {
  explicitDate,
  nextDayOfMonth,
  nextWeekdayAfter,
  nextWeekdayFrom,
  weekdayInWeek,
} from './future-date.rules';
import { parseGermanHoliday } from './german-holiday.parser';

// Words that carry no date meaning: "am Freitag", "für den 5. Dezember", "gleich morgen",
// "am besten Freitag", "diesen Freitag noch".
// prettier-ignore
const FILLERS = new Set([
  'am', 'an', 'den', 'dem', 'der', 'des', 'die', 'fuer', 'bitte', 'zum', 'gleich', 'noch', 'dann',
  'lieber', 'besten', 'vielleicht', 'eventuell', 'also', 'ja',
]);
// A date said alone may carry a day part ("Freitag nachmittags"); in a whole phrase the day
// part belongs to the time and must reach the clock parser.
// prettier-ignore
const DAY_PARTS = new Set([
  'frueh', 'morgens', 'vormittag', 'vormittags', 'mittag', 'mittags', 'nachmittag',
  'nachmittags', 'abend', 'abends', 'nacht', 'nachts',
]);
const RELATIVE_DAYS = new Map([
  ['heute', 0],
  ['morgen', 1],
  ['uebermorgen', 2],
]);
// How many calendar weeks ahead a modifier points: "diese" 0, "nächste" 1, "übernächste" 2.
export const WEEK_MODIFIERS = new Map<string, number>();
for (const ending of ['', 'n', 'r', 's']) {
  WEEK_MODIFIERS.set(`diese${ending}`, 0);
  WEEK_MODIFIERS.set(`naechste${ending}`, 1);
  WEEK_MODIFIERS.set(`kommende${ending}`, 1);
  WEEK_MODIFIERS.set(`uebernaechste${ending}`, 2);
}
const NUMERIC_DATE = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_WITH_DOT = /^(\d{1,2})\.$/;

const monthOfDigits = (token: string): number | undefined => {
  const m = /^(\d{1,2})\.?$/.exec(token);
  return m && Number(m[1]) >= 1 && Number(m[1]) <= 12 ? Number(m[1]) : undefined;
};

/** "dritten" as the month 3, the way a written 12.3. is read aloud. */
const monthOfOrdinal = (token: string): number | undefined => {
  const n = ordinalValue(token);
  return n !== undefined && n <= 12 ? n : undefined;
};

/** "5." / "5" / "fuenften" / "fuenf" as a day of month; dotless digits only next to a month. */
const dayOf = (token: string, dotless: boolean): number | undefined => {
  const withDot = DAY_WITH_DOT.exec(token);
  if (withDot) return Number(withDot[1]);
  if (dotless && /^\d{1,2}$/.test(token)) return Number(token);
  return ordinalValue(token) ?? (dotless ? cardinalValue(token) : undefined);
};

/** Day, month and maybe year, as written or spoken. */
const calendarDate = (words: readonly string[], today: DateParts): DateParts | undefined => {
  const [first, second, third] = words;
  if (words.length === 1) {
    const numeric = NUMERIC_DATE.exec(first);
    if (numeric) {
      const year = numeric[3] === undefined ? undefined : Number(numeric[3]);
      const fullYear = year !== undefined && year < 100 ? 2000 + year : year;
      return explicitDate(Number(numeric[1]), Number(numeric[2]), fullYear, today);
    }
    const iso = ISO_DATE.exec(first);
    if (iso) return explicitDate(Number(iso[3]), Number(iso[2]), Number(iso[1]), today);
    const day = dayOf(first, false);
    return day === undefined ? undefined : nextDayOfMonth(day, today);
  }
  if (words.length > 3) return undefined;
  const day = dayOf(first, true);
  // "10. 12." said with a space is the written 10.12.; "am zwölften Dritten" is 12.3. read aloud.
  const month =
    monthValue(second) ??
    (DAY_WITH_DOT.test(first) ? monthOfDigits(second) : undefined) ??
    monthOfOrdinal(second);
  const year = third === undefined ? undefined : /^\d{4}$/.test(third) ? Number(third) : NaN;
  if (day === undefined || month === undefined || Number.isNaN(year)) return undefined;
  return explicitDate(day, month, year, today);
};

/**
 * How many calendar weeks ahead "nächste Woche", "in der nächsten Woche" point. Counted offsets
 * ("in zwei Wochen") are the offset parser's.
 */
const weeksAheadOf = (words: readonly string[]): number | undefined => {
  const rest = words[0] === 'in' && words.length === 3 ? words.slice(1) : words;
  return rest.length === 2 && rest[1] === 'woche' ? WEEK_MODIFIERS.get(rest[0]) : undefined;
};

/** A weekday plus whatever else was said about it. */
const withWeekday = (
  weekday: number,
  weekdayFirst: boolean,
  rest: readonly string[],
  today: DateParts,
): DateParts | undefined => {
  if (rest.length === 0) return nextWeekdayAfter(weekday, today);
  // "Freitag morgen" is Friday morning, "morgen, Freitag" is tomorrow.
  if (weekdayFirst && rest.length === 1 && rest[0] === 'morgen') {
    return nextWeekdayAfter(weekday, today);
  }
  if (rest.length === 1 && RELATIVE_DAYS.has(rest[0])) return relativeDay(rest[0], today);
  if (rest.length === 1 && WEEK_MODIFIERS.has(rest[0])) {
    const weeks = WEEK_MODIFIERS.get(rest[0]) as number;
    if (weeks === 0) return nextWeekdayFrom(weekday, today);
    return addDays(nextWeekdayAfter(weekday, today), (weeks - 1) * 7);
  }
  const weeks = weeksAheadOf(rest);
  if (weeks !== undefined) return weekdayInWeek(weekday, weeks, today);
  // "Freitag, 5. Dezember": the date decides; a mismatching weekday is not ours to judge.
  return calendarDate(rest, today) ?? parseGermanHoliday(rest, today);
};

/** The words that carry date meaning; day parts stay when they belong to a time said with it. */
export const dateWords = (tokens: readonly string[], withDayParts = true): string[] =>
  tokens.filter((t) => !FILLERS.has(t) && !(withDayParts && DAY_PARTS.has(t)));

const relativeDay = (word: string, today: DateParts): DateParts =>
  addDays(today, RELATIVE_DAYS.get(word) as number);

/**
 * Tokens → the day meant, today or later; undefined when the words do not name one day.
 * withDayParts: day-part words ("nachmittags", "Freitag morgen") may stand beside the date.
 */
export const parseGermanDateTokens = (
  tokens: readonly string[],
  today: DateParts,
  withDayParts = true,
): DateParts | undefined => {
  const words = dateWords(tokens, withDayParts);
  const weekdayAt = words.findIndex((t) => weekdayValue(t) !== undefined);
  if (weekdayAt >= 0) {
    const rest = words.filter((_, i) => i !== weekdayAt);
    const weekday = weekdayValue(words[weekdayAt]) as number;
    return rest.some((t) => weekdayValue(t) !== undefined)
      ? undefined
      : withWeekday(weekday, weekdayAt === 0, rest, today);
  }
  if (words.length === 1 && RELATIVE_DAYS.has(words[0])) return relativeDay(words[0], today);
  return calendarDate(words, today) ?? parseGermanHoliday(words, today);
};
