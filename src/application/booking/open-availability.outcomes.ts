import { Hold } from '../../domain/appointment/hold';
import { FreeStart } from '../../domain/availability/free-start';
import { NoRoomReason } from '../../domain/availability/open-day';
import { DayWindow } from '../../domain/language';
import { Service } from '../../domain/salon/service';
import { Staff } from '../../domain/salon/staff';
import { LocalDate } from '../../domain/shared/local-date';
import { CalendarVerdict } from './calendar-check';

/** What an open question asked about, and what every answer to it carries. */
interface OpenAnswer {
  readonly service: Service;
  /** The stylist asked for (then only their starts count); undefined: anyone. */
  readonly stylist: Staff | undefined;
  /** The part of the day asked; undefined: the whole day. */
  readonly window: DayWindow | undefined;
  /**
   * A start offered, held for this call: the first one another call has not taken meanwhile
   * (null: no call id, nothing offered, or every start was taken before it could be held).
   */
  readonly hold: Hold | null;
  /**
   * Other calls took every start offered, round after round, before this call could hold one:
   * the starts free now are offered, none of them held.
   */
  readonly unreserved?: true;
  /** Cal.com's verdicts behind the starts offered. */
  readonly verdicts: readonly CalendarVerdict[];
}

/** A day with room: a few starts spread over the part asked, by start. */
export interface OpenDayFree extends OpenAnswer {
  readonly kind: 'open-day';
  readonly date: LocalDate;
  readonly starts: readonly FreeStart[];
}

/** No day asked: the first day with room within the horizon, and a few starts on it. */
export interface EarliestFree extends OpenAnswer {
  readonly kind: 'earliest';
  readonly date: LocalDate;
  readonly starts: readonly FreeStart[];
}

/** Several days asked ("diese Woche"): those with room, each with its first start. */
export interface OpenDaysFree extends OpenAnswer {
  readonly kind: 'open-week';
  readonly days: ReadonlyArray<{ readonly date: LocalDate; readonly first: FreeStart }>;
}

/** The nearest day with room instead, and a few starts on it. */
export interface NearestDay {
  readonly date: LocalDate;
  readonly starts: readonly FreeStart[];
  /**
   * The day lies before the days asked, as no day after them has room within the horizon
   * (only set for several days asked, whose later days come first).
   */
  readonly earlier?: true;
  /**
   * The day asked itself: the part asked had no room, so the nearest starts just before and
   * after it that day ("mittags" full: 11:15 or 14:00).
   */
  readonly aroundPart?: true;
}

/** The day asked has no room: why, and the nearest day that has (if any within the horizon). */
export interface NoneThatDay extends OpenAnswer {
  readonly kind: 'none-that-day';
  readonly date: LocalDate;
  readonly reason: NoRoomReason;
  readonly nearest: NearestDay | undefined;
}

/** None of the days asked has room. */
export interface NoneThoseDays extends OpenAnswer {
  readonly kind: 'none-those-days';
  readonly dates: readonly LocalDate[];
  readonly reason: NoRoomReason;
  readonly nearest: NearestDay | undefined;
}

/** Nothing free within the whole booking horizon. */
export interface NoneInHorizon extends OpenAnswer {
  readonly kind: 'none-in-horizon';
}

export type OpenAvailabilityOutcome =
  OpenDayFree | EarliestFree | OpenDaysFree | NoneThatDay | NoneThoseDays | NoneInHorizon;

/** An answer before its first start is held. */
export type OpenFound = OpenAvailabilityOutcome extends infer O
  ? O extends OpenAvailabilityOutcome
    ? Omit<O, 'hold'>
    : never
  : never;

/** The starts an answer offers, in the order it says them: the first free one is held. */
export function startsOffered(found: OpenFound): readonly FreeStart[] {
  switch (found.kind) {
    case 'open-day':
    case 'earliest':
      return found.starts;
    case 'open-week':
      return found.days.map((d) => d.first);
    case 'none-that-day':
    case 'none-those-days':
      return found.nearest?.starts ?? [];
    case 'none-in-horizon':
      return [];
  }
}

/** One reason for several days: theirs when they agree, else the stylist's, else "full". */
export function commonReason(reasons: readonly NoRoomReason[]): NoRoomReason {
  const asked = reasons.filter((r) => r !== 'out-of-range');
  if (asked.length === 0) return 'out-of-range';
  if (asked.every((r) => r === asked[0])) return asked[0];
  if (asked.every((r) => r === 'closed' || r === 'stylist-absent')) return 'stylist-absent';
  return 'fully-booked';
}

/**
 * The answer without the starts other calls took before this one could hold them: a week's day
 * whose first start was taken is left out (its later starts were not read).
 */
export function withoutStarts(found: OpenFound, taken: readonly FreeStart[]): OpenFound {
  if (taken.length === 0) return found;
  const gone = (f: FreeStart) =>
    taken.some((t) => t.staffId === f.staffId && t.start.getTime() === f.start.getTime());
  switch (found.kind) {
    case 'open-day':
    case 'earliest':
      return { ...found, starts: found.starts.filter((f) => !gone(f)) };
    case 'open-week':
      return { ...found, days: found.days.filter((d) => !gone(d.first)) };
    case 'none-that-day':
    case 'none-those-days':
      return found.nearest
        ? {
            ...found,
            nearest: { ...found.nearest, starts: found.nearest.starts.filter((f) => !gone(f)) },
          }
        : found;
    case 'none-in-horizon':
      return found;
  }
}
