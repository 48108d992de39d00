import { err, ok, Result } from '../shared/result';
import { TimeRange } from '../shared/time-range';
import { IsoWeekday, isoWeekdayOf, LocalDate, wallTimeToInstant } from '../shared/local-date';
import { InvalidHours, orThrow } from './salon.errors';
import { BoundedMemo } from '../shared/bounded-memo';

/** A wall-clock window of one day, 'HH:mm' to 'HH:mm' (end exclusive, '24:00' allowed). */
export interface WallWindow {
  readonly from: string;
  readonly to: string;
}

export type WeeklyHoursInput = Partial<Record<IsoWeekday, ReadonlyArray<WallWindow>>>;

interface MinuteWindow {
  readonly from: number;
  readonly to: number;
}

const WALL_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;
const MEMO_LIMIT = 1024;

function parseWallTime(value: string): number | undefined {
  const m = WALL_TIME.exec(value);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : undefined;
}

function formatWallTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Weekly wall-clock hours, possibly split (09:00-12:00 and 13:00-18:00). Touching or overlapping
 * windows are merged, so each remaining window is one stretch the salon or stylist is there.
 */
export class WeeklyHours {
  // Converting wall time to instants is the costly part of availability; days repeat a lot.
  private readonly memo = new BoundedMemo<readonly TimeRange[]>(MEMO_LIMIT);

  private constructor(private readonly days: ReadonlyMap<IsoWeekday, readonly MinuteWindow[]>) {}

  static create(input: WeeklyHoursInput): Result<WeeklyHours, InvalidHours> {
    const days = new Map<IsoWeekday, MinuteWindow[]>();
    for (const [key, windows] of Object.entries(input)) {
      const weekday = Number(key);
      if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
        return err(new InvalidHours(`weekday ${key} is not 1..7`));
      }
      const parsed: MinuteWindow[] = [];
      for (const w of windows ?? []) {
        const from = parseWallTime(w.from);
        const to = parseWallTime(w.to);
        if (from === undefined || to === undefined || from >= to) {
          return err(new InvalidHours(`window ${w.from}-${w.to} on weekday ${weekday}`));
        }
        parsed.push({ from, to });
      }
      days.set(weekday as IsoWeekday, WeeklyHours.merge(parsed));
    }
    return ok(new WeeklyHours(days));
  }

  /** For hours the caller vouches for (fixtures, stored rows); invalid ones throw. */
  static of(input: WeeklyHoursInput): WeeklyHours {
    return orThrow(WeeklyHours.create(input));
  }

  /** The same windows on each of the given weekdays. */
  static sameOn(weekdays: readonly IsoWeekday[], windows: readonly WallWindow[]): WeeklyHours {
    return WeeklyHours.of(Object.fromEntries(weekdays.map((d) => [d, windows])));
  }

  private static merge(windows: MinuteWindow[]): MinuteWindow[] {
    const sorted = [...windows].sort((a, b) => a.from - b.from);
    const merged: MinuteWindow[] = [];
    for (const w of sorted) {
      const last = merged[merged.length - 1];
      if (last && w.from <= last.to) {
        merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, w.to) };
      } else {
        merged.push(w);
      }
    }
    return merged;
  }

  isWorkingDay(weekday: IsoWeekday): boolean {
    return (this.days.get(weekday)?.length ?? 0) > 0;
  }

  windowsFor(weekday: IsoWeekday): WallWindow[] {
    return (this.days.get(weekday) ?? []).map((w) => ({
      from: formatWallTime(w.from),
      to: formatWallTime(w.to),
    }));
  }

  /** The windows of one local date as instants; each wall time is converted on its own date (DST). */
  windowsOn(date: LocalDate, timeZone: string): readonly TimeRange[] {
    return this.memo.get(`${timeZone}|${date}`, () => {
      const ranges: TimeRange[] = [];
      for (const w of this.days.get(isoWeekdayOf(date)) ?? []) {
        const start = wallTimeToInstant(date, w.from, timeZone);
        const end = wallTimeToInstant(date, w.to, timeZone);
        // A window lying wholly in the hour skipped at spring-forward does not exist that day.
        if (end.getTime() > start.getTime()) ranges.push(TimeRange.of(start, end));
      }
      return ranges;
    });
  }

  toJSON(): WeeklyHoursInput {
    const out: Partial<Record<IsoWeekday, WallWindow[]>> = {};
    for (const weekday of this.days.keys()) out[weekday] = this.windowsFor(weekday);
    return out;
  }
}
