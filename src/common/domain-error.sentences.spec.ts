import fc from 'fast-check';
import { readdirSync } from 'fs';
import { join } from 'path';
import {
  IllegalStatusTransition,
  IllegalSyncTransition,
  IllegalTransition,
  PhaseNotFound,
  ServiceMismatch,
} from '../domain/appointment/appointment.errors';
import {
  BeyondHorizon,
  ClosedDay,
  InThePast,
  OutsideOpeningHours,
  RunsPastOpeningHours,
  NobodyAtWorkFor,
  OutsideWorkingHours,
  ServiceNotOffered,
  SlotTaken,
  TooShortNotice,
  Unavailable,
  UnknownStylist,
} from '../domain/availability/availability.errors';
import {
  CalendarAddressRefused,
  CalendarAuthFailed,
  CalendarBadRequest,
  CalendarConflict,
  CalendarError,
  CalendarNetworkError,
  CalendarNotFound,
  CalendarRateLimited,
  CalendarServerError,
  CalendarTimeout,
  CalendarUnavailable,
} from '../domain/calendar/calendar.errors';
import { AmbiguousLiveCall, CallEndsBeforeStart, NoCallId } from '../domain/call/call.errors';
import {
  DateAmbiguous,
  DateNotUnderstood,
  TimeAmbiguous,
  TimeNotUnderstood,
  TimeSkippedByClockChange,
} from '../domain/language';
import { addDays } from '../domain/language/date-parts';
import { AnonymousCaller, InvalidCallerNumber } from '../domain/salon/caller-phone';
import { CallbackNumberNotUnderstood } from '../domain/salon/callback-number';
import {
  InvalidBranch,
  InvalidCustomer,
  InvalidHours,
  InvalidSalonData,
  InvalidService,
  InvalidStaff,
} from '../domain/salon/salon.errors';
import { AmbiguousServiceName, UnknownServiceName } from '../domain/salon/service-name-matcher';
import { TooManyServicesNamed } from '../domain/salon/service-list-matcher';
import { AmbiguousStylistName, UnknownStylistName } from '../domain/salon/stylist-name-matcher';
import { DomainError, ThrownDomainError } from '../domain/shared/domain-error';
import { MAX_SPOKEN_CHARS } from '../domain/shared/german-messages';
import {
  DomainRefusal,
  isDomainRefusal,
  sentenceFor,
  SPOKEN_REFUSAL_CODES,
} from './domain-error.sentences';

const named = (...names: string[]) => names.map((name, i) => ({ id: `x${i}`, name }));
const service = (name: string, i = 0) => ({ id: `s${i}`, name, synonyms: [] });
const day = (year: number, month: number, d: number) => ({ year, month, day: d });
const SALON_SERVICES = [
  'Damenhaarschnitt',
  'Herrenhaarschnitt',
  'Kinderhaarschnitt',
  'Dauerwelle',
  'Färben',
  'Strähnchen',
  'Föhnen',
  'Bart trimmen',
  'Waschen, Schneiden, Föhnen',
];

