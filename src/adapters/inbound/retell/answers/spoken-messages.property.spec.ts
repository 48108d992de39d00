import fc from 'fast-check';
import { Appointment } from '../../../../domain/appointment/appointment';
import {
  BeyondHorizon,
  ClosedDay,
  InThePast,
  OutsideOpeningHours,
  RunsPastOpeningHours,
  OutsideWorkingHours,
  ServiceNotOffered,
  SlotTaken,
  TooShortNotice,
  Unavailable,
  UnknownStylist,
} from '../../../../domain/availability/availability.errors';
import { FreeStart } from '../../../../domain/availability/free-start';
import {
  DateAmbiguous,
  formatGermanDate,
  formatGermanLocalDate,
  formatGermanTime,
  wallClockAt,
} from '../../../../domain/language';
import { addDays } from '../../../../domain/language/date-parts';
import { Branch } from '../../../../domain/salon/branch';
import { Service } from '../../../../domain/salon/service';
import {
  AmbiguousServiceName,
  matchServiceName,
  UnknownServiceName,
} from '../../../../domain/salon/service-name-matcher';
import { Staff } from '../../../../domain/salon/staff';
import { AmbiguousStylistName } from '../../../../domain/salon/stylist-name-matcher';
import { WeeklyHours } from '../../../../domain/salon/weekly-hours';
import { MAX_SPOKEN_CHARS } from '../../../../domain/shared/german-messages';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import {
  appointmentsAnswer,
  bookedAnswer,
  cancelledAnswer,
  movedAnswer,
  whichOneAnswer,
} from './appointment-answers';
import { freeAnswer, slotLostAnswer, unavailableAnswer } from './booking-answers';
import { FunctionAnswer } from './function-answer';
import { SpokenSalon } from './spoken-salon';
import { notUnderstoodAnswer, wishRefusalAnswer } from './language-answers';
import { SpokenRequestReader } from '../../../../application/booking/spoken-request.reader';
import { DomainRefusal, sentenceFor } from '../../../../common/domain-error.sentences';

/**
 * Every sentence the agent speaks, built from the longest names and lists a salon file allows
 * (service, stylist and branch names of 150 characters, 500 services and stylists), stays within
 * 200 characters and still names what it must: the day and time understood, the alternatives,
 * how many appointments there are.
 */
const ZONE = 'Europe/Berlin';
const NAME_MAX = 150;
const LIST_MAX = 500;

// Names as a salon file may hold them: one endless word, many words, anything printable.
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

// Any quarter hour of 2026-2029; the longest spoken day is "Donnerstag, 30. September".
const QUARTER = 15 * 60_000;
const instant = fc.oneof(
  fc
    .integer({ min: Date.UTC(2026, 0, 1) / QUARTER, max: Date.UTC(2029, 11, 31) / QUARTER })
    .map((q) => new Date(q * QUARTER)),
  fc.constant(new Date('2027-09-30T12:30:00Z')),
);

// Said in 2026: days of 2027-2029 carry their year, the longest spoken date.
const THIS_YEAR = 2026;

const salonOf = (staffNames: readonly string[], serviceNames: readonly string[]): SpokenSalon => {
  const services = serviceNames.map((n, i) => Service.simple({ id: `s${i}`, name: n }, 30));
  return {
    companyId: 'c1',
    companyName: longWordy('Salon Haarmonie'),
    country: 'DE',
    branch: Branch.restore({
      id: 'b1',
      name: longWordy('Salon Haarmonie Berlin-Mitte'),
      openingHours: WeeklyHours.sameOn([1, 2, 3, 4, 5, 6], [{ from: '09:00', to: '18:00' }]),
    }),
    staff: staffNames.map((n, i) =>
      Staff.restore({ id: `p${i}`, name: n, serviceIds: services.map((s) => s.id) }),
    ),
    services,
    thisYear: THIS_YEAR,
  };
};

const salon = fc
  .tuple(
    fc.array(name, { minLength: 1, maxLength: 3 }),
    fc.array(name, { minLength: 1, maxLength: 3 }),
  )
  .map(([staff, services]) => salonOf(staff, services));

