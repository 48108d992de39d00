import { err, ok, Result } from '../shared/result';
import { explicitDate } from './future-date.rules';
import { parseGermanDateTokens } from './german-date.parser';
import { germanTokens } from './german-text.normalizer';
import { parseIsoDateTime } from './iso-date-time.parser';
import { DateNotUnderstood } from './language.errors';
import { LocalDate } from './local-date';
import { todayIn } from './zoned-clock';

export interface DateContext {
  /** The instant the call happens (from the Clock port). */
  readonly now: Date;
  /** The branch's IANA timezone, e.g. 'Europe/Berlin'. */
  readonly zone: string;
}

/** An ISO date as sent, moved to its next future occurrence when it lies in the past. */
export const isoDateFromToday = (date: LocalDate, today: LocalDate): LocalDate | undefined =>
  explicitDate(date.day, date.month, date.year, today);

/**
 * What the agent sent as a day → a day in the branch's calendar, today or later.
 * "heute", "morgen", "Freitag", "nächsten Freitag", "Freitag nächste Woche", "in zwei Wochen",
 * "5. Dezember", "am fünften Dezember", "06.11.2025", "2026-12-05", "2026-12-05T10:00:00".
 */
export const resolveGermanDate = (
  text: string,
  { now, zone }: DateContext,
): Result<LocalDate, DateNotUnderstood> => {
  const today = todayIn(now, zone);
  const iso = parseIsoDateTime(text, zone);
  const date = iso
    ? isoDateFromToday(iso.date, today)
    : parseGermanDateTokens(germanTokens(text), today);
  return date ? ok(date) : err(new DateNotUnderstood());
};
