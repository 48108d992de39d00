import { DateParts } from './date-parts';
import { LocalTime } from './local-time';
import { wallClockAt } from './zoned-clock';

export interface DateFormatOptions {
  /** Adds the year: "Freitag, 5. Dezember 2027"; for dates outside the current year. */
  readonly withYear?: boolean;
}

const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

/**
 * An instant as the agent speaks the day back: "Freitag, 5. Dezember". Read off the branch's
 * wall clock and named from the tables above: every answer speaks a few dates, and a general
 * date formatter was a noticeable part of answering.
 */
export const formatGermanDate = (
  instant: Date,
  zone: string,
  { withYear = false }: DateFormatOptions = {},
): string => {
  return formatGermanLocalDate(wallClockAt(instant, zone).date, { withYear });
};

/** A day of the branch's calendar as spoken: "Freitag, 5. Dezember". */
export const formatGermanLocalDate = (
  { year, month, day }: DateParts,
  { withYear = false }: DateFormatOptions = {},
): string => {
  const spoken = `${germanWeekday({ year, month, day })}, ${day}. ${MONTHS[month - 1]}`;
  return withYear ? `${spoken} ${year}` : spoken;
};

/** "Freitag". */
export const germanWeekday = ({ year, month, day }: DateParts): string =>
  WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];

/** A wall time as spoken: "10 Uhr", "14:30 Uhr". */
export const formatGermanLocalTime = (t: LocalTime): string =>
  t.minute === 0 ? `${t.hour} Uhr` : `${t.hour}:${String(t.minute).padStart(2, '0')} Uhr`;

/** An instant's time on the branch's clock as spoken: "10 Uhr", "14:30 Uhr". */
export const formatGermanTime = (instant: Date, zone: string): string =>
  formatGermanLocalTime(wallClockAt(instant, zone).time);
