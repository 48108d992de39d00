import type { LocalDate } from '../shared/local-date';

/**
 * A calendar day as numbers (month 1-12), free of any timezone: the form German dates are read
 * and said in, where days are counted, months added and weekdays named. Elsewhere the domain
 * holds a day as a `LocalDate` ('yyyy-MM-dd'); `toIsoDate` gives it.
 */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;

// Day arithmetic runs on UTC midnights, so no zone or DST can shift a day.
const toEpochDay = (d: DateParts): number => Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;

const fromEpochDay = (epochDay: number): DateParts => {
  const u = new Date(epochDay * DAY_MS);
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
};

export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

export const isValidDateParts = (year: number, month: number, day: number): boolean =>
  Number.isInteger(year) &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysInMonth(year, month);

export const addDays = (d: DateParts, days: number): DateParts =>
  fromEpochDay(toEpochDay(d) + days);

/** Adds calendar months; the 31st lands on the last day of a shorter month. */
export const addMonths = (d: DateParts, months: number): DateParts => {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
};

export const compareDateParts = (a: DateParts, b: DateParts): number =>
  toEpochDay(a) - toEpochDay(b);

/** ISO weekday: Monday 1 ... Sunday 7. */
export const isoWeekday = (d: DateParts): number => {
  const js = new Date(toEpochDay(d) * DAY_MS).getUTCDay();
  return js === 0 ? 7 : js;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const toIsoDate = (d: DateParts): LocalDate =>
  `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
