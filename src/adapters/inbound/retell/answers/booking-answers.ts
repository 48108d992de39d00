import { Hold } from '../../../../domain/appointment/hold';
import {
  BeyondHorizon,
  NobodyAtWorkFor,
  RunsPastOpeningHours,
  SlotTaken,
  Unavailable,
} from '../../../../domain/availability/availability.errors';
import { FreeStart } from '../../../../domain/availability/free-start';
import {
  formatGermanLocalDate,
  formatGermanTime,
  germanWeekday,
  toClockString,
  toIsoDate,
  wallClockAt,
} from '../../../../domain/language';
import { fitSpoken, joinGerman, shortName } from '../../../../domain/shared/german-messages';
import { Service } from '../../../../domain/salon/service';
import { Staff } from '../../../../domain/salon/staff';
import { answer, FunctionAnswer } from './function-answer';
import { SpokenSalon, spokenIsoDate } from './spoken-salon';
import { spokenServiceName } from './service-names';
import { spokenRefusal } from './refusal-sentence';
import {
  AlreadySaid,
  atStylist,
  offerSentence,
  shortOffer,
  spokenAlternatives,
  SpokenSlot,
  spokenSlot,
} from './spoken-slot';
import { sharedVisitSaid, stylistsOfServices } from './shared-visit-said';

export { appointmentFacts } from './appointment-answers';

/**
 * The wish as understood, for the agent to confirm or correct: ISO day, wall time and weekday
 * in the branch, and how it was said.
 */
export function askedFacts(salon: SpokenSalon, wish: Date, stylist: Staff | undefined) {
  const { date, time } = wallClockAt(wish, salon.branch.timeZone);
  const spoken = spokenSlot(salon, wish, stylist?.id ?? '');
  return {
    start: wish.toISOString(),
    date: toIsoDate(date),
    time: toClockString(time),
    weekday: germanWeekday(date),
    spoken: `${spoken.date} um ${spoken.time}`,
    staff: stylist?.name ?? null,
  };
}

interface Refusal {
  /** The sentence naming what was understood and why it cannot be had. */
  readonly sentence: (cap: number) => string;
  /** What that sentence has named, so the offer after it need not repeat it. */
  readonly said: AlreadySaid;
}

/**
 * The salon is open at the wish but closes before the appointment would end: "reicht die Zeit
 * bis zur Mittagspause um 13 Uhr nicht für den Termin." A break around noon is the midday break.
 */
function tooLittleTime(salon: SpokenSalon, why: RunsPastOpeningHours): string {
  const zone = salon.branch.timeZone;
  const closes = formatGermanTime(why.closesAt, zone);
  const hour = wallClockAt(why.closesAt, zone).time.hour;
  const until = !why.reopensLater
    ? `bis Ladenschluss um ${closes}`
    : hour >= 11 && hour < 15
      ? `bis zur Mittagspause um ${closes}`
      : `bis zur Pause um ${closes}`;
  return `reicht die Zeit ${until} nicht für den Termin.`;
}

/**
 * A visit stylists may share, but for some of its services nobody who does them works then:
 * "Am Dienstag, 15. Dezember arbeitet niemand, der Kinderhaarschnitt macht."
 */
function nobodyAtWork(
  salon: SpokenSalon,
  why: NobodyAtWorkFor,
  day: string,
  when: string,
  said: AlreadySaid,
): Refusal {
  const names = nobodyFor(salon, why);
  const at = why.wholeDay ? day : when;
  return {
    sentence: (cap) => {
      const short = names.map((n) => shortName(n, cap));
      return short.every((n) => n)
        ? `Am ${at} arbeitet niemand, der ${joinGerman(short)} macht.`
        : `Am ${at} arbeitet niemand, der das alles macht.`;
    },
    said,
  };
}

/** Why the wish cannot be had, said with the day and time understood. */
function refusal(
  salon: SpokenSalon,
  wish: Date,
  stylist: Staff | undefined,
  why: Unavailable,
): Refusal {
  const { date: day, time } = spokenSlot(salon, wish, '');
  const when = `${day} um ${time}`;
  const said = { date: day, staff: stylist?.name };
  const who = (cap: number) => shortName(stylist?.name ?? '', cap) || 'die gewünschte Person';
  const anyone = () => `Am ${when} ist leider niemand frei.`;
  switch (why.reason) {
    case 'CLOSED_DAY':
      return { sentence: () => `Am ${day} ist der Salon geschlossen.`, said };
    case 'OUTSIDE_OPENING_HOURS':
      return { sentence: () => `Am ${when} hat der Salon nicht geöffnet.`, said };
    case 'RUNS_PAST_OPENING_HOURS':
      return {
        sentence: () => `Am ${when} ${tooLittleTime(salon, why as RunsPastOpeningHours)}`,
        // The stylist asked for is not named here: the offer names them, so the caller hears
        // the earlier start is still with them.
        said: { date: day },
      };
    case 'IN_THE_PAST':
      return { sentence: () => `${when} ist schon vorbei.`, said };
    case 'TOO_SHORT_NOTICE':
      return { sentence: () => `${when} ist leider zu kurzfristig.`, said };
    case 'BEYOND_HORIZON': {
      const last = spokenIsoDate(salon, (why as BeyondHorizon).lastBookableDate);
      // A wish years ahead is named with its year: without it the day would be heard as this one.
      // The day said already carries it when it is not this year's; it is said once.
      const wishDay = wallClockAt(wish, salon.branch.timeZone).date;
      const lastYear = Number((why as BeyondHorizon).lastBookableDate.slice(0, 4));
      const asked =
        wishDay.year === lastYear ? day : formatGermanLocalDate(wishDay, { withYear: true });
      return {
        sentence: () => `${asked} ist zu weit im Voraus; Termine gibt es bis ${last}.`,
        said: { date: last, staff: stylist?.name },
      };
    }
    case 'OUTSIDE_WORKING_HOURS':
      if (why instanceof NobodyAtWorkFor) return nobodyAtWork(salon, why, day, when, said);
      return {
        sentence: stylist ? (cap) => `Am ${when} arbeitet ${who(cap)} nicht.` : anyone,
        said,
      };
    case 'CONFLICT':
      if ((why as SlotTaken).conflictKind === 'absence') {
        return {
          sentence: stylist ? (cap) => `Am ${when} ist ${who(cap)} leider nicht da.` : anyone,
          said,
        };
      }
      return {
        sentence: stylist
          ? (cap) => `${when}${atStylist(stylist.name, cap)} ist leider schon vergeben.`
          : () => `${when} ist leider schon vergeben.`,
        said,
      };
    case 'SERVICE_NOT_OFFERED':
      return {
        sentence: stylist
          ? (cap) => `${who(cap)} bietet diese Leistung leider nicht an.`
          : () => spokenRefusal(why),
        said,
      };
    default:
      return { sentence: () => spokenRefusal(why), said };
  }
}

