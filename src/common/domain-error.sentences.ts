import type {
  IllegalStatusTransition,
  IllegalSyncTransition,
  PhaseNotFound,
  ServiceMismatch,
} from '../domain/appointment/appointment.errors';
import type { AppointmentStatus } from '../domain/appointment/appointment-status';
import type {
  BeyondHorizon,
  ClosedDay,
  InThePast,
  OutsideOpeningHours,
  RunsPastOpeningHours,
  OutsideWorkingHours,
  ServiceNotOffered,
  SlotTaken,
  TooShortNotice,
  UnknownStylist,
} from '../domain/availability/availability.errors';
import type {
  CalendarAddressRefused,
  CalendarAuthFailed,
  CalendarBadRequest,
  CalendarConflict,
  CalendarNetworkError,
  CalendarNotFound,
  CalendarRateLimited,
  CalendarServerError,
  CalendarTimeout,
  CalendarUnavailable,
} from '../domain/calendar/calendar.errors';
import type { AmbiguousLiveCall, CallEndsBeforeStart, NoCallId } from '../domain/call/call.errors';
import {
  formatGermanLocalDate,
  formatGermanLocalTime,
  type DateAmbiguous,
  type DateNotUnderstood,
  type DateParts,
  type TimeAmbiguous,
  type TimeNotUnderstood,
  type TimeSkippedByClockChange,
} from '../domain/language';
import type { AnonymousCaller, InvalidCallerNumber } from '../domain/salon/caller-phone';
import type { CallbackNumberNotUnderstood } from '../domain/salon/callback-number';
import type {
  InvalidBranch,
  InvalidCustomer,
  InvalidHours,
  InvalidService,
  InvalidStaff,
} from '../domain/salon/salon.errors';
import type {
  AmbiguousServiceName,
  MatchableService,
  UnknownServiceName,
} from '../domain/salon/service-name-matcher';
import type { TooManyServicesNamed } from '../domain/salon/service-list-matcher';
import type {
  AmbiguousStylistName,
  NamedStylist,
  UnknownStylistName,
} from '../domain/salon/stylist-name-matcher';
import type { DomainError } from '../domain/shared/domain-error';
import { fitSpoken, sentenceWithNames } from '../domain/shared/german-messages';

/** Every refusal the domain defines; each has a German sentence below. */
export type DomainRefusal =
  | IllegalStatusTransition
  | IllegalSyncTransition
  | ServiceMismatch
  | PhaseNotFound
  | InThePast
  | TooShortNotice
  | BeyondHorizon
  | ClosedDay
  | OutsideOpeningHours
  | RunsPastOpeningHours
  | ServiceNotOffered
  | OutsideWorkingHours
  | UnknownStylist
  | SlotTaken
  | CalendarAuthFailed
  | CalendarNotFound
  | CalendarRateLimited
  | CalendarConflict
  | CalendarServerError
  | CalendarNetworkError
  | CalendarTimeout
  | CalendarUnavailable
  | CalendarBadRequest
  | CalendarAddressRefused
  | NoCallId
  | AmbiguousLiveCall
  | CallEndsBeforeStart
  | DateNotUnderstood
  | DateAmbiguous
  | TimeNotUnderstood
  | TimeAmbiguous
  | TimeSkippedByClockChange
  | AnonymousCaller
  | InvalidCallerNumber
  | CallbackNumberNotUnderstood
  | InvalidService
  | InvalidHours
  | InvalidBranch
  | InvalidStaff
  | InvalidCustomer
  | AmbiguousStylistName<NamedStylist>
  | UnknownStylistName
  | AmbiguousServiceName<MatchableService>
  | UnknownServiceName
  | TooManyServicesNamed;

type Sentence<E> = string | ((refusal: E) => string);

/** One sentence per code; where it names facts, a function of the refusal. */
type Sentences = {
  readonly [C in DomainRefusal['code']]: Sentence<Extract<DomainRefusal, { code: C }>>;
};

const STATUS_SENTENCES: Record<AppointmentStatus, string> = {
  scheduled: 'Dieser Termin kann so nicht geändert werden.',
  cancelled: 'Dieser Termin ist bereits storniert.',
  completed: 'Dieser Termin hat bereits stattgefunden.',
  no_show: 'Dieser Termin liegt bereits in der Vergangenheit.',
};

