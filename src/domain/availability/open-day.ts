import { addLocalDays, LocalDate, wallTimeToInstant } from '../shared/local-date';
import { Staff } from '../salon/staff';
import type { AvailabilityEngine } from './availability-engine';
import { FreeStart } from './free-start';

/** Starts wanted on a day, as minutes of the branch's wall clock: from (in) .. to (out). */
export interface MinuteWindow {
  readonly fromMinute: number;
  readonly toMinute: number;
}

/** Why a day (or its part asked) has no free start. */
export type NoRoomReason =
  /** The salon is closed that day. */
  | 'closed'
  /** The stylist asked for is away or does not work that day. */
  | 'stylist-absent'
  /** The part of the day asked lies outside the opening hours. */
  | 'outside-hours'
  /** Today, and what is left of it is inside the minimum notice. */
  | 'too-late'
  /** The part asked is open, but too briefly before closing for the service. */
  | 'too-long'
  /** The part asked is open, but too briefly before the salon's break (it reopens later). */
  | 'too-long-before-break'
  /** Past, or beyond the booking horizon. */
  | 'out-of-range'
  | 'fully-booked';

/**
 * The free starts of a day within the window (whole day without one), by start, then in the
 * order of `staffIds`. Uses the engine's own day search, so notice, horizon, closed days,
 * absences and every busy time count as everywhere else.
 */
export function freeStartsWithin(
  engine: AvailabilityEngine,
  date: LocalDate,
  window: MinuteWindow | undefined,
  staffIds?: readonly string[],
): FreeStart[] {
  const all = engine.freeStartsOfDay(date, staffIds);
  const ordered = staffIds
    ? [...all].sort(
        (a, b) =>
          a.start.getTime() - b.start.getTime() ||
          staffIds.indexOf(a.staffId) - staffIds.indexOf(b.staffId),
      )
    : all;
  if (!window) return ordered;
  const zone = engine.branch.timeZone;
  const from = wallTimeToInstant(date, window.fromMinute, zone).getTime();
  const to = wallTimeToInstant(date, window.toMinute, zone).getTime();
  return ordered.filter((s) => s.start.getTime() >= from && s.start.getTime() < to);
}

/** Why `freeStartsWithin` found nothing that day: the first reason that holds. */
export function whyNoRoom(
  engine: AvailabilityEngine,
  date: LocalDate,
  window: MinuteWindow | undefined,
  stylist?: Staff,
): NoRoomReason {
  const branch = engine.branch;
  if (date < engine.today || date > engine.horizonEnd) return 'out-of-range';
  const opening = branch.openingWindowsOn(date);
  if (branch.isClosedOn(date) || opening.length === 0) return 'closed';
  if (stylist) {
    const working = stylist.workingWindowsOn(date, branch);
    const away = working.every((w) =>
      stylist.absences.some((a) => a.startMs <= w.startMs && w.endMs <= a.endMs),
    );
    if (away) return 'stylist-absent';
  }
  const zone = branch.timeZone;
  const [from, to] = window
    ? [window.fromMinute, window.toMinute].map((m) => wallTimeToInstant(date, m, zone).getTime())
    : [-Infinity, Infinity];
  const meets = opening.filter((w) => w.startMs < to && from < w.endMs);
  if (meets.length === 0) return 'outside-hours';
  // The last start the part asked still allows: before its end, and done by closing.
  const spanMs = engine.service.spanMinutes * 60_000;
  const lastStart = Math.min(to - 1, meets[meets.length - 1].endMs - spanMs);
  if (date === engine.today && lastStart < engine.earliestMs) return 'too-late';
  // "Samstag nachmittags" for a perm when Saturday closes at 14:00: nothing is booked.
  const fits = meets.some((w) => Math.max(w.startMs, from) <= Math.min(to - 1, w.endMs - spanMs));
  if (fits) return 'fully-booked';
  const reopens = opening.some((w) => w.startMs >= meets[meets.length - 1].endMs);
  return reopens ? 'too-long-before-break' : 'too-long';
}

/**
 * The day nearest to `date` (the later first at equal distance) with a free start in the
 * window, among the days the engine judges; undefined when none has one.
 */
export function nearestDayWithRoom(
  engine: AvailabilityEngine,
  date: LocalDate,
  window: MinuteWindow | undefined,
  staffIds?: readonly string[],
): LocalDate | undefined {
  const [first, last] = [engine.firstDate, engine.lastDate];
  const room = (d: LocalDate) => freeStartsWithin(engine, d, window, staffIds).length > 0;
  for (let k = 1; ; k++) {
    const [later, earlier] = [addLocalDays(date, k), addLocalDays(date, -k)];
    const laterIn = later >= first && later <= last;
    const earlierIn = earlier >= first && earlier <= last;
    if (!laterIn && !earlierIn && later > last && earlier < first) return undefined;
    if (laterIn && room(later)) return later;
    if (earlierIn && room(earlier)) return earlier;
  }
}

/**
 * The first day after `date` with a free start in the window, among the days the engine
 * judges: what a week with no room offers first ("nächste Woche" full: the week after).
 */
export function nextDayWithRoom(
  engine: AvailabilityEngine,
  date: LocalDate,
  window: MinuteWindow | undefined,
  staffIds?: readonly string[],
): LocalDate | undefined {
  const from = addLocalDays(date, 1) > engine.firstDate ? addLocalDays(date, 1) : engine.firstDate;
  for (let d = from; d <= engine.lastDate; d = addLocalDays(d, 1)) {
    if (freeStartsWithin(engine, d, window, staffIds).length > 0) return d;
  }
  return undefined;
}

/** The last day before `date` with a free start in the window, among the days judged. */
export function previousDayWithRoom(
  engine: AvailabilityEngine,
  date: LocalDate,
  window: MinuteWindow | undefined,
  staffIds?: readonly string[],
): LocalDate | undefined {
  const from = addLocalDays(date, -1) < engine.lastDate ? addLocalDays(date, -1) : engine.lastDate;
  for (let d = from; d >= engine.firstDate; d = addLocalDays(d, -1)) {
    if (freeStartsWithin(engine, d, window, staffIds).length > 0) return d;
  }
  return undefined;
}

/** Of the dates, in their order, those whose window holds a free start, with those starts. */
export function daysWithRoom(
  engine: AvailabilityEngine,
  dates: readonly LocalDate[],
  window: MinuteWindow | undefined,
  staffIds?: readonly string[],
): Array<{ date: LocalDate; starts: FreeStart[] }> {
  return dates
    .map((date) => ({ date, starts: freeStartsWithin(engine, date, window, staffIds) }))
    .filter((d) => d.starts.length > 0);
}
