import { CancelAppointmentOutcome } from '../../../../application/booking/cancel-appointment.use-case';
import { cancelledAnswer } from './appointment-answers';
import { presentLookup } from './appointment-lookup.presenter';
import { answer, FunctionAnswer } from './function-answer';
import { SpokenSalon } from './spoken-salon';

/** cancel_appointment's outcome as the agent hears it. */
export function presentCancelAppointment(
  salon: SpokenSalon,
  outcome: CancelAppointmentOutcome,
): FunctionAnswer {
  switch (outcome.kind) {
    case 'cancelled':
      return cancelledAnswer(salon, outcome.appointment);
    case 'which-one':
      return presentLookup(salon, outcome);
    case 'refused':
      if (outcome.reason === 'NOT_CANCELLABLE') {
        return answer(outcome.error.code, 'Dieser Termin kann nicht mehr storniert werden.');
      }
      return presentLookup(salon, outcome);
  }
}
