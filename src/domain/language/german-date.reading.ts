import { compareLocalDates, LocalDate, toIsoDate } from './local-date';

/** What a date phrase names: one day, or the days it could mean (then the caller is asked). */
export type DateReading =
  | { readonly kind: 'day'; readonly date: LocalDate }
  | { readonly kind: 'days'; readonly days: readonly LocalDate[] };

export const oneDay = (date: LocalDate): DateReading => ({ kind: 'day', date });

/**
 * The days a vague phrase could mean, in calendar order without repeats; undefined when none
 * is left. A single day left is still a question: the phrase did not name it.
 */
export const someDays = (days: readonly LocalDate[]): DateReading | undefined => {
  const byIso = new Map(days.map((d) => [toIsoDate(d), d]));
  const sorted = [...byIso.values()].sort(compareLocalDates);
  return sorted.length === 0 ? undefined : { kind: 'days', days: sorted };
};
