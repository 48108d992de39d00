import { TimeRange } from '../shared/time-range';

/**
 * Whether the external calendar's offered starts vouch for one working step of a stylist.
 *
 * An offered start `s` of an event type `minutes` long says the stylist is free in
 * [s, s + minutes). The step is vouched for when those windows cover it without a gap: exactly
 * when its own start is offered, and also when it begins off the calendar's slot grid (a later
 * phase of a composite service, e.g. 10:10 on a 20-minute grid) but the free windows around it
 * still cover it. A step the windows do not cover is taken there.
 */
export function calendarOffers(
  offered: readonly Date[],
  step: TimeRange,
  minutes: number = step.minutes,
): boolean {
  const lengthMs = minutes * 60_000;
  const starts = offered.map((d) => d.getTime()).sort((a, b) => a - b);
  let covered = step.startMs;
  for (const s of starts) {
    if (s > covered) break;
    covered = Math.max(covered, s + lengthMs);
    if (covered >= step.endMs) return true;
  }
  return false;
}
