import { isValidDateParts, DateParts } from './date-parts';
import { LocalTime } from './local-time';
import { wallClockAt } from './zoned-clock';

/** An ISO date the agent sent, read as the branch's wall clock. time is absent for a bare date. */
export interface IsoReading {
  readonly date: DateParts;
  readonly time?: LocalTime;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * "2026-12-05", "2026-12-05T10:00:00" (branch wall time), "2026-12-05T09:00:00Z" or with an
 * offset (an instant, shown on the branch's clock). undefined when the text is no ISO date.
 */
export const parseIsoDateTime = (text: string, zone: string): IsoReading | undefined => {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDateParts(year, month, day)) return undefined;
  if (m[4] === undefined) return { date: { year, month, day } };
  const [hour, minute] = [Number(m[4]), Number(m[5])];
  if (hour > 23 || minute > 59 || Number(m[6] ?? 0) > 59) return undefined;
  if (m[7] === undefined) return { date: { year, month, day }, time: { hour, minute } };
  const instant = new Date(text.trim().toUpperCase());
  return Number.isNaN(instant.getTime()) ? undefined : wallClockAt(instant, zone);
};
