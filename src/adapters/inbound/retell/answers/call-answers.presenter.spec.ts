import { Appointment } from '../../../../domain/appointment/appointment';
import { IllegalStatusTransition } from '../../../../domain/appointment/appointment.errors';
import { DateNotUnderstood } from '../../../../domain/language';
import { Branch } from '../../../../domain/salon/branch';
import { Service } from '../../../../domain/salon/service';
import { Staff } from '../../../../domain/salon/staff';
import { WeeklyHours } from '../../../../domain/salon/weekly-hours';
import { MAX_SPOKEN_CHARS } from '../../../../domain/shared/german-messages';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import { presentCancelAppointment } from './cancel-appointment.presenter';
import { presentCheckCustomer } from './check-customer.presenter';
import { presentCurrentContext } from './current-context.presenter';
import { FunctionAnswer } from './function-answer';
import { presentListAppointments } from './list-appointments.presenter';
import { presentRescheduleAppointment } from './reschedule-appointment.presenter';

/** The longest a salon file allows: names of 150 characters. */
const LONG = 'W'.repeat(150);
const perm = Service.simple({ id: 'perm', name: 'Dauerwelle' }, 60);
const anna = Staff.restore({ id: 'anna', name: 'Anna', serviceIds: ['perm'] });
const salon: BranchContext = {
  companyId: 'c1',
  companyName: LONG,
  country: 'DE',
  branch: Branch.restore({
    id: 'b1',
    name: LONG,
    openingHours: WeeklyHours.sameOn([1, 2, 3, 4, 5, 6], [{ from: '09:00', to: '18:00' }]),
  }),
  staff: [anna],
  services: [perm],
};
const appointment = () =>
  Appointment.create({
    service: perm,
    staffId: 'anna',
    customerId: 'k1',
    start: new Date('2026-12-04T09:00:00Z'),
    source: 'voice',
    newId: () => 'a1',
  });

const speakable = (a: FunctionAnswer) => {
  expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
  return a;
};

describe('check_customer presented', () => {
  it.each`
    kind           | message
    ${'anonymous'} | ${'Die Nummer ist unterdrückt. Wie ist Ihr Name?'}
    ${'ambiguous'} | ${'Unter dieser Nummer kenne ich mehrere Kunden. Wie ist Ihr Name?'}
    ${'new'}       | ${'Wie ist Ihr Name?'}
  `('$kind asks for the name', ({ kind, message }) => {
    expect(speakable(presentCheckCustomer({ kind }))).toEqual({
      success: true,
      code: 'OK',
      message,
      status: kind,
    });
  });

  it('greets a known caller by first name, however long it is', () => {
    expect(speakable(presentCheckCustomer({ kind: 'existing', firstName: LONG }))).toEqual({
      success: true,
      code: 'OK',
      message: `Schön, dass Sie anrufen, ${LONG}.`,
      status: 'existing',
      first_name: LONG,
    });
  });
});

describe('get_current_context presented', () => {
  it('says the date with its year and the time, with the facts in the branch', () => {
    const said = presentCurrentContext({
      kind: 'now',
      now: new Date('2027-09-30T08:30:00Z'),
      timeZone: 'Europe/Berlin',
      today: '2027-09-30',
      openingWindows: [
        { from: '09:00', to: '13:00' },
        { from: '14:00', to: '18:30' },
      ],
      salonName: LONG,
      branchName: LONG,
    });
    expect(speakable(said)).toEqual({
      success: true,
      code: 'OK',
      message: 'Heute ist Donnerstag, 30. September 2027, es ist 10:30 Uhr.',
      date: '2027-09-30',
      weekday: 'Donnerstag',
      time: '10:30 Uhr',
      time_zone: 'Europe/Berlin',
      salon: LONG,
      branch: LONG,
      open_today: true,
      opening_hours_today: '09:00 bis 13:00 und 14:00 bis 18:30',
      now: '2027-09-30T08:30:00.000Z',
    });
  });

  it('a closed day has no opening hours', () => {
    const said = presentCurrentContext({
      kind: 'now',
      now: new Date('2026-12-27T10:00:00Z'),
      timeZone: 'Europe/Berlin',
      today: '2026-12-27',
      openingWindows: [],
      salonName: 'S',
      branchName: 'B',
    });
    expect(said).toMatchObject({ open_today: false, opening_hours_today: null });
  });
});

