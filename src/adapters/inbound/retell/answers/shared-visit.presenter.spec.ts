import fc from 'fast-check';
import { Appointment } from '../../../../domain/appointment/appointment';
import { Hold } from '../../../../domain/appointment/hold';
import { Branch } from '../../../../domain/salon/branch';
import { Service } from '../../../../domain/salon/service';
import { busy, free } from '../../../../domain/salon/service-segment';
import { Staff } from '../../../../domain/salon/staff';
import { planVisit } from '../../../../domain/salon/visit';
import { WeeklyHours } from '../../../../domain/salon/weekly-hours';
import { MAX_SPOKEN_CHARS } from '../../../../domain/shared/german-messages';
import { StylistNotOffering } from '../../../../application/booking/wish-refusal';
import {
  appointmentsAnswer,
  bookedAnswer,
  cancelledAnswer,
  movedAnswer,
  whichOneAnswer,
} from './appointment-answers';
import { freeAnswer } from './booking-answers';
import { wishRefusalAnswer } from './language-answers';
import { SpokenSalon } from './spoken-salon';

/** Friday 4 December 2026, 10:00 in Berlin. */
const TEN = new Date('2026-12-04T09:00:00Z');
const NOW = new Date('2026-11-26T14:00:00Z');
const NAME_MAX = 150;
const longWordy = (seed: string) => `${seed} `.repeat(NAME_MAX).slice(0, NAME_MAX).trim();
const name = fc.oneof(
  fc.constant('W'.repeat(NAME_MAX)),
  fc.constant(longWordy('Anna-Lena Oberholzer-Schmidt')),
  fc.constant(longWordy('Schneiden mit Waschen, Föhnen und Pflege')),
  fc.constantFrom('Anna', 'Färben', 'Ö'),
);

const salonOf = (services: string[], stylists: string[]) => {
  const [cut, colour, wash] = [
    Service.simple({ id: 'cut', name: services[0] }, 30),
    Service.segmented({ id: 'colour', name: services[1] }, [busy(30), free(30), busy(10)]),
    Service.simple({ id: 'wash', name: services[2], duringProcessing: true }, 20),
  ];
  const staff = stylists.map((n, i) =>
    Staff.restore({ id: `s${i}`, name: n, serviceIds: ['cut', 'colour', 'wash'] }),
  );
  const salon: SpokenSalon = {
    companyId: 'c1',
    companyName: 'Salon',
    country: 'DE',
    branch: Branch.restore({
      id: 'b1',
      name: 'Salon',
      openingHours: WeeklyHours.sameOn([1, 2, 3, 4, 5, 6], [{ from: '09:00', to: '18:00' }]),
      splitVisits: true,
    }),
    staff,
    services: [cut, colour, wash],
    thisYear: 2026,
  };
  const visit = planVisit([cut, colour, wash]);
  if (!visit.ok) throw new Error(visit.error.detail);
  return { salon, visit: visit.value };
};
const sharing = [
  { serviceId: 'cut', staffId: 's0' },
  { serviceId: 'colour', staffId: 's1' },
  { serviceId: 'wash', staffId: 's2' },
];
const appointment = (visit: Service) =>
  Appointment.create({
    service: visit,
    staffId: 's0',
    assignment: sharing,
    customerId: 'k1',
    start: TEN,
    source: 'voice',
  });

