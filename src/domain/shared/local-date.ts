import { formatInTimeZone, fromZonedTime, getTimezoneOffset } from 'date-fns-tz';
import { BoundedMemo } from './bounded-memo';

/**
 * A calendar day in the branch's wall time, 'yyyy-MM-dd': the one form the domain keeps a day in
 * (opening hours, closed days, availability, stored rows). German dates are read and said as
 * their numbers (language/date-parts), which `toIsoDate` turns into a LocalDate.
 */
export type LocalDate = string;

/** ISO weekday: 1 = Monday .. 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

// Local midnight falls on a quarter hour of UTC in every zone in use (offsets are multiples of
// 15 minutes), so all instants of one UTC quarter hour share their local date.
const QUARTER_HOUR_MS = 15 * 60_000;
const datesOfQuarters = new BoundedMemo<LocalDate>(20_000);

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return datesOfQuarters.get(`${timeZone}|${Math.floor(instant.getTime() / QUARTER_HOUR_MS)}`, () =>
    formatInTimeZone(instant, timeZone, 'yyyy-MM-dd'),
  );
}

// Calendar arithmetic on the date label itself, so DST never shifts a day.
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isoWeekdayOf(date: LocalDate): IsoWeekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

const HOUR_MS = 3_600_000;

/**
 * The instant a wall clock in `timeZone` shows `minutes` after midnight of `date` (1440 = next
 * midnight). A wall time skipped at spring-forward (02:30) counts as the moment after the jump
 * (03:30), as most calendars do.
 */
export function wallTimeToInstant(date: LocalDate, minutes: number, timeZone: string): Date {
  // Availability asks for the same few hundred wall times on every call: remember them.
  const ms = instantsOfWallTimes.get(`${timeZone}|${date}|${minutes}`, () =>
    convertWallTime(date, minutes, timeZone).getTime(),
  );
  return new Date(ms);
}

const instantsOfWallTimes = new BoundedMemo<number>(50_000);

function convertWallTime(date: LocalDate, minutes: number, timeZone: string): Date {
  const day = minutes >= 1440 ? addLocalDays(date, 1) : date;
  const m = minutes % 1440;
  const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const instant = fromZonedTime(`${day}T${hhmm}:00`, timeZone);
  if (formatInTimeZone(instant, timeZone, 'HH:mm') === hhmm) return instant;
  const jump =
    getTimezoneOffset(timeZone, new Date(instant.getTime() + 3 * HOUR_MS)) -
    getTimezoneOffset(timeZone, new Date(instant.getTime() - 3 * HOUR_MS));
  return new Date(instant.getTime() + jump);
}

// Building an Intl formatter is costly and branches are restored on every call: remember answers.
const knownZones = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
  const known = knownZones.get(timeZone);
  if (known !== undefined) return known;
  let valid = timeZone.includes('/') || timeZone === 'UTC';
  if (valid) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      valid = false;
    }
  }
  if (knownZones.size < 1000) knownZones.set(timeZone, valid);
  return valid;
}
