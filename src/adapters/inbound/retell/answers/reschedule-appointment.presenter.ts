import { RescheduleAppointmentOutcome } from '../../../../application/booking/reschedule-appointment.use-case';
import { movedAnswer } from './appointment-answers';
import { presentLookup } from './appointment-lookup.presenter';
import { withCalendarVerdicts } from './calendar-verified';
import { presentNotFree } from './check-availability.presenter';
import { answer, FunctionAnswer } from './function-answer';
import { SpokenSalon } from './spoken-salon';
import { wishRefusalAnswer } from './language-answers';

/** reschedule_appointment's outcome as the agent hears it. */
export function presentRescheduleAppointment(
  salon: SpokenSalon,
  outcome: RescheduleAppointmentOutcome,
): FunctionAnswer {
  switch (outcome.kind) {
    case 'moved':
      return withCalendarVerdicts(movedAnswer(salon, outcome.appointment), outcome.verdicts);
    case 'unavailable':
    case 'taken-meanwhile':
      return presentNotFree(salon, outcome);
    case 'which-one':
      return presentLookup(salon, outcome);
    case 'refused':
      switch (outcome.reason) {
        case 'NEW_TIME_MISSING':
          return answer(
            'APPOINTMENT.NEW_TIME_MISSING',
            'Auf welchen Tag und welche Uhrzeit möchten Sie den Termin verschieben?',
          );
        case 'SERVICE_WITHDRAWN':
          return answer(
            'SERVICE.UNKNOWN',
            'Diese Leistung bieten wir nicht mehr an. Bitte sprechen Sie mit dem Salon.',
          );
        case 'NOT_MOVABLE':
          return answer(outcome.error.code, 'Dieser Termin kann nicht mehr verschoben werden.');
        case 'WHEN_MISSING':
        case 'WHEN_NOT_UNDERSTOOD':
        case 'STYLIST_UNCLEAR':
        case 'STYLIST_NOT_OFFERING':
          return wishRefusalAnswer(outcome, salon);
        default:
          return presentLookup(salon, outcome);
      }
  }
}
