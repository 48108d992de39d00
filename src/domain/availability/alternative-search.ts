import { addLocalDays, LocalDate, wallTimeToInstant } from '../salon/local-date';
import type { AvailabilityEngine } from './availability-engine';
import { FreeStart } from './free-start';

/** Where to measure closeness from, after moving a wish into bookable time. */
export interface WishAnchor {
  readonly ms: number;
  readonly date: LocalDate;
  /** Moved to a later day: earlier days are not what the caller asked for. */
  readonly forwardOnly: boolean;
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
  if (windows.length > 0 && ms < windows[windows.length - 1].endMs) {
    return { ms: Math.max(ms, windows[0].startMs), date, forwardOnly: false };
  }
  for (let d = addLocalDays(date, 1); d <= engine.lastDate; d = addLocalDays(d, 1)) {
    const open = branch.openingWindowsOn(d);
    if (open.length > 0) return { ms: open[0].startMs, date: d, forwardOnly: true };
  }
  return { ms, date, forwardOnly: false };
}

const distance = (anchorMs: number, s: FreeStart): number => Math.abs(s.start.getTime() - anchorMs);

/**
 * The `count` free starts nearest to the anchor for these stylists, one per start (first stylist
 * wins). Days are searched outwards from the anchor and the search stops once no unsearched day
 * can hold anything closer; it never leaves the bookable range (notice .. horizon).
 */
export function nearestFreeStarts(
  engine: AvailabilityEngine,
  anchor: WishAnchor,
  staffIds: readonly string[],
  count: number,
): FreeStart[] {
  if (count <= 0 || staffIds.length === 0) return [];
  const zone = engine.branch.timeZone;
  const earliestDate = engine.branch.localDateOf(new Date(engine.earliestMs));
  const searchFrom = anchor.forwardOnly ? anchor.date : earliestDate;
  const firstDate = searchFrom > engine.firstDate ? searchFrom : engine.firstDate;
  const lastDate = engine.lastDate;
  const startDate = anchor.date > lastDate ? lastDate : anchor.date;
  const byCloseness = (a: FreeStart, b: FreeStart): number =>
    distance(anchor.ms, a) - distance(anchor.ms, b) || a.start.getTime() - b.start.getTime();

  const found: FreeStart[] = [];
  const seen = new Set<number>();
  const search = (date: LocalDate): void => {
    for (const free of engine.freeStartsOfDay(date, staffIds)) {
      const t = free.start.getTime();
      if (!seen.has(t)) {
        seen.add(t);
        found.push(free);
      }
    }
    found.sort(byCloseness);
  };

  search(startDate);
  let back = addLocalDays(startDate, -1);
  let ahead = addLocalDays(startDate, 1);
  for (;;) {
    const backBound =
      back >= firstDate ? anchor.ms - wallTimeToInstant(back, 1440, zone).getTime() : Infinity;
    const aheadBound =
      ahead <= lastDate ? wallTimeToInstant(ahead, 0, zone).getTime() - anchor.ms : Infinity;
    const bound = Math.min(backBound, aheadBound);
    const enough = found.length >= count && distance(anchor.ms, found[count - 1]) < bound;
    if (enough || bound === Infinity) break;
    if (backBound <= aheadBound) {
      search(back);
      back = addLocalDays(back, -1);
    } else {
      search(ahead);
      ahead = addLocalDays(ahead, 1);
    }
  }
  return found.slice(0, count);
}
