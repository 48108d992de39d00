import { fromZonedTime } from 'date-fns-tz';
import { BoundedMemo } from '../shared/bounded-memo';
import { err, ok, Result } from '../shared/result';
import { TimeSkippedByClockChange } from './language.errors';
import { DateParts, toIsoDate } from './date-parts';
import { LocalTime, toClockString } from './local-time';

export interface WallClock {
  readonly date: DateParts;
  readonly time: LocalTime;
}

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
};

const EN_US = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+)$/;

// Answers read the same few hundred starts again and again, and a minute shows one wall clock.
const clocksOfMinutes = new BoundedMemo<WallClock>(20_000);

/** The branch's wall clock at an instant (an unknown zone throws: that is configuration). */
export const wallClockAt = (instant: Date, zone: string): WallClock =>
  clocksOfMinutes.get(`${zone}|${Math.floor(instant.getTime() / 60_000)}`, () =>
    readWallClock(instant, zone),
  );

const readWallClock = (instant: Date, zone: string): WallClock => {
  const m = EN_US.exec(formatterFor(zone).format(instant));
  if (!m) throw new RangeError(`Cannot read wall clock for ${instant.toISOString()} in ${zone}`);
  return {
    date: { year: Number(m[3]), month: Number(m[1]), day: Number(m[2]) },
    time: { hour: Number(m[4]) % 24, minute: Number(m[5]) },
  };
};

// Every phrase of one request asks for the same "today"; remember the last answer.
let lastToday: { zone: string; nowMs: number; date: DateParts } | undefined;

export const todayIn = (now: Date, zone: string): DateParts => {
  const nowMs = now.getTime();
  if (lastToday?.zone === zone && lastToday.nowMs === nowMs) return lastToday.date;
  const date = wallClockAt(now, zone).date;
  lastToday = { zone, nowMs, date };
  return date;
};

const wallMs = (c: WallClock): number =>
  Date.UTC(c.date.year, c.date.month - 1, c.date.day, c.time.hour, c.time.minute);

const HOUR_MS = 3_600_000;

// The offset last seen per zone: most wall times share it, and trying it first spares
// date-fns-tz's slower lookup. A guess counts only when it renders back to the same wall time.
const lastOffset = new Map<string, number>();

/** An instant showing this wall time, or undefined when the wall time does not exist. */
const someReadingOf = (date: DateParts, time: LocalTime, zone: string): Date | undefined => {
  const wall = wallMs({ date, time });
  const known = lastOffset.get(zone);
  if (known !== undefined) {
    const guess = new Date(wall - known);
    if (wallMs(wallClockAt(guess, zone)) === wall) return guess;
  }
  const instant = fromZonedTime(`${toIsoDate(date)}T${toClockString(time)}:00`, zone);
  if (wallMs(wallClockAt(instant, zone)) !== wall) return undefined;
  lastOffset.set(zone, wall - instant.getTime());
  return instant;
};

/**
 * Wall time in the branch → instant. A time the spring change skips is refused (never shifted:
 * the caller named a time that does not exist). A time the autumn change repeats resolves to
 * the earlier instant, the first time the clock shows it (summer time in Europe/Berlin).
 */
export const instantFromWallClock = (
  date: DateParts,
  time: LocalTime,
  zone: string,
): Result<Date, TimeSkippedByClockChange> => {
  const instant = someReadingOf(date, time, zone);
  if (!instant) return err(new TimeSkippedByClockChange());
  // A repeated wall time has a second, earlier reading under the offset in force before.
  const wall = wallMs({ date, time });
  const dayBefore = new Date(instant.getTime() - 24 * HOUR_MS);
  const offsetBefore = wallMs(wallClockAt(dayBefore, zone)) - dayBefore.getTime();
  if (offsetBefore > wall - instant.getTime()) {
    const earlier = new Date(wall - offsetBefore);
    if (wallMs(wallClockAt(earlier, zone)) === wall) return ok(earlier);
  }
  return ok(instant);
};
