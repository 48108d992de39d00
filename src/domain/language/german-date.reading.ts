import { compareDateParts, DateParts, toIsoDate } from './date-parts';

/** What a date phrase names: one day, or the days it could mean (then the caller is asked). */
export type DateReading =
  | { readonly kind: 'day'; readonly date: DateParts }
  | { readonly kind: 'days'; readonly days: readonly DateParts[] };

export const oneDay = (date: DateParts): DateReading => ({ kind: 'day', date });

/**
 * The days a vague phrase could mean, in calendar order without repeats; undefined when none
 * is left. A single day left is still a question: the phrase did not name it.
 */
export const someDays = (days: readonly DateParts[]): DateReading | undefined => {
  const byIso = new Map(days.map((d) => [toIsoDate(d), d]));
  const sorted = [...byIso.values()].sort(compareDateParts);
  return sorted.length === 0 ? undefined : { kind: 'days', days: sorted };
};