const day = (at: Date) =>
  formatGermanDate(at, ZONE, { withYear: wallClockAt(at, ZONE).date.year !== THIS_YEAR });
const time = (at: Date) => formatGermanTime(at, ZONE);

/** Short enough to speak, and naming every fact given. */
const spoken = (a: FunctionAnswer, ...mustName: string[]) => {
  expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
  for (const fact of mustName) expect(a.message).toContain(fact);
};

const refusals = (lastBookable: string): Unavailable[] => [
  new ClosedDay(),
  new OutsideOpeningHours(),
  new RunsPastOpeningHours(new Date(`${lastBookable}T12:00:00Z`), true),
  new RunsPastOpeningHours(new Date(`${lastBookable}T17:30:00Z`), false),
  new InThePast(),
  new TooShortNotice(),
  new BeyondHorizon(lastBookable),
  new OutsideWorkingHours(),
  new SlotTaken('appointment'),
  new SlotTaken('hold'),
  new SlotTaken('calendar'),
  new SlotTaken('absence'),
  new ServiceNotOffered(),
  new UnknownStylist('p9'),
];
/** What a refusal must name of the wish: the day, and the time where the hour is the reason. */
const NAMES_TIME = new Set([
  'OUTSIDE_OPENING_HOURS',
  'RUNS_PAST_OPENING_HOURS',
  'IN_THE_PAST',
  'TOO_SHORT_NOTICE',
  'CONFLICT',
]);
const NAMES_DAY = new Set([...NAMES_TIME, 'CLOSED_DAY', 'BEYOND_HORIZON', 'OUTSIDE_WORKING_HOURS']);

const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const spokenIso = (iso: string) => {
  const [year, month, d] = iso.split('-').map(Number);
  return formatGermanLocalDate({ year, month, day: d }, { withYear: year !== THIS_YEAR });
};

const appointments = (s: BranchContext, starts: readonly Date[]): Appointment[] =>
  starts.map((start, i) =>
    Appointment.create({
      service: s.services[i % s.services.length],
      staffId: s.staff[i % s.staff.length].id,
      customerId: 'k1',
      start,
      source: 'voice',
      newId: (() => {
        let n = 0;
        return () => `a${i}-${++n}`;
      })(),
    }),
  );

