import { Appointment } from '../../domain/appointment/appointment';
import { err, ok, Result } from '../../domain/shared/result';
import { BranchContext } from '../ports/salon-catalog.port';
import { whichOneAnswer } from './appointment-answers';
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
  return err(whichOneAnswer(salon, candidates, verb));
}
