import { Appointment } from '../../domain/appointment/appointment';
import { err, ok, Result } from '../../domain/shared/result';

/** None of the caller's appointments fits what they said. */
export interface NoSuchAppointment {
  readonly kind: 'refused';
  readonly reason: 'NO_SUCH_APPOINTMENT';
}

/** Several fit: the agent asks which one the caller means to cancel or move. */
export interface WhichOne {
  readonly kind: 'which-one';
  readonly candidates: readonly Appointment[];
  readonly purpose: 'cancel' | 'reschedule';
}

/** Exactly one appointment, or the question which one (or that there is none). */
export function whichOne(
  candidates: readonly Appointment[],
  purpose: WhichOne['purpose'],
): Result<Appointment, NoSuchAppointment | WhichOne> {
  if (candidates.length === 1) return ok(candidates[0]);
  if (candidates.length === 0) return err({ kind: 'refused', reason: 'NO_SUCH_APPOINTMENT' });
  return err({ kind: 'which-one', candidates, purpose });
}
