import {
  DateAmbiguous,
  formatGermanLocalDate,
  germanWeekday,
  LocalDate,
  TimeAmbiguous,
  toClockString,
  toIsoDate,
} from '../../domain/language';
import { DomainError } from '../../domain/shared/domain-error';
import { answer, FunctionAnswer } from './function-answer';

/** A day named in a question, for the agent to confirm or offer. */
export const dayFacts = (d: LocalDate) => ({
  date: toIsoDate(d),
  weekday: germanWeekday(d),
  spoken: formatGermanLocalDate(d),
});

/**
 * A date or time that could not be read as one: the question back, with the readings it names
 * in the facts (the days "Anfang nächster Woche" could mean, both readings of "um acht").
 */
export function notUnderstoodAnswer(error: DomainError): FunctionAnswer {
  if (error instanceof DateAmbiguous) {
    return answer(error.code, error.message, { days: error.days.map(dayFacts) });
  }
  if (error instanceof TimeAmbiguous) {
    return answer(error.code, error.message, { readings: error.readings.map(toClockString) });
  }
  return answer(error.code, error.message);
}
