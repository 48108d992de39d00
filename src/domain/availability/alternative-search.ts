import { addLocalDays, LocalDate, wallTimeToInstant } from '../shared/local-date';
import type { AvailabilityEngine } from './availability-engine';
import { FreeStart } from './free-start';

/** Where to measure closeness from, after moving a wish into bookable time. */
export interface WishAnchor {
  readonly ms: number;
  readonly date: LocalDate;
  /** Moved to a later day: earlier days are not what the caller asked for. */
  readonly forwardOnly: boolean;
  /** No open hour follows the wish among the days judged: the search looks back from it. */
  readonly pastLastOpenHour: boolean;
}

/**
 * Before opening → opening; after closing or on a closed day → opening of the next open day;
 * in the past or inside the minimum notice → the earliest bookable instant. Beyond the horizon,
 * or with no open day left before its end, the wish stays where it is and the search looks back
 * from there: the last bookable starts are the nearest ones.
 */
export function wishAnchor(engine: AvailabilityEngine, wishMs: number): WishAnchor {
  const branch = engine.branch;
  const ms = Math.max(wishMs, engine.earliestMs);
  const date = branch.localDateOf(new Date(ms));
  const windows = branch.openingWindowsOn(date);
  if (date <= engine.lastDate && windows.length > 0 && ms < windows[windows.length - 1].endMs) {
    return {
      ms: Math.max(ms, windows[0].startMs),
      date,
      forwardOnly: false,
      pastLastOpenHour: false,
    };
  }
  for (let d = addLocalDays(date, 1); d <= engine.lastDate; d = addLocalDays(d, 1)) {
    const open = branch.openingWindowsOn(d);
    if (open.length > 0) {
      return { ms: open[0].startMs, date: d, forwardOnly: true, pastLastOpenHour: false };
    }
  }
  return { ms, date, forwardOnly: false, pastLastOpenHour: true };
}

/** How far a start lies from the anchor, either way. */
export const distanceFrom = (anchorMs: number, s: FreeStart): number =>
  Math.abs(s.start.getTime() - anchorMs);

/**
 * The free starts of some stylists, found day by day outwards from the anchor, one per start
 * (the first stylist in the given order wins). Days already read are kept, so asking again for
 * the closest start that meets another condition reads only the days it still needs. It never
 * leaves the bookable range (notice .. the days the engine judges).
 */
export class OutwardSearch {
  private readonly found: FreeStart[] = [];
  private readonly seen = new Set<number>();
  private readonly firstDate: LocalDate;
  private readonly lastDate: LocalDate;
  private back: LocalDate;
  private ahead: LocalDate;

  constructor(
    private readonly engine: AvailabilityEngine,
    private readonly anchor: WishAnchor,
    /** Whose starts; undefined: anyone's (see freeStartsOfDay). */
    private readonly staffIds: readonly string[] | undefined,
  ) {
    const earliestDate = engine.branch.localDateOf(new Date(engine.earliestMs));
    const searchFrom = anchor.forwardOnly ? anchor.date : earliestDate;
    this.firstDate = searchFrom > engine.firstDate ? searchFrom : engine.firstDate;
    this.lastDate = engine.lastDate;
    const startDate = anchor.date > this.lastDate ? this.lastDate : anchor.date;
    this.back = addLocalDays(startDate, -1);
    this.ahead = addLocalDays(startDate, 1);
    if (!staffIds || staffIds.length > 0) this.read(startDate);
  }

  /**
   * The closest start `accept` takes (ties: the earlier), or undefined when there is none in the
   * bookable range. Stops reading once no unread day can hold a closer one.
   */
  closest(accept: (s: FreeStart) => boolean = () => true): FreeStart | undefined {
    if (this.staffIds?.length === 0) return undefined;
    for (;;) {
      const best = this.found.find(accept);
      const zone = this.engine.branch.timeZone;
      const backBound =
        this.back >= this.firstDate
          ? this.anchor.ms - wallTimeToInstant(this.back, 1440, zone).getTime()
          : Infinity;
      const aheadBound =
        this.ahead <= this.lastDate
          ? wallTimeToInstant(this.ahead, 0, zone).getTime() - this.anchor.ms
          : Infinity;
      const bound = Math.min(backBound, aheadBound);
      if (bound === Infinity || (best && distanceFrom(this.anchor.ms, best) < bound)) return best;
      if (backBound <= aheadBound) {
        this.read(this.back);
        this.back = addLocalDays(this.back, -1);
      } else {
        this.read(this.ahead);
        this.ahead = addLocalDays(this.ahead, 1);
      }
    }
  }

  private read(date: LocalDate): void {
    for (const free of this.engine.freeStartsOfDay(date, this.staffIds)) {
      const t = free.start.getTime();
      if (!this.seen.has(t)) {
        this.seen.add(t);
        this.found.push(free);
      }
    }
    const anchorMs = this.anchor.ms;
    this.found.sort(
      (a, b) =>
        distanceFrom(anchorMs, a) - distanceFrom(anchorMs, b) ||
        a.start.getTime() - b.start.getTime(),
    );
  }
}
