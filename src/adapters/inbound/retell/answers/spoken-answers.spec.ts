import { Appointment } from '../../../../domain/appointment/appointment';
import {
  BeyondHorizon,
  ClosedDay,
  InThePast,
  OutsideWorkingHours,
  RunsPastOpeningHours,
  SlotTaken,
  Unavailable,
} from '../../../../domain/availability/availability.errors';
import { Branch } from '../../../../domain/salon/branch';
import { Service } from '../../../../domain/salon/service';
import { Staff } from '../../../../domain/salon/staff';
import { WeeklyHours } from '../../../../domain/salon/weekly-hours';
import { ok } from '../../../../domain/shared/result';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import { unavailableAnswer } from './booking-answers';
import { speakingAt } from './spoken-salon';
import { CallerAppointmentsFinder } from '../../../../application/booking/caller-appointments.finder';
import { ListAppointmentsUseCase } from '../../../../application/booking/list-appointments.use-case';
import { whichOne } from '../../../../application/booking/which-one';
import { presentLookup } from './appointment-lookup.presenter';
import { presentListAppointments } from './list-appointments.presenter';

/** What the caller hears: each day and stylist said once, refusals naming what was understood. */
const perm = Service.simple({ id: 'perm', name: 'Dauerwelle' }, 60);
const cut = Service.simple({ id: 'cut', name: 'Herrenhaarschnitt' }, 30);
const anna = Staff.restore({ id: 'anna', name: 'Anna', serviceIds: ['perm', 'cut'] });
const ben = Staff.restore({ id: 'ben', name: 'Ben', serviceIds: ['perm', 'cut'] });
const salon: BranchContext = {
  companyId: 'c1',
  companyName: 'Salon Haarmonie',
  country: 'DE',
  branch: Branch.restore({
    id: 'b1',
    name: 'Salon Haarmonie Mitte',
    openingHours: WeeklyHours.sameOn([1, 2, 3, 4, 5, 6], [{ from: '09:00', to: '18:00' }]),
  }),
  staff: [anna, ben],
  services: [perm, cut],
};

const at = (iso: string) => new Date(iso);
const free = (staff: Staff, iso: string) => ({
  staffId: staff.id,
  start: at(iso),
  end: new Date(at(iso).getTime() + 30 * 60_000),
});
let ids = 0;
const booked = (service: Service, staff: Staff, iso: string) =>
  Appointment.create({
    service,
    staffId: staff.id,
    customerId: 'k1',
    start: at(iso),
    source: 'voice',
    newId: () => `id-${++ids}`,
  });