const CALENDAR_AWAY = 'Der Kalender ist gerade nicht erreichbar.';

// Up to this many days are named one by one; more are named by their first and last.
const DAYS_NAMED_ONE_BY_ONE = 3;

/**
 * "Meinen Sie Montag, 14. Dezember, oder Dienstag, 15. Dezember?" or the span of the days;
 * `nameDay` says a day (the phone answers add the year where it is not this one).
 */
export function whichDay(
  { days }: DateAmbiguous,
  nameDay: (d: DateParts) => string = (d) => formatGermanLocalDate(d),
): string {
  const named = days.map(nameDay);
  if (named.length > DAYS_NAMED_ONE_BY_ONE) {
    return `An welchem Tag genau, zwischen ${named[0]} und ${named[named.length - 1]}?`;
  }
  if (named.length === 1) return `Meinen Sie ${named[0]}?`;
  // Each date but the last closed by a comma: "Montag, 14. Dezember, oder Dienstag, ...".
  const last = named.pop() as string;
  return `Meinen Sie ${named.map((n) => `${n}, `).join('')}oder ${last}?`;
}

/** The services offered, as far as they fit, after why the caller is asked. */
function whichService({ offered, heardSomething }: UnknownServiceName): string {
  if (!offered.length) return 'Ich kann gerade leider keine Leistungen anbieten.';
  const intro = heardSomething
    ? 'Diese Leistung habe ich leider nicht gefunden.'
    : 'Welche Leistung darf es sein?';
  return fitSpoken((cap) =>
    sentenceWithNames(`${intro} Wir bieten an: `, offered, '.', cap, intro),
  );
}

/** "Meinen Sie A, B oder C?" with the candidates' names as far as they fit, else `instead`. */
const whichOf =
  (instead: string) =>
  ({ candidates }: { candidates: readonly { name: string }[] }): string =>
    fitSpoken((cap) =>
      sentenceWithNames(
        'Meinen Sie ',
        candidates.map((c) => c.name),
        '?',
        cap,
        instead,
        'oder',
      ),
    );

