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
  return covers(windows, step.startMs, step.endMs);
}

/** One slot of the external calendar: free from `start`, to `end` when it says so. */
export interface OfferedSlot {
  readonly start: Date;
  readonly end?: Date;
}

/**
 * The offered starts from which `minutes` are free, judged by the slots' own windows: a slot
 * offered for a shorter booking than asked (an event type that answered for its own length)
 * vouches only for its own window, and consecutive windows chain. A slot without an end stands
 * for `minutes`. Sorted, as given.
 */
export function startsWithRoom(slots: readonly OfferedSlot[], minutes: number): Date[] {
  const lengthMs = minutes * 60_000;
  const windows = slots
    .map((s) => {
      const from = s.start.getTime();
      return { from, to: s.end ? s.end.getTime() : from + lengthMs };
    })
    .sort((a, b) => a.from - b.from);
  return slots
    .filter((s) => covers(windows, s.start.getTime(), s.start.getTime() + lengthMs))
    .map((s) => s.start);
}

/** Whether windows sorted by their start cover [fromMs, toMs) without a gap. */
function covers(
  windows: ReadonlyArray<{ from: number; to: number }>,
  fromMs: number,
  toMs: number,
): boolean {
  let covered = fromMs;
  for (const w of windows) {
    if (w.from > covered) break;
    covered = Math.max(covered, w.to);
    if (covered >= toMs) return true;
  }
  return false;
}
