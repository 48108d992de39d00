import {
  DateAmbiguous,
  formatGermanLocalDate,
  germanWeekday,
  DateParts,
  TimeAmbiguous,
  toClockString,
  toIsoDate,
} from '../../../../domain/language';
import { DomainError } from '../../../../domain/shared/domain-error';
import { fitSpoken, sentenceWithNames } from '../../../../domain/shared/german-messages';
import { answer, FunctionAnswer } from './function-answer';
import { spokenRefusal } from './refusal-sentence';
import { severalServicesAnswer } from './several-services.answer';
import { stylistNotOfferingAnswer } from './stylist-not-offering.answer';
import { sentenceFor, whichDay } from '../../../../common/domain-error.sentences';
import { SpokenSalon, spokenDate } from './spoken-salon';
import { StylistUnclear, WishRefusal } from '../../../../application/booking/wish-refusal';

/** A day named in a question, for the agent to confirm or offer (the year where not this one). */
export const dayFacts = (d: DateParts, salon?: SpokenSalon) => ({
  date: toIsoDate(d),
  weekday: germanWeekday(d),
  spoken: salon ? spokenDate(salon, d) : formatGermanLocalDate(d),
});

/**
 * A date or time that could not be read as one: the question back, with the readings it names
 * in the facts (the days "Anfang nächster Woche" could mean, both readings of "um acht").
 */
export function notUnderstoodAnswer(error: DomainError, salon?: SpokenSalon): FunctionAnswer {
  if (error instanceof DateAmbiguous) {
    const sentence = salon ? whichDay(error, (d) => spokenDate(salon, d)) : sentenceFor(error);
    return answer(error.code, sentence, { days: error.days.map((d) => dayFacts(d, salon)) });
  }
  if (error instanceof TimeAmbiguous) {
    return answer(error.code, sentenceFor(error), { readings: error.readings.map(toClockString) });
  }
  return answer(error.code, spokenRefusal(error));
}

/** What the caller said that cannot be read as one wish, as the question back. */
export function wishRefusalAnswer(refusal: WishRefusal, salon?: SpokenSalon): FunctionAnswer {
  switch (refusal.reason) {
    case 'SERVICE_UNCLEAR': {
      const found = refusal.match;
      if (found.kind === 'ambiguous') {
        return answer(found.code, sentenceFor(found), {
          candidates: found.candidates.map((c) => c.name),
        });
      }
      if (found.kind === 'too-many')
        return answer(found.code, sentenceFor(found), { max: found.max });
      return answer(found.code, sentenceFor(found), { offered: found.offered });
    }
    case 'SEVERAL_SERVICES':
      return severalServicesAnswer(refusal);
    case 'STYLIST_UNCLEAR':
      return stylistUnclearAnswer(refusal);
    case 'STYLIST_NOT_OFFERING':
      return stylistNotOfferingAnswer(refusal, salon);
    case 'WHEN_MISSING':
      return answer(
        'LANGUAGE.DATE_NOT_UNDERSTOOD',
        'An welchem Tag und um wie viel Uhr möchten Sie kommen?',
      );
    case 'WHEN_NOT_UNDERSTOOD':
      return notUnderstoodAnswer(refusal.error, salon);
  }
}

/** Several stylists fit the name (they are named), or nobody does (the team is named). */
function stylistUnclearAnswer({ match, team }: StylistUnclear): FunctionAnswer {
  if (match.kind === 'ambiguous') {
    const candidates = match.candidates.map((s) => s.name);
    return answer(match.code, sentenceFor(match), { candidates, staff: team });
  }
  const unknown = sentenceFor(match);
  const message = fitSpoken((cap) =>
    sentenceWithNames(`${unknown} Bei uns arbeiten `, team, '.', cap, unknown),
  );
  return answer(match.code, message, { staff: team });
}