/** Every refusal the domain defines, as the caller (or the admin API) hears it. */
const SAID: ReadonlyArray<readonly [DomainRefusal, string]> = [
  [
    new IllegalStatusTransition('scheduled', 'complete'),
    'Dieser Termin kann so nicht geändert werden.',
  ],
  [new IllegalStatusTransition('cancelled', 'cancel'), 'Dieser Termin ist bereits storniert.'],
  [
    new IllegalStatusTransition('completed', 'reschedule'),
    'Dieser Termin hat bereits stattgefunden.',
  ],
  [
    new IllegalStatusTransition('no_show', 'cancel'),
    'Dieser Termin liegt bereits in der Vergangenheit.',
  ],
  [
    new IllegalSyncTransition('synced', 'fail'),
    'Der Kalenderabgleich ist in diesem Zustand nicht möglich.',
  ],
  [new ServiceMismatch('s1', 's2'), 'Beim Verschieben bleibt die Dienstleistung gleich.'],
  [new PhaseNotFound('p1'), 'Dieser Teil des Termins wurde nicht gefunden.'],

  [new InThePast(), 'Dieser Zeitpunkt liegt bereits in der Vergangenheit.'],
  [new TooShortNotice(), 'So kurzfristig können wir diesen Termin leider nicht mehr vergeben.'],
  [new BeyondHorizon('2027-03-01'), 'So weit im Voraus vergeben wir noch keine Termine.'],
  [new ClosedDay(), 'An diesem Tag ist der Salon geschlossen.'],
  [new OutsideOpeningHours(), 'Zu dieser Zeit hat der Salon nicht geöffnet.'],
  [
    new RunsPastOpeningHours(new Date('2026-12-02T12:00:00Z'), true),
    'Der Salon hat dann zwar geöffnet, schließt aber vor dem Ende des Termins.',
  ],
  [new ServiceNotOffered(), 'Diese Dienstleistung bietet die gewünschte Person nicht an.'],
  [new OutsideWorkingHours(), 'Zu dieser Zeit arbeitet die gewünschte Person nicht.'],
  [new NobodyAtWorkFor(['s1'], false), 'Zu dieser Zeit arbeitet die gewünschte Person nicht.'],
  [new UnknownStylist('p9'), 'Diese Person gibt es in unserem Team leider nicht.'],
  [new SlotTaken('appointment'), 'Dieser Termin ist leider schon vergeben.'],
  [new SlotTaken('hold'), 'Dieser Termin ist leider schon vergeben.'],
  [new SlotTaken('calendar'), 'Dieser Termin ist leider schon vergeben.'],
  [new SlotTaken('absence'), 'Zu dieser Zeit ist die gewünschte Person leider nicht da.'],

  [new CalendarAuthFailed('401 Invalid API Key'), 'Der Kalender ist gerade nicht erreichbar.'],
  [new CalendarNotFound('404'), 'Der Termin wurde im Kalender nicht gefunden.'],
  [
    new CalendarRateLimited(17, '429'),
    'Der Kalender ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.',
  ],
  [new CalendarConflict('400 already has booking'), 'Dieser Termin ist leider schon vergeben.'],
  [
    new CalendarServerError(502, '502 Bad Gateway'),
    'Der Kalender hat gerade ein technisches Problem.',
  ],
  [new CalendarNetworkError('ECONNRESET'), 'Der Kalender ist gerade nicht erreichbar.'],
  [new CalendarTimeout(5000, 'POST /v2/bookings'), 'Der Kalender antwortet gerade nicht.'],
  [new CalendarUnavailable('breaker open'), 'Der Kalender ist vorübergehend nicht verfügbar.'],
  [new CalendarBadRequest(400, 'attendee.name'), 'Der Kalender hat die Anfrage abgelehnt.'],
  [new CalendarAddressRefused('10.0.0.1'), 'Der Kalender ist gerade nicht erreichbar.'],

  [new NoCallId(), 'Ich konnte den Anruf nicht zuordnen.'],
  [new AmbiguousLiveCall(2), 'Ich konnte den Anruf nicht eindeutig zuordnen.'],
  [new CallEndsBeforeStart(), 'Das Gesprächsende liegt vor dem Gesprächsbeginn.'],

  [new DateNotUnderstood(), 'Welchen Tag meinen Sie genau?'],
  [new DateAmbiguous([day(2026, 12, 14)]), 'Meinen Sie Montag, 14. Dezember?'],
  [
    new DateAmbiguous([day(2026, 11, 30), day(2026, 12, 1)]),
    'Meinen Sie Montag, 30. November, oder Dienstag, 1. Dezember?',
  ],
  [
    new DateAmbiguous([day(2026, 12, 1), day(2026, 12, 2), day(2026, 12, 3)]),
    'Meinen Sie Dienstag, 1. Dezember, Mittwoch, 2. Dezember, oder Donnerstag, 3. Dezember?',
  ],
  [
    new DateAmbiguous([0, 1, 2, 3, 4, 5, 6].map((i) => addDays(day(2026, 11, 30), i))),
    'An welchem Tag genau, zwischen Montag, 30. November und Sonntag, 6. Dezember?',
  ],
  [
    new DateAmbiguous([0, 1, 2, 3, 4, 5].map((i) => addDays(day(2026, 11, 30), i))),
    'An welchem Tag genau, zwischen Montag, 30. November und Samstag, 5. Dezember?',
  ],
  [
    new DateAmbiguous(Array.from({ length: 31 }, (_, i) => day(2027, 1, i + 1))),
    'An welchem Tag genau, zwischen Freitag, 1. Januar und Sonntag, 31. Januar?',
  ],
  [new TimeNotUnderstood(), 'Um wie viel Uhr möchten Sie kommen?'],
  [
    new TimeAmbiguous([
      { hour: 8, minute: 0 },
      { hour: 20, minute: 0 },
    ]),
    'Meinen Sie 8 Uhr morgens oder 20 Uhr?',
  ],
  [
    new TimeAmbiguous([
      { hour: 8, minute: 30 },
      { hour: 20, minute: 30 },
    ]),
    'Meinen Sie 8:30 Uhr morgens oder 20:30 Uhr?',
  ],
  [
    new TimeAmbiguous([
      { hour: 3, minute: 0 },
      { hour: 15, minute: 0 },
    ]),
    'Meinen Sie 3 Uhr morgens oder 15 Uhr?',
  ],
  [
    new TimeAmbiguous([
      { hour: 10, minute: 0 },
      { hour: 22, minute: 0 },
    ]),
    'Meinen Sie 10 Uhr morgens oder 22 Uhr?',
  ],
  [
    new TimeSkippedByClockChange(),
    'Diese Uhrzeit gibt es wegen der Zeitumstellung an dem Tag nicht. Welche Uhrzeit meinen Sie?',
  ],

  [
    new AnonymousCaller(),
    'Ihre Rufnummer ist unterdrückt, deshalb kann ich Sie nicht automatisch erkennen.',
  ],
  [new InvalidCallerNumber(), 'Ich konnte Ihre Rufnummer leider nicht erkennen.'],
  [
    new CallbackNumberNotUnderstood(),
    'Die Rückrufnummer habe ich nicht richtig verstanden. Bitte nennen Sie sie Ziffer für Ziffer.',
  ],

  [
    new InvalidService('duration must be positive'),
    'Diese Dienstleistung ist nicht gültig angelegt.',
  ],
  [new InvalidHours('from after to'), 'Diese Öffnungs- oder Arbeitszeiten sind nicht gültig.'],
  [new InvalidBranch('unknown time zone'), 'Diese Filiale ist nicht gültig angelegt.'],
  [
    new InvalidStaff('an absence must end after it starts'),
    'Diese Mitarbeiterin ist nicht gültig angelegt.',
  ],
  [new InvalidCustomer('phone is not E.164'), 'Die Kundendaten sind nicht gültig.'],

  [
    new AmbiguousStylistName(named('Clara Oberholzer', 'Clara Weiß')),
    'Meinen Sie Clara Oberholzer oder Clara Weiß?',
  ],
  [new UnknownStylistName(), 'Diese Mitarbeiterin kenne ich leider nicht.'],
  [
    new AmbiguousServiceName([service('Glätten', 0), service('Plätten', 1)]),
    'Meinen Sie Glätten oder Plätten?',
  ],
  [
    new UnknownServiceName(['Damenhaarschnitt', 'Herrenhaarschnitt', 'Färben'], true),
    'Diese Leistung habe ich leider nicht gefunden. Wir bieten an: Damenhaarschnitt, Herrenhaarschnitt und Färben.',
  ],
  [
    new UnknownServiceName(['Damenhaarschnitt', 'Färben'], false),
    'Welche Leistung darf es sein? Wir bieten an: Damenhaarschnitt und Färben.',
  ],
  // After the longer refusal the whole list would pass 200 characters: the last one is counted.
  [
    new UnknownServiceName(SALON_SERVICES, true),
    'Diese Leistung habe ich leider nicht gefunden. Wir bieten an: Damenhaarschnitt, ' +
      'Herrenhaarschnitt, Kinderhaarschnitt, Dauerwelle, Färben, Strähnchen, Föhnen, ' +
      'Bart trimmen und eine weitere.',
  ],
  [
    new UnknownServiceName(SALON_SERVICES, false),
    'Welche Leistung darf es sein? Wir bieten an: Damenhaarschnitt, Herrenhaarschnitt, ' +
      'Kinderhaarschnitt, Dauerwelle, Färben, Strähnchen, Föhnen, Bart trimmen und Waschen, ' +
      'Schneiden, Föhnen.',
  ],
  [new UnknownServiceName([], true), 'Ich kann gerade leider keine Leistungen anbieten.'],
  [
    new TooManyServicesNamed(30, 4),
    'So viele Leistungen passen nicht in einen Termin. Bitte nennen Sie höchstens 4.',
  ],
  [new UnknownServiceName([], false), 'Ich kann gerade leider keine Leistungen anbieten.'],
];

