/** A calendar day in the branch's wall calendar (month 1-12), free of any timezone. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY_MS = 86_400_000;

// Day arithmetic runs on UTC midnights, so no zone or DST can shift a day.
const toEpochDay = (d: LocalDate): number => Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;

const fromEpochDay = (epochDay: number): LocalDate => {
  const u = new Date(epochDay * DAY_MS);
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
};

export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

export const isValidLocalDate = (year: number, month: number, day: number): boolean =>
  Number.isInteger(year) &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysInMonth(year, month);

export const addDays = (d: LocalDate, days: number): LocalDate =>
  fromEpochDay(toEpochDay(d) + days);

/** Adds calendar months; the 31st lands on the last day of a shorter month. */
export const addMonths = (d: LocalDate, months: number): LocalDate => {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
};

export const compareLocalDates = (a: LocalDate, b: LocalDate): number =>
  toEpochDay(a) - toEpochDay(b);

/** ISO weekday: Monday 1 ... Sunday 7. */
export const isoWeekday = (d: LocalDate): number => {
  const js = new Date(toEpochDay(d) * DAY_MS).getUTCDay();
  return js === 0 ? 7 : js;
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const toIsoDate = (d: LocalDate): string =>
  `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
