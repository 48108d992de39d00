import { err, ok, Result } from '../shared/result';
import { ClockReading, DayPart } from './german-clock.parser';
import { TimeAmbiguous, TimeNotUnderstood } from './language.errors';
import { isInsideWindows, LocalTime, OpeningWindow } from './local-time';

// Hours (24h) each day part can name; "nachts" wraps round midnight.
const DAY_PART_HOURS: Record<DayPart, (hour: number) => boolean> = {
  morning: (h) => h >= 1 && h <= 11,
  forenoon: (h) => h >= 5 && h <= 12,
  noon: (h) => h >= 11 && h <= 14,
  afternoon: (h) => h >= 12 && h <= 19,
  evening: (h) => h >= 16 && h <= 23,
  night: (h) => h >= 20 || h <= 6,
};

/**
 * Without opening hours to decide, a 1-12 hour means the salon day: 1-6 → 13-18 ("um drei" is
 * 15:00; no salon books at 3 at night), 7-11 → morning, 12 → noon.
 */
const salonDayReading = (early: LocalTime, late: LocalTime): LocalTime =>
  early.hour >= 7 ? early : late;

export type TimeError = TimeNotUnderstood | TimeAmbiguous;

/**
 * Settles a reading to one wall time. A day part decides first ("drei Uhr nachmittags");
 * else opening windows: the one reading inside them wins, both inside is a question back;
 * none inside (or no windows) falls to the salon-day reading, so availability can offer
 * alternatives instead of asking "3 Uhr nachts?".
 */
export const settleClockReading = (
  r: ClockReading,
  windows: readonly OpeningWindow[] = [],
): Result<LocalTime, TimeError> => {
  const fits = r.dayPart ? DAY_PART_HOURS[r.dayPart] : () => true;
  if (!r.twelveHour) {
    return fits(r.hour) ? ok({ hour: r.hour, minute: r.minute }) : err(new TimeNotUnderstood());
  }
  const early = { hour: r.hour, minute: r.minute };
  const late = { hour: r.hour + 12, minute: r.minute };
  if (r.dayPart) {
    const fitting = [early, late].filter((t) => fits(t.hour));
    return fitting.length === 1 ? ok(fitting[0]) : err(new TimeNotUnderstood());
  }
  const inside = [early, late].filter((t) => isInsideWindows(t, windows));
  if (inside.length === 2) return err(new TimeAmbiguous([early, late]));
  if (inside.length === 1) return ok(inside[0]);
  return ok(salonDayReading(early, late));
};
