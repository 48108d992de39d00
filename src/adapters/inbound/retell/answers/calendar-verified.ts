import { calendarVerified, CalendarVerdict } from '../../../../application/booking/calendar-check';
import { FunctionAnswer } from './function-answer';

/** The answer with its `calendar_verified` fact (see calendarVerified), when there is one. */
export function withCalendarVerdicts(
  answer: FunctionAnswer,
  verdicts: readonly CalendarVerdict[],
): FunctionAnswer {
  const verified = calendarVerified(verdicts);
  return verified === undefined ? answer : { ...answer, calendar_verified: verified };
}