describe('refusals name the day and time understood', () => {
  const refused = (
    wish: string,
    why: Unavailable,
    nearest: ReturnType<typeof free>[],
    stylist?: Staff,
  ) => unavailableAnswer(salon, nearest, at(wish), stylist, why);

  it('a taken slot says date and stylist once (it was 203 characters)', () => {
    const a = refused(
      '2027-09-30T12:30:00Z',
      new SlotTaken('appointment'),
      [free(anna, '2027-09-30T12:45:00Z'), free(anna, '2027-09-30T13:00:00Z')],
      anna,
    );
    expect(a.message).toBe(
      'Donnerstag, 30. September um 14:30 Uhr bei Anna ist leider schon vergeben. Ich kann Ihnen 14:45 Uhr oder 15 Uhr anbieten.',
    );
  });

  it('a closed day is named, and the day understood is in the facts', () => {
    const a = refused('2026-12-06T09:00:00Z', new ClosedDay(), [
      free(anna, '2026-12-07T08:00:00Z'),
      free(anna, '2026-12-07T08:15:00Z'),
    ]);
    expect(a.message).toBe(
      'Am Sonntag, 6. Dezember ist der Salon geschlossen. Ich kann Ihnen Montag, 7. Dezember um 9 Uhr oder 9:15 Uhr bei Anna anbieten.',
    );
    expect(a.asked).toEqual({
      start: '2026-12-06T09:00:00.000Z',
      date: '2026-12-06',
      time: '10:00',
      weekday: 'Sonntag',
      spoken: 'Sonntag, 6. Dezember um 10 Uhr',
      staff: null,
    });
  });

  it('a wish beyond the horizon names the last bookable day, and its year when far ahead', () => {
    const near = refused('2027-06-15T08:00:00Z', new BeyondHorizon('2027-03-06'), [
      free(anna, '2027-03-06T15:30:00Z'),
      free(anna, '2027-03-06T16:00:00Z'),
    ]);
    expect(near.message).toBe(
      'Dienstag, 15. Juni ist zu weit im Voraus; Termine gibt es bis Samstag, 6. März. Ich kann Ihnen 16:30 Uhr oder 17 Uhr bei Anna anbieten.',
    );
    expect(near).toMatchObject({ last_bookable_date: '2027-03-06', asked: { date: '2027-06-15' } });
    const far = refused('2031-12-05T09:00:00Z', new BeyondHorizon('2027-03-06'), []);
    expect(far.message).toMatch(/^Freitag, 5\. Dezember 2031 ist zu weit im Voraus; .+ 6\. März\./);
  });

  it('a wish years ahead says its year once where the salon says the years of other years', () => {
    const inDecember = speakingAt(salon, at('2026-12-07T10:00:00Z'));
    const a = unavailableAnswer(
      inDecember,
      [],
      at('3000-01-01T09:00:00Z'),
      undefined,
      new BeyondHorizon('2027-03-06'),
    );
    expect(a.message).toMatch(
      /^Mittwoch, 1\. Januar 3000 ist zu weit im Voraus; .+ 6\. März 2027\./,
    );
  });

  it.each([
    [
      new OutsideWorkingHours(),
      'Am Freitag, 4. Dezember um 9 Uhr arbeitet Anna nicht. Ich kann Ihnen 9 Uhr bei Ben anbieten.',
    ],
    [
      new SlotTaken('absence'),
      'Am Freitag, 4. Dezember um 9 Uhr ist Anna leider nicht da. Ich kann Ihnen 9 Uhr bei Ben anbieten.',
    ],
    [
      new InThePast(),
      'Freitag, 4. Dezember um 9 Uhr ist schon vorbei. Ich kann Ihnen 9 Uhr bei Ben anbieten.',
    ],
  ])('%p', (why, message) => {
    const a = refused('2026-12-04T08:00:00Z', why, [free(ben, '2026-12-04T08:00:00Z')], anna);
    expect(a.message).toBe(message);
    expect(a).toMatchObject({ asked: { date: '2026-12-04', time: '09:00', weekday: 'Freitag' } });
  });

  it.each([
    [
      'the midday break',
      new RunsPastOpeningHours(at('2026-12-02T12:00:00Z'), true),
      'Am Mittwoch, 2. Dezember um 11:30 Uhr reicht die Zeit bis zur Mittagspause um 13 Uhr nicht für den Termin. Ich kann Ihnen 10:45 Uhr bei Anna anbieten.',
    ],
    [
      'an afternoon break',
      new RunsPastOpeningHours(at('2026-12-02T15:00:00Z'), true),
      'Am Mittwoch, 2. Dezember um 11:30 Uhr reicht die Zeit bis zur Pause um 16 Uhr nicht für den Termin. Ich kann Ihnen 10:45 Uhr bei Anna anbieten.',
    ],
    [
      'closing',
      new RunsPastOpeningHours(at('2026-12-02T17:30:00Z'), false),
      'Am Mittwoch, 2. Dezember um 11:30 Uhr reicht die Zeit bis Ladenschluss um 18:30 Uhr nicht für den Termin. Ich kann Ihnen 10:45 Uhr bei Anna anbieten.',
    ],
  ])('open at the wish but not to its end (%s): says when it closes', (_, why, message) => {
    const a = refused('2026-12-02T10:30:00Z', why, [free(anna, '2026-12-02T09:45:00Z')], anna);
    expect(a.message).toBe(message);
    expect(a).toMatchObject({
      code: 'AVAILABILITY.RUNS_PAST_OPENING_HOURS',
      reason: 'RUNS_PAST_OPENING_HOURS',
      asked: { time: '11:30', staff: 'Anna' },
    });
    expect(a.message).not.toContain('nicht geöffnet');
  });

  it('another stylist in the offer is named, and the asked one again after them', () => {
    const a = refused(
      '2026-12-04T13:30:00Z',
      new SlotTaken('appointment'),
      [free(ben, '2026-12-04T13:30:00Z'), free(anna, '2026-12-04T14:00:00Z')],
      anna,
    );
    expect(a.message).toBe(
      'Freitag, 4. Dezember um 14:30 Uhr bei Anna ist leider schon vergeben. Ich kann Ihnen 14:30 Uhr bei Ben oder 15 Uhr bei Anna anbieten.',
    );
  });

  it('each run of one stylist ends with its name, so no time is heard as the next one’s', () => {
    const a = refused(
      '2026-12-04T13:30:00Z',
      new SlotTaken('appointment'),
      [
        free(anna, '2026-12-04T14:00:00Z'),
        free(anna, '2026-12-04T14:30:00Z'),
        free(ben, '2026-12-04T15:00:00Z'),
      ],
      anna,
    );
    expect(a.message).toBe(
      'Freitag, 4. Dezember um 14:30 Uhr bei Anna ist leider schon vergeben. Ich kann Ihnen 15 Uhr, 15:30 Uhr bei Anna oder 16 Uhr bei Ben anbieten.',
    );
  });
});

