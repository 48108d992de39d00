import { formatInTimeZone } from 'date-fns-tz';
import { de } from 'date-fns/locale/de';
import { LocalTime } from './local-time';
import { wallClockAt } from './zoned-clock';

export interface DateFormatOptions {
  /** Adds the year: "Freitag, 5. Dezember 2027"; for dates outside the current year. */
  readonly withYear?: boolean;
}

/** An instant as the agent speaks the day back: "Freitag, 5. Dezember". */
export const formatGermanDate = (
  instant: Date,
  zone: string,
  { withYear = false }: DateFormatOptions = {},
): string =>
  formatInTimeZone(instant, zone, withYear ? 'EEEE, d. MMMM yyyy' : 'EEEE, d. MMMM', {
    locale: de,
  });

/** A wall time as spoken: "10 Uhr", "14:30 Uhr". */
export const formatGermanLocalTime = (t: LocalTime): string =>
  t.minute === 0 ? `${t.hour} Uhr` : `${t.hour}:${String(t.minute).padStart(2, '0')} Uhr`;

/** An instant's time on the branch's clock as spoken: "10 Uhr", "14:30 Uhr". */
export const formatGermanTime = (instant: Date, zone: string): string =>
  formatGermanLocalTime(wallClockAt(instant, zone).time);