describe('answers about a visit shared by stylists', () => {
  it('say who does what, when the names are short', () => {
    const { salon, visit } = salonOf(['Schneiden', 'Färben', 'Waschen'], ['Lena', 'Anna', 'Ben']);
    const hold = Hold.place({
      callId: 'call_1',
      staffId: 's0',
      service: visit,
      start: TEN,
      now: NOW,
      assignment: sharing,
    });
    const freeSaid = freeAnswer(
      salon,
      visit,
      { staffId: 's0', start: TEN, end: TEN, assignment: sharing },
      hold,
    );
    expect(freeSaid.message).toBe(
      'Freitag, 4. Dezember um 10 Uhr ist frei: Schneiden bei Lena, danach Färben bei Anna, ' +
        'danach Waschen bei Ben. Soll ich den Termin so für Sie eintragen?',
    );
    expect(freeSaid.stylists).toEqual([
      { service: 'Schneiden', staff: 'Lena' },
      { service: 'Färben', staff: 'Anna' },
      { service: 'Waschen', staff: 'Ben' },
    ]);
    const a = appointment(visit);
    expect(bookedAnswer(salon, a).message).toBe(
      'Ihr Termin ist eingetragen: Schneiden bei Lena, danach Färben bei Anna, danach Waschen ' +
        'bei Ben am Freitag, 4. Dezember um 10 Uhr.',
    );
    expect(movedAnswer(salon, a).message).toContain('Schneiden bei Lena, danach Färben bei Anna');
    expect(appointmentsAnswer(salon, [a]).message).toContain('Färben bei Anna');
  });

  it('say services of one stylist in a row together', () => {
    const { salon, visit } = salonOf(['Schneiden', 'Färben', 'Waschen'], ['Lena', 'Anna', 'Ben']);
    const twoOfAnna = [sharing[0], sharing[1], { serviceId: 'wash', staffId: 's1' }];
    const said = freeAnswer(
      salon,
      visit,
      { staffId: 's0', start: TEN, end: TEN, assignment: twoOfAnna },
      null,
    );
    expect(said.message).toContain('Schneiden bei Lena, danach Färben und Waschen bei Anna.');
  });

  it('a stylist asked for who does part of the visit: which services not', () => {
    const { salon, visit } = salonOf(['Schneiden', 'Färben', 'Waschen'], ['Lena', 'Anna', 'Ben']);
    const refusal: StylistNotOffering = {
      kind: 'refused',
      reason: 'STYLIST_NOT_OFFERING',
      stylist: salon.staff[0],
      service: visit,
      offeredBy: ['Anna'],
      notDone: ['Färben', 'Waschen'],
    };
    const said = wishRefusalAnswer(refusal);
    expect(said.message).toBe(
      'Lena macht Färben und Waschen leider nicht. Alles zusammen macht bei uns Anna.',
    );
    expect(said.not_done).toEqual(['Färben', 'Waschen']);
    // The verb agrees with the names said: one stylist "macht", two "machen".
    const two = wishRefusalAnswer({ ...refusal, offeredBy: ['Anna', 'Ben'] });
    expect(two.message).toContain('Alles zusammen machen bei uns Anna und Ben.');
    const nobody = wishRefusalAnswer({ ...refusal, offeredBy: [] });
    expect(nobody.message).toContain('Alles zusammen macht bei uns leider niemand.');
  });

  it('stay within 200 characters with the longest names, and still say the time', () => {
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 3, maxLength: 3 }),
        fc.array(name, { minLength: 3, maxLength: 3 }),
        (services, stylists) => {
          const { salon, visit } = salonOf(services, stylists);
          const a = appointment(visit);
          const freeSaid = freeAnswer(
            salon,
            visit,
            { staffId: 's0', start: TEN, end: TEN, assignment: sharing },
            null,
          );
          const refusal: StylistNotOffering = {
            kind: 'refused',
            reason: 'STYLIST_NOT_OFFERING',
            stylist: salon.staff[0],
            service: visit,
            offeredBy: stylists,
            notDone: services.slice(1),
          };
          const answers = [
            freeSaid,
            bookedAnswer(salon, a),
            bookedAnswer(salon, a, '+4915112345678'),
            movedAnswer(salon, a),
            cancelledAnswer(salon, a),
            appointmentsAnswer(salon, [a, a]),
            whichOneAnswer(salon, [a, a], 'verschieben'),
            wishRefusalAnswer(refusal),
          ];
          for (const said of answers) {
            expect(said.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
          }
          expect(freeSaid.message).toContain('10 Uhr');
          expect(bookedAnswer(salon, a).message).toContain('10 Uhr');
        },
      ),
      { numRuns: 200 },
    );
  });
});
