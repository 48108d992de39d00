import { err, ok, Result } from '../shared/result';
import { settleClockReading } from './clock-reading.settler';
import { ClockReading, parseGermanClockTokens } from './german-clock.parser';
import { DateContext, isoDateFromToday, readDateText } from './german-date.resolver';
import { weekdayValue } from './german-calendar.words';
import { readGermanDate } from './german-date-phrase.reader';
import { numberValue } from './german-number.words';
import { germanTokens } from './german-text.normaliser';
import { parseIsoDateTime } from './iso-date-time.parser';
import {
  DateAmbiguous,
  DateNotUnderstood,
  TimeAmbiguous,
  TimeNotUnderstood,
  TimeSkippedByClockChange,
} from './language.errors';
import { compareDateParts, DateParts } from './date-parts';
import { LocalTime, OpeningWindow } from './local-time';
import { instantFromWallClock, todayIn } from './zoned-clock';

export interface DateTimeContext extends DateContext {
  /** The branch's opening windows on a day; they settle "um drei" as 15:00. */
  readonly openingHoursFor?: (date: DateParts) => readonly OpeningWindow[];
}

export interface ResolvedDateTime {
  readonly date: DateParts;
  readonly time: LocalTime;
  /** The start as an instant (UTC), DST-correct in the branch's zone. */
  readonly instant: Date;
}

export type DateTimeError =
  DateNotUnderstood | DateAmbiguous | TimeNotUnderstood | TimeAmbiguous | TimeSkippedByClockChange;

type Said =
  | { readonly date: DateParts; readonly clock: ClockReading }
  | DateNotUnderstood
  | DateAmbiguous
  | TimeNotUnderstood;

// A phrase with more words than this names no single appointment; it also bounds the splits.
const MAX_TOKENS = 12;

// Words that only a time holds; "vor" and "nach" alone ("nach Silvester") name days too.
const CLOCK_WORDS = new Set([
  'um',
  'uhr',
  'halb',
  'viertel',
  'dreiviertel',
  'punkt',
  'frueh',
  'morgens',
  'vormittag',
  'vormittags',
  'mittag',
  'mittags',
  'nachmittag',
  'nachmittags',
  'abend',
  'abends',
  'nacht',
  'nachts',
]);

/** Whether words beside a date try to say a time, so asking for the time is the right question. */
const triesAClock = (words: readonly string[]): boolean =>
  words.some((w) => /\d/.test(w) || CLOCK_WORDS.has(w) || numberValue(w) !== undefined);

const sameSaid = (a: { date: DateParts; clock: ClockReading }, b: typeof a): boolean =>
  compareDateParts(a.date, b.date) === 0 &&
  a.clock.hour === b.clock.hour &&
  a.clock.minute === b.clock.minute &&
  a.clock.twelveHour === b.clock.twelveHour &&
  a.clock.dayPart === b.clock.dayPart;

/**
 * One phrase naming day and time, in either order: "morgen um halb drei", "um drei am Freitag",
 * "Freitag nachmittags um drei". Every cut into a date part and a time part is tried; the
 * readings must agree, else the caller is asked.
 */
