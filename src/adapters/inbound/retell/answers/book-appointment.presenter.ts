import { bookedAnswer } from './appointment-answers';
import { BookAppointmentOutcome } from '../../../../application/booking/book-appointment.use-case';
import { withCalendarVerdicts } from './calendar-verified';
import { answer, FunctionAnswer } from './function-answer';
import { SpokenSalon } from './spoken-salon';
import { wishRefusalAnswer } from './language-answers';
import { presentNotFree } from './check-availability.presenter';

/** book_appointment's outcome as the agent hears it. */
export function presentBookAppointment(
  salon: SpokenSalon,
  outcome: BookAppointmentOutcome,
): FunctionAnswer {
  switch (outcome.kind) {
    case 'booked':
      return withCalendarVerdicts(
        {
          ...bookedAnswer(salon, outcome.appointment, outcome.callbackNumber),
          ...(outcome.consent ? { recognition_consent: outcome.consent } : {}),
        },
        outcome.verdicts,
      );
    case 'unavailable':
    case 'taken-meanwhile':
      return presentNotFree(salon, outcome);
    case 'refused':
      switch (outcome.reason) {
        case 'NAME_MISSING':
          return answer('BOOKING.NAME_MISSING', 'Auf welchen Namen darf ich den Termin eintragen?');
        case 'EMAIL_INVALID':
          return answer(
            'BOOKING.EMAIL_INVALID',
            'Die E-Mail-Adresse habe ich nicht richtig verstanden. Können Sie sie bitte buchstabieren?',
          );
        case 'PHONE_NEEDED':
          return answer(
            'BOOKING.PHONE_NEEDED',
            'Ihre Nummer ist unterdrückt. Unter welcher Nummer können wir Sie zurückrufen? Bitte nennen Sie sie Ziffer für Ziffer.',
            { needs: 'callback_number' },
          );
        case 'CALLBACK_NUMBER_NOT_UNDERSTOOD':
          return answer(
            'BOOKING.CALLBACK_NUMBER_NOT_UNDERSTOOD',
            'Die Rückrufnummer habe ich nicht richtig verstanden. Bitte nennen Sie sie noch einmal Ziffer für Ziffer, mit Vorwahl.',
            { needs: 'callback_number' },
          );
        default:
          return wishRefusalAnswer(outcome, salon);
      }
  }
}
