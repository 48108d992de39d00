import { Staff } from '../salon/staff';
import { BusyInterval, busyOfAbsences, BusyKind } from './busy-interval';

/**
 * One stylist's busy intervals as sorted numbers, for fast conflict checks. Intervals may
 * overlap (a hold over an appointment); a running maximum of ends keeps the lookup logarithmic.
 */
export class StylistTimeline {
  private readonly starts: number[];
  private readonly ends: number[];
  private readonly kinds: BusyKind[];
  private readonly maxEnds: number[];

  constructor(
    readonly staff: Staff,
    busy: readonly BusyInterval[],
  ) {
    const all = [...busy, ...busyOfAbsences(staff)].sort(
      (a, b) => a.range.startMs - b.range.startMs,
    );
    this.starts = all.map((b) => b.range.startMs);
    this.ends = all.map((b) => b.range.endMs);
    this.kinds = all.map((b) => b.kind);
    this.maxEnds = [];
    let max = -Infinity;
    for (const end of this.ends) {
      max = Math.max(max, end);
      this.maxEnds.push(max);
    }
  }

  /** The kind of the latest-starting interval overlapping [from, to), if any (half-open). */
  conflictWith(from: number, to: number): BusyKind | undefined {
    // Last interval starting before `to`.
    let lo = 0;
    let hi = this.starts.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < to) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    for (let i = last; i >= 0 && this.maxEnds[i] > from; i--) {
      if (this.ends[i] > from) return this.kinds[i];
    }
    return undefined;
  }
}