const splitPhrase = (said: readonly string[], today: DateParts): Said => {
  if (said.length === 0 || said.length > MAX_TOKENS) return new DateNotUnderstood();
  // "Freitag morgen um halb sieben": after a weekday, "morgen" is the morning.
  const tokens = said.map((t, i) =>
    t === 'morgen' && i > 0 && weekdayValue(said[i - 1]) !== undefined ? 'morgens' : t,
  );
  let found: { date: DateParts; clock: ClockReading } | undefined;
  // The days a vague date part could mean, asked only when no cut names one day.
  let vague: readonly DateParts[] | undefined;
  let dateSeen = false;
  let clockTried = false;
  for (let cut = 1; cut < tokens.length; cut++) {
    const [head, tail] = [tokens.slice(0, cut), tokens.slice(cut)];
    for (const [datePart, timePart] of [
      [head, tail],
      [tail, head],
    ]) {
      const date = readGermanDate(datePart, today, false);
      if (!date) continue;
      dateSeen = true;
      clockTried ||= triesAClock(timePart);
      const clock = parseGermanClockTokens(timePart);
      if (!clock) continue;
      if (date.kind === 'days') {
        vague ??= date.days;
        continue;
      }
      const said = { date: date.date, clock };
      if (found && !sameSaid(found, said)) return new DateNotUnderstood();
      found = said;
    }
  }
  if (found) return found;
  if (vague) return new DateAmbiguous(vague);
  const whole = readGermanDate(tokens, today);
  if (whole?.kind === 'days') return new DateAmbiguous(whole.days);
  // A day with words beside it that are no time ("vor Weihnachten"): the day is unclear.
  return (dateSeen && clockTried) || whole ? new TimeNotUnderstood() : new DateNotUnderstood();
};

const fromIso = (text: string, today: DateParts, zone: string): Said | undefined => {
  const iso = parseIsoDateTime(text, zone);
  if (!iso) return undefined;
  const date = isoDateFromToday(iso.date, today);
  if (!date) return new DateNotUnderstood();
  return iso.time ? { date, clock: { ...iso.time, twelveHour: false } } : new TimeNotUnderstood();
};

/** Both parts in one text: an ISO date-time or a spoken phrase. */
const readPhrase = (text: string, today: DateParts, zone: string): Said =>
  fromIso(text, today, zone) ?? splitPhrase(germanTokens(text), today);

/** Date and time each in its own text. */
const readApart = (dateText: string, timeText: string, today: DateParts, zone: string): Said => {
  const reading = readDateText(dateText, today, zone);
  if (!reading) return new DateNotUnderstood();
  if (reading.kind === 'days') return new DateAmbiguous(reading.days);
  const date = reading.date;
  const isoTime = parseIsoDateTime(timeText, zone)?.time;
  const clock = isoTime
    ? { ...isoTime, twelveHour: false }
    : parseGermanClockTokens(germanTokens(timeText), true);
  return clock ? { date, clock } : new TimeNotUnderstood();
};

/** Of the days a phrase could mean, those the branch is open on (all, when it is open on none). */
const openDaysOf = (
  question: DateAmbiguous,
  openingHoursFor: DateTimeContext['openingHoursFor'],
): DateAmbiguous => {
  if (!openingHoursFor) return question;
  const open = question.days.filter((d) => openingHoursFor(d).length > 0);
  return open.length > 0 && open.length < question.days.length ? new DateAmbiguous(open) : question;
};

/**
 * Date and time as the agent sent them → the appointment start in the branch's zone.
 * dateText and timeText may each carry their part, or one of them the whole phrase
 * ("morgen um halb drei") with the other blank. Opening hours of the resolved day settle
 * 12-hour readings; the instant is DST-correct (see instantFromWallClock). A date naming
 * several days ("Anfang nächster Woche") asks which (DateAmbiguous), naming the open ones.
 */
export const resolveGermanDateTime = (
  dateText: string,
  timeText: string,
  { now, zone, openingHoursFor }: DateTimeContext,
): Result<ResolvedDateTime, DateTimeError> => {
  const today = todayIn(now, zone);
  const [dateBlank, timeBlank] = [dateText.trim() === '', timeText.trim() === ''];
  const said =
    dateBlank || timeBlank
      ? readPhrase(timeBlank ? dateText : timeText, today, zone)
      : readApart(dateText, timeText, today, zone);
  if (said instanceof DateAmbiguous) return err(openDaysOf(said, openingHoursFor));
  if (!('date' in said)) return err(said);
  const time = settleClockReading(said.clock, openingHoursFor?.(said.date));
  if (!time.ok) return time;
  const instant = instantFromWallClock(said.date, time.value, zone);
  if (!instant.ok) return instant;
  return ok({ date: said.date, time: time.value, instant: instant.value });
};
