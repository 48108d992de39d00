import { ListAppointmentsOutcome } from '../../../../application/booking/list-appointments.use-case';
import { appointmentsAnswer } from './appointment-answers';
import { presentLookup } from './appointment-lookup.presenter';
import { FunctionAnswer } from './function-answer';
import { SpokenSalon } from './spoken-salon';

/** list_appointments' outcome as the agent hears it. */
export function presentListAppointments(
  salon: SpokenSalon,
  outcome: ListAppointmentsOutcome,
): FunctionAnswer {
  if (outcome.kind === 'appointments') return appointmentsAnswer(salon, outcome.appointments);
  return presentLookup(salon, outcome);
}
