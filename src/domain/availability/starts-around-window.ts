import { wallTimeToInstant, LocalDate } from '../shared/local-date';
import type { AvailabilityEngine } from './availability-engine';
import { FreeStart } from './free-start';
import { freeStartsWithin, MinuteWindow } from './open-day';

/** A day's free starts just outside the part asked, each side nearest first. */
export interface StartsAround {
  /** Before the part asked, the latest first ("mittags": 11:15 before 10:00). */
  readonly before: readonly FreeStart[];
  /** From the end of the part asked on, the earliest first. */
  readonly after: readonly FreeStart[];
}

/**
 * The part of a day asked has no room ("Dienstag mittags"): the starts the same day offers
 * instead, as a receptionist would look just before and just after it. Same rules as every
 * other start (notice, horizon, absences, breaks), as the engine's own day search gives them.
 */
export function startsAroundWindow(
  engine: AvailabilityEngine,
  date: LocalDate,
  window: MinuteWindow,
  staffIds?: readonly string[],
): StartsAround {
  const zone = engine.branch.timeZone;
  const from = wallTimeToInstant(date, window.fromMinute, zone).getTime();
  const to = wallTimeToInstant(date, window.toMinute, zone).getTime();
  const day = freeStartsWithin(engine, date, undefined, staffIds);
  return {
    before: day.filter((s) => s.start.getTime() < from).reverse(),
    after: day.filter((s) => s.start.getTime() >= to),
  };
}
