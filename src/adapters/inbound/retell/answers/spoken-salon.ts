import {
  DateParts,
  formatGermanLocalDate,
  todayIn,
  wallClockAt,
} from '../../../../domain/language';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';

/**
 * The salon as its answers speak for it: with the year it is now in the branch, so that a day
 * of another year is said with its year ("Freitag, 15. Januar 2027", asked in December) and a
 * day of this year without.
 */
export interface SpokenSalon extends BranchContext {
  /** The branch's current year; absent where a test builds the context by hand (no year said). */
  readonly thisYear?: number;
}

/** The salon as answers speak at `now`. */
export const speakingAt = (salon: BranchContext, now: Date): SpokenSalon => ({
  ...salon,
  thisYear: todayIn(now, salon.branch.timeZone).year,
});

/** A day of the branch's calendar as spoken, with the year only where it is not this one. */
export const spokenDate = (salon: SpokenSalon, day: DateParts): string =>
  formatGermanLocalDate(day, {
    withYear: salon.thisYear !== undefined && day.year !== salon.thisYear,
  });

/** An instant's day on the branch's clock as spoken ("Freitag, 15. Januar 2027"). */
export const spokenDateOf = (salon: SpokenSalon, instant: Date): string =>
  spokenDate(salon, wallClockAt(instant, salon.branch.timeZone).date);

/** 'yyyy-MM-dd' as spoken. */
export const spokenIsoDate = (salon: SpokenSalon, iso: string): string => {
  const [year, month, day] = iso.split('-').map(Number);
  return spokenDate(salon, { year, month, day });
};