describe('every spoken message fits 200 characters and names what it must', () => {
  it('refusals name the day and time understood, and the alternatives', () => {
    fc.assert(
      fc.property(
        salon,
        instant,
        fc.array(instant, { maxLength: 2 }),
        fc.boolean(),
        fc.nat(),
        (s, wish, alternativeStarts, withStylist, pick) => {
          const stylist = withStylist ? s.staff[pick % s.staff.length] : undefined;
          const nearest: FreeStart[] = alternativeStarts.map((start, i) => ({
            staffId: s.staff[(pick + i) % s.staff.length].id,
            start,
            end: new Date(start.getTime() + 30 * 60_000),
          }));
          const lastBookable = isoDay(new Date(wish.getTime() - 40 * 86_400_000));
          for (const why of refusals(lastBookable)) {
            const a = unavailableAnswer(s, nearest, wish, stylist, why);
            const must = [
              ...(NAMES_DAY.has(why.reason) ? [day(wish)] : []),
              ...(why instanceof BeyondHorizon ? [spokenIso(lastBookable)] : []),
              ...(NAMES_TIME.has(why.reason) ? [time(wish)] : []),
              ...(nearest.length > 0 ? [time(nearest[0].start)] : []),
            ];
            spoken(a, ...must);
            expect(a).toMatchObject({ asked: { start: wish.toISOString() } });
          }
          spoken(
            slotLostAnswer(s, nearest, 'AVAILABILITY.SLOT_TAKEN', wish, stylist),
            day(wish),
            time(wish),
            ...(nearest.length > 0 ? [time(nearest[0].start)] : []),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a free, booked, moved or cancelled slot names its day and time', () => {
    fc.assert(
      fc.property(salon, instant, (s, start) => {
        const [a] = appointments(s, [start]);
        const free = { staffId: a.staffId, start, end: a.end };
        spoken(freeAnswer(s, s.services[0], free, null), day(start), time(start));
        spoken(bookedAnswer(s, a), day(start), time(start));
        spoken(movedAnswer(s, a), day(start), time(start));
        spoken(cancelledAnswer(s, a), day(start), time(start));
      }),
      { numRuns: 300 },
    );
  });

  it('lists and the question which one: the count and the next appointment, all in the facts', () => {
    fc.assert(
      fc.property(salon, fc.array(instant, { minLength: 1, maxLength: 25 }), (s, starts) => {
        const sorted = [...starts].sort((x, y) => x.getTime() - y.getTime());
        const all = appointments(s, sorted);
        const listed = appointmentsAnswer(s, all);
        const count = all.length === 1 ? 'einen Termin' : `${all.length} Termine`;
        spoken(listed, count, day(sorted[0]), time(sorted[0]));
        expect(listed.appointments).toHaveLength(all.length);
        if (all.length < 2) return;
        for (const verb of ['stornieren', 'verschieben']) {
          const which = whichOneAnswer(s, all, verb);
          spoken(which, `${all.length} Termine`, day(sorted[0]), verb);
          expect(which.candidates).toHaveLength(all.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a question about a vague day names its first day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 62 }), salon, (from, count, s) => {
        const first = { year: from.getUTCFullYear(), month: from.getUTCMonth() + 1, day: 1 };
        const days = Array.from({ length: count }, (_, i) => addDays(first, i));
        for (const a of [
          notUnderstoodAnswer(new DateAmbiguous(days)),
          notUnderstoodAnswer(new DateAmbiguous(days), s),
        ]) {
          spoken(a, `${first.day}. `);
          expect(a.days).toHaveLength(count);
        }
        // Said in 2026, a day of another year carries it.
        const asked = notUnderstoodAnswer(new DateAmbiguous(days), s);
        if (first.year !== THIS_YEAR) expect(asked.message).toContain(String(first.year));
      }),
    );
  });

  it('services and stylists asked about, unknown or not offered: within 200 with 500 long names', () => {
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: LIST_MAX }),
        fc.array(name, { minLength: 2, maxLength: LIST_MAX }),
        (services, staff) => {
          const s = salonOf(staff, services);
          spoken(answerOf(new UnknownServiceName(services, true)));
          spoken(answerOf(new UnknownServiceName(services, false)));
          spoken(answerOf(new AmbiguousServiceName(s.services)));
          spoken(answerOf(new AmbiguousStylistName(s.staff)));
          const reader = new SpokenRequestReader(s);
          const unknown = reader.stylist('Zzzyxq Qqqq');
          if (!unknown.ok) spoken(wishRefusalAnswer(unknown.error));
          const notOffering = salonOf(staff, services);
          const only = Staff.restore({ id: 'solo', name: staff[0], serviceIds: [] });
          const readerOf = new SpokenRequestReader({
            ...notOffering,
            staff: [only, ...notOffering.staff],
          });
          const refused = readerOf.stylist(staff[0], notOffering.services[0]);
          if (!refused.ok) spoken(wishRefusalAnswer(refused.error));
          const heard = readerOf.service('xyzzy plugh');
          if (!heard.ok) spoken(wishRefusalAnswer(heard.error));
          // several services in one phrase: each part, understood or not, within 200
          const pair = `${services[0]} und ${services[services.length - 1]}`;
          for (const phrase of [
            pair,
            `${services[0]} und ${'x'.repeat(150)}`,
            `xyzzy und ${pair}`,
          ]) {
            const several = reader.service(phrase);
            if (!several.ok) spoken(wishRefusalAnswer(several.error));
          }
          const many = reader.service(services.slice(0, 30).join(' und '));
          if (!many.ok) spoken(wishRefusalAnswer(many.error));
          const matched = matchServiceName('xyzzy', s.services);
          if (matched.kind !== 'match')
            expect(sentenceFor(matched).length).toBeLessThanOrEqual(200);
        },
      ),
      { numRuns: 40 },
    );
  });
});

const answerOf = (e: DomainRefusal): FunctionAnswer => ({
  success: false,
  code: e.code,
  message: sentenceFor(e),
});
