import {
  fitSpoken,
  joinGerman,
  sentenceWithNames,
  shortName,
} from '../../../../domain/shared/german-messages';
import { LocalDate } from '../../../../domain/shared/local-date';
import { StylistNotOffering } from '../../../../application/booking/wish-refusal';
import { answer, FunctionAnswer } from './function-answer';
import { spokenServiceName } from './service-names';
import { SpokenSalon, spokenIsoDate } from './spoken-salon';

/** "Das macht bei uns Anna", "Das machen bei uns Anna und Lena": the verb agrees with them. */
const doVerb = (names: readonly string[]): string => (names.length === 1 ? 'macht' : 'machen');

const dayOf = (date: LocalDate, salon: SpokenSalon | undefined) =>
  salon ? spokenIsoDate(salon, date) : date;

/** "am Dienstag, 15. Dezember", or "an diesen Tagen" for several days asked. */
const whenAsked = (days: readonly LocalDate[], salon: SpokenSalon | undefined) =>
  days.length === 1 ? `am ${dayOf(days[0], salon)}` : 'an diesen Tagen';

/**
 * After what the stylist does not do: who does it on the days asked ("Das macht bei uns Anna.",
 * "Alles zusammen macht bei uns Lena."), or, nobody of them working then, when one does.
 */
function whoDoesIt(
  refusal: StylistNotOffering,
  said: string,
  what: 'Das' | 'Alles zusammen',
  cap: number,
  salon: SpokenSalon | undefined,
): string {
  const { offeredBy, days, nearest, noneSoon } = refusal;
  if (offeredBy.length > 0) {
    const head = `${said} ${what} ${doVerb(offeredBy)} bei uns `;
    return sentenceWithNames(head, offeredBy, '.', cap, said);
  }
  const asked = days ? ` ${whenAsked(days, salon)}` : '';
  const nobody = `${said} ${what} macht${asked} leider niemand`;
  if (noneSoon) return `${nobody}, auch in den Wochen danach nicht.`;
  if (!nearest) return `${nobody}.`;
  const next = `wieder am ${dayOf(nearest.date, salon)}`;
  const names = nearest.by.map((n) => shortName(n, cap));
  if (cap === 0 || names.some((n) => !n)) return `${nobody}, jemand ${next}.`;
  return `${nobody}, ${joinGerman(names)} ${next}.`;
}

/** The stylist does not do the service (of a visit: which of its services): who does. */
export function stylistNotOfferingAnswer(
  refusal: StylistNotOffering,
  salon?: SpokenSalon,
): FunctionAnswer {
  const { stylist, service, offeredBy, notDone, days, nearest } = refusal;
  const message = notDone
    ? fitSpoken((cap) => {
        const who = shortName(stylist.name, cap) || 'Diese Person';
        const names = notDone.map((n) => shortName(n, cap));
        const said = names.every((n) => n)
          ? `${who} macht ${joinGerman(names)} leider nicht.`
          : `${who} macht leider nicht alles davon.`;
        if (offeredBy.length === 0 && !days)
          return `${said} Alles zusammen macht bei uns leider niemand.`;
        return whoDoesIt(refusal, said, 'Alles zusammen', cap, salon);
      })
    : fitSpoken((cap) => {
        const who = shortName(stylist.name, cap) || 'Diese Person';
        const what = shortName(spokenServiceName(service), cap) || 'das';
        const said = `${who} bietet ${what} leider nicht an.`;
        if (offeredBy.length === 0 && !days) return said;
        return whoDoesIt(refusal, said, 'Das', cap, salon);
      });
  return answer('AVAILABILITY.SERVICE_NOT_OFFERED', message, {
    stylist: stylist.name,
    ...(notDone ? { not_done: notDone } : {}),
    offered_by: offeredBy,
    ...(days ? { days } : {}),
    ...(nearest ? { nearest: { date: nearest.date, staff: nearest.by } } : {}),
  });
}
