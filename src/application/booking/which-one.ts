import { Appointment } from '../../domain/appointment/appointment';
import { err, ok, Result } from '../../domain/shared/result';
import { BranchContext } from '../ports/salon-catalog.port';
import { appointmentFacts } from './booking-answers';
import { answer, FunctionAnswer } from './function-answer';

/** Exactly one appointment, or the question which one (or that there is none). */
export function whichOne(
  salon: BranchContext,
  candidates: readonly Appointment[],
  verb: string,
): Result<Appointment, FunctionAnswer> {
  if (candidates.length === 1) return ok(candidates[0]);
  if (candidates.length === 0) {
    return err(
      answer('APPOINTMENT.NOT_FOUND', 'Ich finde unter Ihrer Nummer keinen passenden Termin.'),
    );
  }
  const listed = candidates.slice(0, 5).map((a) => appointmentFacts(salon, a));
  return err(
    answer(
      'APPOINTMENT.WHICH_ONE',
      `Ich finde ${candidates.length} Termine: ${listed.map((a) => `${a.service} am ${a.slot.spoken}`).join('; ')}. Welchen möchten Sie ${verb}?`,
      { candidates: listed },
    ),
  );
}