describe('several appointments', () => {
  const three = () => [
    booked(perm, anna, '2026-12-04T09:00:00Z'),
    booked(cut, ben, '2026-12-05T08:00:00Z'),
    booked(perm, anna, '2026-12-05T13:30:00Z'),
  ];

  it('asks which one over three with each day said once (it was 245 characters)', () => {
    const which = whichOne(three(), 'cancel');
    expect(!which.ok && which.error.kind).toBe('which-one');
    expect(!which.ok && presentLookup(salon, which.error).message).toBe(
      'Ich finde 3 Termine: Dauerwelle am Freitag, 4. Dezember um 10 Uhr, Herrenhaarschnitt am Samstag, 5. Dezember um 9 Uhr und Dauerwelle um 14:30 Uhr. Welchen möchten Sie stornieren?',
    );
  });

  it('asks which one over many by the next one, keeping all of them in the facts', () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      booked(perm, anna, new Date(Date.UTC(2026, 11, 4 + (i >> 1), 9 + (i % 2))).toISOString()),
    );
    const which = whichOne(many, 'reschedule');
    const said = !which.ok && presentLookup(salon, which.error);
    expect(said && said.message).toBe(
      'Ich finde 8 Termine; der nächste ist Dauerwelle am Freitag, 4. Dezember um 10 Uhr. Welchen möchten Sie verschieben?',
    );
    expect(said && said.candidates).toHaveLength(8);
  });

  const list = async (appointments: Appointment[]) => {
    const finder = { find: async () => ok(appointments) } as unknown as CallerAppointmentsFinder;
    const clock = { now: () => new Date('2026-11-26T14:00:00Z') };
    const call = { companyId: 'c1', branchId: 'b1', callId: 'call_1', callerNumber: null };
    const found = await new ListAppointmentsUseCase(clock, finder).execute(salon, call, {});
    expect(found).toEqual({ kind: 'appointments', appointments });
    return presentListAppointments(salon, found);
  };

  it('reads out three appointments, each day once (it was 213 characters)', async () => {
    const a = await list(three());
    expect(a.message).toBe(
      'Sie haben 3 Termine: Dauerwelle am Freitag, 4. Dezember um 10 Uhr bei Anna, Herrenhaarschnitt am Samstag, 5. Dezember um 9 Uhr bei Ben und Dauerwelle um 14:30 Uhr bei Anna.',
    );
  });

  it('summarises more than three and keeps all of them in the facts', async () => {
    const twelve = Array.from({ length: 12 }, (_, i) =>
      booked(cut, ben, new Date(Date.UTC(2026, 11, 4 + i, 8)).toISOString()),
    );
    const a = await list(twelve);
    expect(a.message).toBe(
      'Sie haben 12 Termine; der nächste ist Herrenhaarschnitt am Freitag, 4. Dezember um 9 Uhr bei Ben. Soll ich die anderen nennen?',
    );
    expect(a.appointments).toHaveLength(12);
    expect(a.count).toBe(12);
  });
});