/**
 * A wish that cannot be had: why, naming the day and time understood (also in `asked`), and the
 * nearest starts that can be had, each day and stylist said once.
 */
export function unavailableAnswer(
  salon: SpokenSalon,
  nearest: readonly FreeStart[],
  wish: Date,
  stylist: Staff | undefined,
  why: Unavailable,
): FunctionAnswer {
  const alternatives = spokenAlternatives(salon, nearest);
  const { sentence, said } = refusal(salon, wish, stylist, why);
  const message = fitSpoken(
    (cap) => `${sentence(cap)} ${offerSentence(alternatives, said, cap)}`,
    (cap) => `${sentence(cap)} ${shortOffer(alternatives, said, cap)}`,
    (cap) => `${sentence(cap)} ${shortOffer(alternatives.slice(0, 1), said, cap)}`,
  );
  return answer(why.code, message, {
    available: false,
    reason: why.reason,
    asked: askedFacts(salon, wish, stylist),
    ...(why instanceof BeyondHorizon ? { last_bookable_date: why.lastBookableDate } : {}),
    ...(why instanceof NobodyAtWorkFor ? { nobody_at_work_for: nobodyFor(salon, why) } : {}),
    alternatives,
  });
}

const nobodyFor = (salon: SpokenSalon, why: NobodyAtWorkFor) =>
  why.serviceIds.map((id) => salon.services.find((s) => s.id === id)?.name ?? id);

/** The slot went to someone else between checking and writing: fresh alternatives. */
export function slotLostAnswer(
  salon: SpokenSalon,
  nearest: readonly FreeStart[],
  code: string,
  wish: Date,
  stylist?: Staff,
): FunctionAnswer {
  const alternatives = spokenAlternatives(salon, nearest);
  const { date, time } = spokenSlot(salon, wish, '');
  const lead = `${date} um ${time} ist gerade eben vergeben worden.`;
  const said = { date, staff: stylist?.name };
  const message = fitSpoken(
    (cap) => `${lead} ${offerSentence(alternatives, said, cap)}`,
    (cap) => `${lead} ${shortOffer(alternatives, said, cap)}`,
  );
  return answer(code, message, {
    available: false,
    asked: askedFacts(salon, wish, stylist),
    alternatives,
  });
}

/** The wish is free (and held for this call when there is a hold). */
export function freeAnswer(
  salon: SpokenSalon,
  service: Service,
  free: FreeStart,
  hold: Hold | null,
): FunctionAnswer {
  const slot = spokenSlot(salon, free.start, free.staffId);
  if (free.assignment) return sharedFreeAnswer(salon, service, free, hold, slot);
  const message = fitSpoken((cap) => {
    const what = shortName(spokenServiceName(service), cap);
    return `${slot.date} um ${slot.time}${atStylist(slot.staff, cap)} ist frei${what ? ` für ${what}` : ''}. Soll ich den Termin für Sie eintragen?`;
  });
  return answer('OK', message, {
    available: true,
    service: spokenServiceName(service),
    ...(service.isVisit ? { services: service.parts.map((p) => p.name) } : {}),
    slot,
    hold: hold ? { id: hold.id, expires_at: hold.expiresAt.toISOString() } : null,
  });
}

/**
 * A visit free at the wish only when stylists share it: who does what is said, so that the
 * caller's yes (the booking) agrees to it.
 */
function sharedFreeAnswer(
  salon: SpokenSalon,
  service: Service,
  free: FreeStart,
  hold: Hold | null,
  slot: SpokenSlot,
): FunctionAnswer {
  const stylists = stylistsOfServices(salon, free.assignment ?? []);
  const message = fitSpoken(
    (cap) =>
      `${slot.date} um ${slot.time} ist frei: ${sharedVisitSaid(stylists, cap)}. Soll ich den Termin so für Sie eintragen?`,
    (cap) =>
      `${slot.date} um ${slot.time} ist frei${cap > 0 ? '' : ', bei mehreren Mitarbeitern'}. Soll ich den Termin so eintragen?`,
  );
  return answer('OK', message, {
    available: true,
    service: spokenServiceName(service),
    services: service.parts.map((p) => p.name),
    slot,
    stylists,
    hold: hold ? { id: hold.id, expires_at: hold.expiresAt.toISOString() } : null,
  });
}
