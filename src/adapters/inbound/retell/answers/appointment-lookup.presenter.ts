import { LookupRefusal } from '../../../../application/booking/caller-appointments.finder';
import { NoSuchAppointment, WhichOne } from '../../../../application/booking/which-one';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import { whichOneAnswer } from './appointment-answers';
import { answer, FunctionAnswer } from './function-answer';
import { notUnderstoodAnswer } from './language-answers';

const VERB: Record<WhichOne['purpose'], string> = {
  cancel: 'stornieren',
  reschedule: 'verschieben',
};

/** Why the caller's appointment could not be picked out: the answer and what to ask. */
export function presentLookup(
  salon: BranchContext,
  outcome: LookupRefusal | NoSuchAppointment | WhichOne,
): FunctionAnswer {
  if (outcome.kind === 'which-one') {
    return whichOneAnswer(salon, outcome.candidates, VERB[outcome.purpose]);
  }
  switch (outcome.reason) {
    case 'CALLER_UNKNOWN':
      return answer(
        'APPOINTMENT.CALLER_UNKNOWN',
        'Ihre Nummer ist unterdrückt, daher kann ich Ihre Termine leider nicht finden. Bitte rufen Sie mit sichtbarer Nummer an.',
      );
    case 'WHEN_NOT_UNDERSTOOD':
      return notUnderstoodAnswer(outcome.error);
    case 'NO_SUCH_APPOINTMENT':
      return answer(
        'APPOINTMENT.NOT_FOUND',
        'Ich finde unter Ihrer Nummer keinen passenden Termin.',
      );
  }
}
