import { CancelAppointmentOutcome } from '../../../../application/booking/cancel-appointment.use-case';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import { cancelledAnswer } from './appointment-answers';
import { presentLookup } from './appointment-lookup.presenter';
import { answer, FunctionAnswer } from './function-answer';

/** cancel_appointment's outcome as the agent hears it. */
export function presentCancelAppointment(
  salon: BranchContext,
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
