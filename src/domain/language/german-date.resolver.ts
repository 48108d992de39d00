import { err, ok, Result } from '../shared/result';
import { explicitDate } from './future-date.rules';
import { readGermanDate } from './german-date-phrase.reader';
import { DateReading, oneDay } from './german-date.reading';
import { germanTokens } from './german-text.normaliser';
import { parseIsoDateTime } from './iso-date-time.parser';
import { DateAmbiguous, DateNotUnderstood } from './language.errors';
import { DateParts } from './date-parts';
import { todayIn } from './zoned-clock';

export interface DateContext {
  /** The instant the call happens (from the Clock port). */
  readonly now: Date;
  /** The branch's IANA timezone, e.g. 'Europe/Berlin'. */
  readonly zone: string;
}

/** An ISO date as sent, moved to its next future occurrence when it lies in the past. */
export const isoDateFromToday = (date: DateParts, today: DateParts): DateParts | undefined =>
  explicitDate(date.day, date.month, date.year, today);

/** A date text alone, ISO or spoken, as one day or the days it could mean. */
export const readDateText = (text: string, today: DateParts, zone: string) => {
  const iso = parseIsoDateTime(text, zone);
  if (!iso) return readGermanDate(germanTokens(text), today);
  const date = isoDateFromToday(iso.date, today);
  return date && oneDay(date);
};

/** A reading as a result: one day, or the question which of several days. */
export const dayOrQuestion = (
  reading: DateReading | undefined,
): Result<DateParts, DateNotUnderstood | DateAmbiguous> => {
  if (!reading) return err(new DateNotUnderstood());
  return reading.kind === 'day' ? ok(reading.date) : err(new DateAmbiguous(reading.days));
};

/**
 * What the agent sent as a day → a day in the branch's calendar, today or later.
 * "heute", "morgen", "Freitag", "nächsten Freitag", "Freitag nächste Woche", "in zwei Wochen",
 * "Montag in einer Woche", "heute in acht Tagen", "5. Dezember", "am fünften Dezember",
 * "06.11.2025", "2026-12-05", "2026-12-05T10:00:00". A phrase naming several days ("nächste
 * Woche", "Anfang Januar") answers DateAmbiguous with those days.
 */
export const resolveGermanDate = (
  text: string,
  { now, zone }: DateContext,
): Result<DateParts, DateNotUnderstood | DateAmbiguous> =>
  dayOrQuestion(readDateText(text, todayIn(now, zone), zone));
