import { err, Result } from '../shared/result';
import { settleClockReading, TimeError } from './clock-reading.settler';
import { parseGermanClockTokens } from './german-clock.parser';
import { germanTokens } from './german-text.normaliser';
import { parseIsoDateTime } from './iso-date-time.parser';
import { TimeNotUnderstood } from './language.errors';
import { LocalTime, OpeningWindow } from './local-time';

export interface TimeContext {
  /** The branch's opening windows on the day in question; they settle "drei" as 3:00 or 15:00. */
  readonly openingWindows?: readonly OpeningWindow[];
  /** Reads an ISO time with an offset ("…T09:00:00Z") on the branch's clock; default UTC. */
  readonly zone?: string;
}

/**
 * What the agent sent as a time → a wall-clock time. "14 Uhr", "14:30", "1430", "zehn Uhr
 * dreißig", "halb drei", "viertel vor elf", "dreiviertel elf", "fünf vor halb vier",
 * "um drei", "drei Uhr nachmittags", "mittags", "2026-12-05T10:00:00".
 */
export const resolveGermanTime = (
  text: string,
  { openingWindows, zone = 'UTC' }: TimeContext = {},
): Result<LocalTime, TimeError> => {
  // An ISO time is already a 24-hour wall time.
  const iso = parseIsoDateTime(text, zone);
  if (iso?.time) return settleClockReading({ ...iso.time, twelveHour: false });
  const reading = parseGermanClockTokens(germanTokens(text), true);
  return reading ? settleClockReading(reading, openingWindows) : err(new TimeNotUnderstood());
};
