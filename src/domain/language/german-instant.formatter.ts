import {
  DateFormatOptions,
  formatGermanLocalDate,
  formatGermanLocalTime,
} from './german-date.formatter';
import { wallClockAt } from './zoned-clock';

// Instants as spoken: read off the branch's wall clock, then named by german-date.formatter.
// Apart from it, because the wall clock's errors are worded by that formatter.

/**
 * An instant as the agent speaks the day back: "Freitag, 5. Dezember". Read off the branch's
 * wall clock and named from the formatter's tables: every answer speaks a few dates, and a
 * general date formatter was a noticeable part of answering.
 */
export const formatGermanDate = (
  instant: Date,
  zone: string,
  { withYear = false }: DateFormatOptions = {},
): string => {
  return formatGermanLocalDate(wallClockAt(instant, zone).date, { withYear });
};

/** An instant's time on the branch's clock as spoken: "10 Uhr", "14:30 Uhr". */
export const formatGermanTime = (instant: Date, zone: string): string =>
  formatGermanLocalTime(wallClockAt(instant, zone).time);
