import { TimeRange } from '../shared/time-range';

/** Whether [from, to) (epoch ms) lies whole inside one of the windows. */
export const withinWindows = (from: number, to: number, windows: readonly TimeRange[]): boolean =>
  windows.some((w) => w.startMs <= from && to <= w.endMs);