type RefusalClass = abstract new (...args: never[]) => DomainError;

/** The classes every domain file exports that are refusals, abstract ones aside. */
const ABSTRACT = new Set<unknown>([
  DomainError,
  ThrownDomainError,
  IllegalTransition,
  Unavailable,
  CalendarError,
  InvalidSalonData,
]);

function refusalClassesOfTheDomain(): Set<RefusalClass> {
  const found = new Set<RefusalClass>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        for (const value of Object.values(require(path) as Record<string, unknown>)) {
          const isClass = typeof value === 'function' && value.prototype !== undefined;
          if (isClass && value.prototype instanceof DomainError && !ABSTRACT.has(value)) {
            found.add(value as RefusalClass);
          }
        }
      }
    }
  };
  walk(join(__dirname, '..', 'domain'));
  return found;
}

describe('domain refusals in German', () => {
  it('every refusal class the domain exports has a sentence, and every code one', () => {
    const classes = refusalClassesOfTheDomain();
    expect(classes.size).toBeGreaterThanOrEqual(42);
    const covered = new Set<unknown>(SAID.map(([refusal]) => refusal.constructor));
    const unsaid = [...classes].filter((c) => !covered.has(c)).map((c) => c.name);
    expect(unsaid).toEqual([]);
    const codes = new Set(SAID.map(([refusal]) => refusal.code));
    expect([...codes].sort()).toEqual([...SPOKEN_REFUSAL_CODES].sort());
  });

  it.each(SAID.map(([refusal, sentence]) => [refusal.code, refusal, sentence] as const))(
    '%s is said as expected',
    (_code, refusal, sentence) => {
      expect(isDomainRefusal(refusal)).toBe(true);
      expect(sentenceFor(refusal)).toBe(sentence);
    },
  );

  it.each(SAID.map(([refusal, sentence]) => [refusal.code, sentence] as const))(
    '%s is one short spoken sentence without markup',
    (_code, sentence) => {
      expect(sentence).toMatch(/^[A-ZÄÖÜ][^<>{}]*[.?!]$/);
      expect(sentence.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    },
  );

  it.each(
    SAID.filter(([refusal]) => refusal instanceof CalendarError).map(
      ([refusal, sentence]) => [refusal.code, refusal as CalendarError, sentence] as const,
    ),
  )('%s names the calendar and nothing internal', (_code, refusal, sentence) => {
    expect(sentence.length).toBeLessThan(100);
    expect(sentence).toMatch(/Kalender|Termin/);
    expect(sentence).not.toContain(refusal.detail ?? '\u0000');
    expect(sentence).not.toMatch(/\d{3}|http|cal\.com|api/i);
  });

  it('the admin API’s own refusals are not the domain’s', () => {
    const own = { code: 'STAFF.NOT_FOUND', message: 'No such staff.' } as DomainError;
    expect(isDomainRefusal(own)).toBe(false);
  });
});

describe('domain refusals naming names stay within 200 characters', () => {
  // Names as a salon file may hold them (150 characters), in lists as long as it may hold (500).
  const NAME_MAX = 150;
  const LIST_MAX = 500;
  const longWordy = (seed: string) => `${seed} `.repeat(NAME_MAX).slice(0, NAME_MAX).trim();
  const name = fc.oneof(
    fc.constant('W'.repeat(NAME_MAX)),
    fc.constant(longWordy('Anna-Lena Oberholzer-Schmidt')),
    fc.constant(longWordy('Damenhaarschnitt mit Waschen, Föhnen und Pflege')),
    fc.constantFrom('Anna', 'Dauerwelle', 'Ö'),
    fc
      .string({
        unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüßÄÖÜ -,.&'),
        maxLength: NAME_MAX,
      })
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );
  const names = (minLength: number) => fc.array(name, { minLength, maxLength: LIST_MAX });
  const fits = (refusal: DomainRefusal) =>
    expect(sentenceFor(refusal).length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);

  it('stylists and services asked about, or offered instead', () => {
    fc.assert(
      fc.property(names(2), names(0), fc.boolean(), (candidates, offered, heard) => {
        fits(new AmbiguousStylistName(named(...candidates)));
        fits(new AmbiguousServiceName(candidates.map(service)));
        fits(new UnknownServiceName(offered, heard));
      }),
      { numRuns: 40 },
    );
  });

  it('the days a phrase could mean, in any month of any year', () => {
    const first = fc.record({
      year: fc.integer({ min: 2026, max: 2099 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    });
    // Consecutive days, or the open ones among them: in order, up to two months' worth.
    const offsets = fc
      .uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 62 })
      .map((o) => o.sort((a, b) => a - b));
    fc.assert(
      fc.property(first, offsets, (from, after) => {
        fits(new DateAmbiguous(after.map((i) => addDays(from, i))));
      }),
    );
  });

  it('both readings of an hour', () => {
    const reading = fc.record({
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(fc.property(reading, reading, (a, b) => fits(new TimeAmbiguous([a, b]))));
  });
});

describe('the domain’s own message', () => {
  // Logs and operators read it; it is not what a caller hears, and it names nobody.
  it.each(SAID.map(([refusal, sentence]) => [refusal.code, refusal, sentence] as const))(
    '%s is a plain English line, not the sentence',
    (_code, refusal, sentence) => {
      expect(refusal.message).toMatch(/^[A-Z0-9][\x20-\x7e]*\.$/);
      expect(refusal.message).not.toBe(sentence);
    },
  );

  it('names no stylist, service or caller', () => {
    const names = ['Clara Oberholzer', 'Damenhaarschnitt'];
    for (const refusal of [
      new AmbiguousStylistName(named(...names)),
      new AmbiguousServiceName(names.map(service)),
      new UnknownServiceName(names, true),
    ]) {
      for (const name of names) expect(refusal.message).not.toContain(name);
    }
  });
});
