export { resolveGermanDate } from './german-date.resolver';
export type { DateContext } from './german-date.resolver';
export { resolveGermanTime } from './german-time.resolver';
export type { TimeContext } from './german-time.resolver';
export { resolveGermanDateTime } from './german-date-time.resolver';
export type { DateTimeContext, DateTimeError, ResolvedDateTime } from './german-date-time.resolver';
export { formatGermanDate, formatGermanLocalTime, formatGermanTime } from './german-date.formatter';
export { instantFromWallClock, todayIn, wallClockAt } from './zoned-clock';
export {
  DateNotUnderstood,
  TimeAmbiguous,
  TimeNotUnderstood,
  TimeSkippedByClockChange,
} from './language.errors';
export { toIsoDate } from './local-date';
export type { LocalDate } from './local-date';
export { toClockString } from './local-time';
export type { LocalTime, OpeningWindow } from './local-time';
export type { TimeError } from './clock-reading.settler';
