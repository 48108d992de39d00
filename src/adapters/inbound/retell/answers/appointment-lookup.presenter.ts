import {
  LookupRefusal,
  NotIdentified,
} from '../../../../application/booking/caller-appointments.finder';
import { joinGerman } from '../../../../domain/shared/german-messages';
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
    case 'NAME_AND_DATE_NEEDED':
      return answer(
        'APPOINTMENT.NAME_AND_DATE_NEEDED',
        outcome.withheld
          ? 'Ihre Nummer ist unterdrückt. Auf welchen vollständigen Namen und für welchen Tag ist der Termin eingetragen?'
          : 'Unter Ihrer Nummer finde ich keinen passenden Termin. Auf welchen vollständigen Namen und für welchen Tag ist er eingetragen?',
        { needs: ['name', 'date'] },
      );
    case 'NOT_IDENTIFIED':
      return notIdentifiedAnswer(outcome.more);
    case 'WHEN_NOT_UNDERSTOOD':
      return notUnderstoodAnswer(outcome.error);
    case 'NO_SUCH_APPOINTMENT':
      return answer(
        'APPOINTMENT.NOT_FOUND',
        'Ich finde unter Ihrer Nummer keinen passenden Termin. Auf welchen vollständigen Namen und für welchen Tag ist er eingetragen?',
      );
  }
}

const FACT_WORDS: Record<NotIdentified['more'][number], string> = {
  time: 'die Uhrzeit',
  service: 'die Leistung',
};

/**
 * Name and day identify no single appointment: none, or several people's. Both say the same
 * (from what the caller has not said yet), so the answer tells a prober nothing.
 */
function notIdentifiedAnswer(more: NotIdentified['more']): FunctionAnswer {
  const ask = more.map((fact) => FACT_WORDS[fact]);
  const message =
    ask.length > 0
      ? `Zu diesem Namen und Tag kann ich Ihnen keinen Termin sicher zuordnen. Nennen Sie mir bitte auch ${joinGerman(ask, 'oder')}.`
      : 'Zu diesen Angaben finde ich keinen Termin. Bitte prüfen Sie Namen, Tag und Uhrzeit.';
  return answer('APPOINTMENT.NOT_IDENTIFIED', message, { needs: more });
}
