import { addDays, compareDateParts, isoWeekday, isValidDateParts, DateParts } from './date-parts';

// Feb 29 recurs within 8 years; anything not found by then never exists (Feb 30, 31.04.).
const YEARS_TO_SEARCH = 8;

/** The first day-month that lies today or later; undefined when that day-month does not exist. */
export const nextOccurrenceOf = (
  month: number,
  day: number,
  today: DateParts,
): DateParts | undefined => {
  for (let year = today.year; year <= today.year + YEARS_TO_SEARCH; year++) {
    const candidate = { year, month, day };
    if (isValidDateParts(year, month, day) && compareDateParts(candidate, today) >= 0) {
      return candidate;
    }
  }
  return undefined;
};

/**
 * A full date as sent. Agents send last year's or an old year ("2023"): a date in the past moves
 * to its next future occurrence of the same day and month. An impossible date is undefined.
 */
export const explicitDate = (
  day: number,
  month: number,
  year: number | undefined,
  today: DateParts,
): DateParts | undefined => {
  if (year === undefined) return nextOccurrenceOf(month, day, today);
  if (!isValidDateParts(year, month, day)) return undefined;
  const asSent = { year, month, day };
  return compareDateParts(asSent, today) >= 0 ? asSent : nextOccurrenceOf(month, day, today);
};

/** "am fünften": this month when still ahead, else the next month that has that day. */
export const nextDayOfMonth = (day: number, today: DateParts): DateParts | undefined => {
  if (day < 1 || day > 31) return undefined;
  // Every day 1-31 comes round within two months (January and March have a 31st).
  for (let i = 0; ; i++) {
    const index = today.year * 12 + today.month - 1 + i;
    const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
    const candidate = { year, month, day };
    if (isValidDateParts(year, month, day) && compareDateParts(candidate, today) >= 0) {
      return candidate;
    }
  }
};

/** Next given weekday strictly after today ("Freitag" said on a Friday is the next Friday). */
export const nextWeekdayAfter = (weekday: number, today: DateParts): DateParts =>
  addDays(today, ((weekday - isoWeekday(today) + 6) % 7) + 1);

/** Next given weekday today or later ("diesen Freitag" said on a Friday is today). */
export const nextWeekdayFrom = (weekday: number, today: DateParts): DateParts =>
  addDays(today, (weekday - isoWeekday(today) + 7) % 7);

/**
 * The weekday in the calendar week (Monday-Sunday) weeksAhead from this one. In this week a day
 * already past moves to next week, by the past rule.
 */
export const weekdayInWeek = (weekday: number, weeksAhead: number, today: DateParts): DateParts => {
  const monday = addDays(today, 1 - isoWeekday(today));
  const candidate = addDays(monday, weeksAhead * 7 + weekday - 1);
  return compareDateParts(candidate, today) >= 0 ? candidate : addDays(candidate, 7);
};
