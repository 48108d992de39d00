import { ListAppointmentsOutcome } from '../../../../application/booking/list-appointments.use-case';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import { appointmentsAnswer } from './appointment-answers';
import { presentLookup } from './appointment-lookup.presenter';
import { FunctionAnswer } from './function-answer';

/** list_appointments' outcome as the agent hears it. */
export function presentListAppointments(
  salon: BranchContext,
  outcome: ListAppointmentsOutcome,
): FunctionAnswer {
  if (outcome.kind === 'appointments') return appointmentsAnswer(salon, outcome.appointments);
  return presentLookup(salon, outcome);
}
