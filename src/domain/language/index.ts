/**
 * German dates and times as the voice agent sends them → the branch's wall clock → an instant.
 *
 * Decisions (tables in the *.spec.ts files hold each one):
 * - A bare weekday, "nächsten/kommenden Freitag": next occurrence strictly after today
 *   ("Freitag" on a Friday is next week); "heute" and "diesen Freitag" include today.
 *   "Freitag nächste Woche" is the Friday of next calendar week (Monday-Sunday).
 * - Counted offsets start from the day named, or today: "in zwei Wochen" is today + 14, "morgen
 *   in zwei Wochen" tomorrow + 14, "zwei Tage nach Freitag" Friday + 2. A weekday with an offset
 *   counts from its next occurrence, today included: "Montag in einer Woche" said on a Thursday
 *   is the Monday after the coming one, "Donnerstag in einer Woche" a week from that Thursday.
 *   "acht Tage" after a named day is a week; "in acht Tagen" alone asks (7 or 8 days?).
 *   "Freitag in drei Tagen" whose Friday is not three days ahead asks between both days.
 * - A phrase naming several days ("nächste Woche", "Anfang nächster Woche" Mon-Tue, "Mitte"
 *   Tue-Thu, "Ende der Woche" Fri-Sat, "am Wochenende", "irgendwann im Januar", "Anfang
 *   Januar" 1-10) is never guessed: DateAmbiguous names the days from today on (with opening
 *   hours, the open ones). "der Woche" whose days have all passed is next week's. "morgen oder
 *   übermorgen" asks between the days either side names.
 * - A date in the past (old year, "5. Januar" in December) moves to the next year in which
 *   that day and month lie today or later; impossible dates (Feb 30) are refused.
 * - A 1-12 hour is settled by a day-part word first, then by opening windows (one reading
 *   inside wins, both inside asks back); else the salon day: 1-6 → 13-18, 7-11 → morning,
 *   12 → noon. A leading zero or an hour 0/13-23 is 24-hour and final.
 * - Spring gap (02:30 on 2026-03-29 Berlin): TimeSkippedByClockChange, never shifted.
 *   Autumn repeat (02:30 on 2026-10-25): the earlier instant (summer time).
 * - Whether a resolved time today has already passed is for availability (minimum notice).
 */
export { resolveGermanDate } from './german-date.resolver';
export type { DateContext } from './german-date.resolver';
export { resolveGermanTime } from './german-time.resolver';
export type { TimeContext } from './german-time.resolver';
export { resolveGermanDateTime } from './german-date-time.resolver';
export type { DateTimeContext, DateTimeError, ResolvedDateTime } from './german-date-time.resolver';
export {
  formatGermanLocalDate,
  formatGermanLocalTime,
  germanWeekday,
} from './german-date.formatter';
export { formatGermanDate, formatGermanTime } from './german-instant.formatter';
export { instantFromWallClock, todayIn, wallClockAt } from './zoned-clock';
export {
  DateAmbiguous,
  DateNotUnderstood,
  TimeAmbiguous,
  TimeNotUnderstood,
  TimeSkippedByClockChange,
} from './language.errors';
export { toIsoDate } from './date-parts';
export type { DateParts } from './date-parts';
export { toClockString } from './local-time';
export type { LocalTime, OpeningWindow } from './local-time';
export type { TimeError } from './clock-reading.settler';
export { parseGermanDayWindow, splitDayWindow } from './german-day-window.parser';
export type { DayWindow, DayWindowKind } from './german-day-window.parser';
export { readOpenWhen } from './german-open-when.reader';
export type { OpenWhen } from './german-open-when.reader';
