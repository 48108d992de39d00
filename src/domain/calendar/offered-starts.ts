import { TimeRange } from '../shared/time-range';

/**
 * Whether the external calendar's offered starts vouch for one working step of a stylist.
 *
 * An offered start `s` of an event type `minutes` long says the stylist is free in
 * [s, s + minutes). The step is vouched for when those windows cover it without a gap: exactly
 * when its own start is offered, and also when it begins off the calendar's slot grid (a later
 * phase of a composite service, e.g. 10:10 on a 20-minute grid) but the free windows around it
 * still cover it. A step the windows do not cover is taken there. `alsoFree` are times the
 * calendar shows busy only because of the booking being moved (its own current phases).
 */
export function calendarOffers(
  offered: readonly Date[],
  step: TimeRange,
  minutes: number = step.minutes,
  alsoFree: readonly TimeRange[] = [],
): boolean {
  const lengthMs = minutes * 60_000;
  const windows = [
    ...offered.map((d) => ({ from: d.getTime(), to: d.getTime() + lengthMs })),
    ...alsoFree.map((r) => ({ from: r.startMs, to: r.endMs })),
  ].sort((a, b) => a.from - b.from);
  let covered = step.startMs;
  for (const w of windows) {
    if (w.from > covered) break;
    covered = Math.max(covered, w.to);
    if (covered >= step.endMs) return true;
  }
  return false;
}