describe('the caller’s appointments presented', () => {
  it('a withheld number, a day not understood, none found', () => {
    expect(
      speakable(
        presentListAppointments(salon, {
          kind: 'refused',
          reason: 'NAME_AND_DATE_NEEDED',
          withheld: true,
          missing: ['name', 'date'],
        }),
      ),
    ).toEqual({
      success: false,
      code: 'APPOINTMENT.NAME_AND_DATE_NEEDED',
      message:
        'Ihre Nummer ist unterdrückt. Auf welchen vollständigen Namen und für welchen Tag ist der Termin eingetragen?',
      needs: ['name', 'date'],
      missing: ['name', 'date'],
    });
    expect(
      presentListAppointments(salon, {
        kind: 'refused',
        reason: 'WHEN_NOT_UNDERSTOOD',
        error: new DateNotUnderstood(),
      }),
    ).toEqual({
      success: false,
      code: 'LANGUAGE.DATE_NOT_UNDERSTOOD',
      message: 'Welchen Tag meinen Sie genau?',
    });
    expect(
      speakable(
        presentCancelAppointment(salon, { kind: 'refused', reason: 'NO_SUCH_APPOINTMENT' }),
      ),
    ).toEqual({
      success: false,
      code: 'APPOINTMENT.NOT_FOUND',
      message:
        'Ich finde unter Ihrer Nummer keinen passenden Termin. Auf welchen vollständigen Namen und für welchen Tag ist er eingetragen?',
    });
    expect(presentListAppointments(salon, { kind: 'appointments', appointments: [] })).toEqual({
      success: true,
      code: 'APPOINTMENT.NONE',
      message: 'Ich finde unter Ihrer Nummer keinen kommenden Termin.',
      appointments: [],
      count: 0,
    });
  });

  it.each`
    missing                     | needs               | asks
    ${['date']}                 | ${['date']}         | ${'Für welchen Tag ist der Termin eingetragen?'}
    ${['one-day']}              | ${['date']}         | ${'An welchem Tag genau ist der Termin eingetragen?'}
    ${['name']}                 | ${['name']}         | ${'Auf welchen vollständigen Namen ist der Termin eingetragen?'}
    ${['full-name']}            | ${['name']}         | ${'Bitte nennen Sie mir Vor- und Nachnamen, auf die der Termin eingetragen ist.'}
    ${['full-name', 'date']}    | ${['name', 'date']} | ${'Bitte nennen Sie mir Vor- und Nachnamen und den Tag des Termins.'}
    ${['full-name', 'one-day']} | ${['name', 'date']} | ${'Bitte nennen Sie mir Vor- und Nachnamen und den genauen Tag des Termins.'}
    ${['name', 'one-day']}      | ${['name', 'date']} | ${'Auf welchen vollständigen Namen und für welchen einzelnen Tag ist der Termin eingetragen?'}
  `('name and day: missing $missing asks only for that', ({ missing, needs, asks }) => {
    for (const withheld of [true, false]) {
      const said = speakable(
        presentListAppointments(salon, {
          kind: 'refused',
          reason: 'NAME_AND_DATE_NEEDED',
          withheld,
          missing,
        }),
      );
      expect(said).toMatchObject({ code: 'APPOINTMENT.NAME_AND_DATE_NEEDED', needs, missing });
      expect(said.message).toMatch(withheld ? /^Ihre Nummer ist unterdrückt\. / : /^Unter Ihrer/);
      expect(said.message.endsWith(asks)).toBe(true);
    }
  });

  it('found by name and day: none and several people’s answer exactly alike', () => {
    const none = presentCancelAppointment(salon, {
      kind: 'refused',
      reason: 'NOT_IDENTIFIED',
      more: ['time', 'service'],
    });
    expect(speakable(none)).toEqual({
      success: false,
      code: 'APPOINTMENT.NOT_IDENTIFIED',
      message:
        'Zu diesem Namen und Tag kann ich Ihnen keinen Termin sicher zuordnen. Nennen Sie mir bitte auch die Uhrzeit oder die Leistung.',
      needs: ['time', 'service'],
    });
    expect(
      presentListAppointments(salon, { kind: 'refused', reason: 'NOT_IDENTIFIED', more: [] }),
    ).toMatchObject({
      code: 'APPOINTMENT.NOT_IDENTIFIED',
      message:
        'Zu diesen Angaben finde ich keinen Termin. Bitte prüfen Sie Namen, Tag und Uhrzeit.',
    });
  });

  it('a cancellation names the appointment; one that cannot be cancelled says so', () => {
    expect(
      speakable(presentCancelAppointment(salon, { kind: 'cancelled', appointment: appointment() })),
    ).toMatchObject({
      success: true,
      code: 'OK',
      message: 'Ihr Termin Dauerwelle am Freitag, 4. Dezember um 10 Uhr ist storniert.',
      appointment_id: 'a1',
    });
    const error = new IllegalStatusTransition('completed', 'cancel');
    expect(
      presentCancelAppointment(salon, { kind: 'refused', reason: 'NOT_CANCELLABLE', error }),
    ).toEqual({
      success: false,
      code: 'APPOINTMENT.ILLEGAL_STATUS_TRANSITION',
      message: 'Dieser Termin kann nicht mehr storniert werden.',
    });
  });

  it.each`
    reason                 | code                              | message
    ${'NEW_TIME_MISSING'}  | ${'APPOINTMENT.NEW_TIME_MISSING'} | ${'Auf welchen Tag und welche Uhrzeit möchten Sie den Termin verschieben?'}
    ${'SERVICE_WITHDRAWN'} | ${'SERVICE.UNKNOWN'}              | ${'Diese Leistung bieten wir nicht mehr an. Bitte sprechen Sie mit dem Salon.'}
  `('a move refused for $reason', ({ reason, code, message }) => {
    expect(presentRescheduleAppointment(salon, { kind: 'refused', reason })).toEqual({
      success: false,
      code,
      message,
    });
  });

  it('a move names the new time, and says whether Cal.com vouched for it', () => {
    const error = new IllegalStatusTransition('completed', 'reschedule');
    expect(
      presentRescheduleAppointment(salon, { kind: 'refused', reason: 'NOT_MOVABLE', error }),
    ).toEqual({
      success: false,
      code: 'APPOINTMENT.ILLEGAL_STATUS_TRANSITION',
      message: 'Dieser Termin kann nicht mehr verschoben werden.',
    });
    const moved = presentRescheduleAppointment(salon, {
      kind: 'moved',
      appointment: appointment(),
      verdicts: ['unchecked'],
    });
    expect(speakable(moved)).toMatchObject({
      success: true,
      message: 'Ihr Termin Dauerwelle ist verschoben auf Freitag, 4. Dezember um 10 Uhr bei Anna.',
      calendar_verified: false,
    });
  });
});