const SENTENCES: Sentences = {
  'APPOINTMENT.ILLEGAL_STATUS_TRANSITION': ({ from }) => STATUS_SENTENCES[from],
  'APPOINTMENT.ILLEGAL_SYNC_TRANSITION':
    'Der Kalenderabgleich ist in diesem Zustand nicht möglich.',
  'APPOINTMENT.SERVICE_MISMATCH': 'Beim Verschieben bleibt die Dienstleistung gleich.',
  'APPOINTMENT.PHASE_NOT_FOUND': 'Dieser Teil des Termins wurde nicht gefunden.',

  'AVAILABILITY.IN_THE_PAST': 'Dieser Zeitpunkt liegt bereits in der Vergangenheit.',
  'AVAILABILITY.TOO_SHORT_NOTICE':
    'So kurzfristig können wir diesen Termin leider nicht mehr vergeben.',
  'AVAILABILITY.BEYOND_HORIZON': 'So weit im Voraus vergeben wir noch keine Termine.',
  'AVAILABILITY.CLOSED_DAY': 'An diesem Tag ist der Salon geschlossen.',
  'AVAILABILITY.OUTSIDE_OPENING_HOURS': 'Zu dieser Zeit hat der Salon nicht geöffnet.',
  'AVAILABILITY.RUNS_PAST_OPENING_HOURS':
    'Der Salon hat dann zwar geöffnet, schließt aber vor dem Ende des Termins.',
  'AVAILABILITY.SERVICE_NOT_OFFERED': 'Diese Dienstleistung bietet die gewünschte Person nicht an.',
  'AVAILABILITY.OUTSIDE_WORKING_HOURS': 'Zu dieser Zeit arbeitet die gewünschte Person nicht.',
  'AVAILABILITY.UNKNOWN_STYLIST': 'Diese Person gibt es in unserem Team leider nicht.',
  'AVAILABILITY.SLOT_TAKEN': ({ conflictKind }) =>
    conflictKind === 'absence'
      ? 'Zu dieser Zeit ist die gewünschte Person leider nicht da.'
      : 'Dieser Termin ist leider schon vergeben.',

  'CALENDAR.AUTH_FAILED': CALENDAR_AWAY,
  'CALENDAR.NOT_FOUND': 'Der Termin wurde im Kalender nicht gefunden.',
  'CALENDAR.RATE_LIMITED':
    'Der Kalender ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.',
  'CALENDAR.CONFLICT': 'Dieser Termin ist leider schon vergeben.',
  'CALENDAR.SERVER_ERROR': 'Der Kalender hat gerade ein technisches Problem.',
  'CALENDAR.NETWORK_ERROR': CALENDAR_AWAY,
  'CALENDAR.TIMEOUT': 'Der Kalender antwortet gerade nicht.',
  'CALENDAR.UNAVAILABLE': 'Der Kalender ist vorübergehend nicht verfügbar.',
  'CALENDAR.BAD_REQUEST': 'Der Kalender hat die Anfrage abgelehnt.',
  'CALENDAR.ADDRESS_REFUSED': CALENDAR_AWAY,

  'CALL.NO_CALL_ID': 'Ich konnte den Anruf nicht zuordnen.',
  'CALL.AMBIGUOUS_LIVE_CALL': 'Ich konnte den Anruf nicht eindeutig zuordnen.',
  'CALL.ENDS_BEFORE_START': 'Das Gesprächsende liegt vor dem Gesprächsbeginn.',

  'LANGUAGE.DATE_NOT_UNDERSTOOD': 'Welchen Tag meinen Sie genau?',
  'LANGUAGE.DATE_AMBIGUOUS': (e) => whichDay(e),
  'LANGUAGE.TIME_NOT_UNDERSTOOD': 'Um wie viel Uhr möchten Sie kommen?',
  'LANGUAGE.TIME_AMBIGUOUS': ({ readings: [early, late] }) =>
    `Meinen Sie ${formatGermanLocalTime(early)} morgens oder ${formatGermanLocalTime(late)}?`,
  'LANGUAGE.TIME_SKIPPED_BY_CLOCK_CHANGE':
    'Diese Uhrzeit gibt es wegen der Zeitumstellung an dem Tag nicht. Welche Uhrzeit meinen Sie?',

  'CALLER.ANONYMOUS':
    'Ihre Rufnummer ist unterdrückt, deshalb kann ich Sie nicht automatisch erkennen.',
  'CALLER.INVALID_NUMBER': 'Ich konnte Ihre Rufnummer leider nicht erkennen.',
  'BOOKING.CALLBACK_NUMBER_NOT_UNDERSTOOD':
    'Die Rückrufnummer habe ich nicht richtig verstanden. Bitte nennen Sie sie Ziffer für Ziffer.',

  'SALON.INVALID_SERVICE': 'Diese Dienstleistung ist nicht gültig angelegt.',
  'SALON.INVALID_HOURS': 'Diese Öffnungs- oder Arbeitszeiten sind nicht gültig.',
  'SALON.INVALID_BRANCH': 'Diese Filiale ist nicht gültig angelegt.',
  'SALON.INVALID_STAFF': 'Diese Mitarbeiterin ist nicht gültig angelegt.',
  'SALON.INVALID_CUSTOMER': 'Die Kundendaten sind nicht gültig.',

  'STAFF.AMBIGUOUS': whichOf('Wen meinen Sie genau?'),
  'STAFF.UNKNOWN': 'Diese Mitarbeiterin kenne ich leider nicht.',
  'SERVICE.AMBIGUOUS': whichOf('Welche Leistung meinen Sie genau?'),
  'SERVICE.UNKNOWN': whichService,
  'SERVICE.TOO_MANY': ({ max }) =>
    `So viele Leistungen passen nicht in einen Termin. Bitte nennen Sie höchstens ${max}.`,
};

/** The German sentence for one of the domain's refusals: what the caller is told. */
export function sentenceFor(refusal: DomainRefusal): string {
  const sentence = SENTENCES[refusal.code] as Sentence<DomainRefusal>;
  return typeof sentence === 'string' ? sentence : sentence(refusal);
}

/** The domain's refusal codes, each with a sentence. */
export const SPOKEN_REFUSAL_CODES: readonly string[] = Object.keys(SENTENCES);

/** Whether the refusal is one of the domain's (refusals of the admin API carry English). */
export const isDomainRefusal = (error: DomainError): error is DomainRefusal =>
  Object.hasOwn(SENTENCES, error.code);
