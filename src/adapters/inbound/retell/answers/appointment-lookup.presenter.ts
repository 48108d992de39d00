import {
  LookupRefusal,
  NameAndDateNeeded,
  NotIdentified,
} from '../../../../application/booking/caller-appointments.finder';
import { joinGerman } from '../../../../domain/shared/german-messages';
import { NoSuchAppointment, WhichOne } from '../../../../application/booking/which-one';
import { whichOneAnswer } from './appointment-answers';
import { answer, FunctionAnswer } from './function-answer';
import { SpokenSalon } from './spoken-salon';
import { notUnderstoodAnswer } from './language-answers';

const VERB: Record<WhichOne['purpose'], string> = {
  cancel: 'stornieren',
  reschedule: 'verschieben',
};

/** Why the caller's appointment could not be picked out: the answer and what to ask. */
export function presentLookup(
  salon: SpokenSalon,
  outcome: LookupRefusal | NoSuchAppointment | WhichOne,
): FunctionAnswer {
  if (outcome.kind === 'which-one') {
    return whichOneAnswer(salon, outcome.candidates, VERB[outcome.purpose]);
  }
  switch (outcome.reason) {
    case 'NAME_AND_DATE_NEEDED':
      return nameAndDateAnswer(outcome);
    case 'NOT_IDENTIFIED':
      return notIdentifiedAnswer(outcome.more);
    case 'WHEN_NOT_UNDERSTOOD':
      return notUnderstoodAnswer(outcome.error, salon);
    case 'NO_SUCH_APPOINTMENT':
      return answer(
        'APPOINTMENT.NOT_FOUND',
        'Ich finde unter Ihrer Nummer keinen passenden Termin. Auf welchen vollständigen Namen und für welchen Tag ist er eingetragen?',
      );
  }
}

const WHY: Record<'withheld' | 'elsewhere', string> = {
  withheld: 'Ihre Nummer ist unterdrückt.',
  elsewhere: 'Unter Ihrer Nummer finde ich keinen passenden Termin.',
};

/** The question for what is missing, and nothing the caller has said already. */
const QUESTION: Record<string, string> = {
  'name+date': 'Auf welchen vollständigen Namen und für welchen Tag ist der Termin eingetragen?',
  'name+one-day':
    'Auf welchen vollständigen Namen und für welchen einzelnen Tag ist der Termin eingetragen?',
  'full-name+date': 'Bitte nennen Sie mir Vor- und Nachnamen und den Tag des Termins.',
  'full-name+one-day': 'Bitte nennen Sie mir Vor- und Nachnamen und den genauen Tag des Termins.',
  name: 'Auf welchen vollständigen Namen ist der Termin eingetragen?',
  'full-name': 'Bitte nennen Sie mir Vor- und Nachnamen, auf die der Termin eingetragen ist.',
  date: 'Für welchen Tag ist der Termin eingetragen?',
  'one-day': 'An welchem Tag genau ist der Termin eingetragen?',
};

/** The whole name and one day find the appointment: ask only for the one not said. */
function nameAndDateAnswer(outcome: NameAndDateNeeded): FunctionAnswer {
  const why = WHY[outcome.withheld ? 'withheld' : 'elsewhere'];
  const needs = outcome.missing.map((fact) =>
    fact === 'name' || fact === 'full-name' ? 'name' : 'date',
  );
  return answer(
    'APPOINTMENT.NAME_AND_DATE_NEEDED',
    `${why} ${QUESTION[outcome.missing.join('+')] ?? QUESTION['name+date']}`,
    { needs, missing: outcome.missing },
  );
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
