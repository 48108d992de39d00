/** A wall-clock time of day in the branch, 24-hour. */
export interface LocalTime {
  readonly hour: number;
  readonly minute: number;
}

/** A span the branch is open on one day, wall clock 'HH:mm' (to may be '24:00'), half-open. */
export interface OpeningWindow {
  readonly from: string;
  readonly to: string;
}

export const minuteOfDay = (t: LocalTime): number => t.hour * 60 + t.minute;

const CLOCK = /^(\d{1,2}):(\d{2})$/;

/** Opening windows come from configuration; a malformed one is a bug, not a caller's slip. */
export const parseClockMinutes = (hhmm: string): number => {
  const m = CLOCK.exec(hhmm);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) {
    throw new RangeError(`Opening window time must be HH:mm, got "${hhmm}"`);
  }
  return minutes;
};

/** True when a start at t lies inside one of the windows: from <= t < to. */
export const isInsideWindows = (t: LocalTime, windows: readonly OpeningWindow[]): boolean => {
  const at = minuteOfDay(t);
  return windows.some((w) => parseClockMinutes(w.from) <= at && at < parseClockMinutes(w.to));
};

const pad = (n: number): string => String(n).padStart(2, '0');

export const toClockString = (t: LocalTime): string => `${pad(t.hour)}:${pad(t.minute)}`;
