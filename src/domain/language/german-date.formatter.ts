import { DateParts } from './date-parts';
import { LocalTime } from './local-time';

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
